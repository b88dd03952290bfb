/*
 * Roles for the level lvl_loader: the domains, the role blocks with their cards
 * and dossier facts, read from the roles file (levels/rollen.yaml) and from
 * a level's own `eigen-rollen`, which may replace a role of the file.
 */
#include "level/level_schema.h"

#include <stdio.h>
#include <string.h>

/* --------------------------------------------------------------- domains */

static void domain_names(const lvl_loader *L, const char **out)
{
    for (int i = 0; i < L->n_domains; i++)
        out[i] = L->domains[i];
}

void lvl_read_domains(lvl_src *s, lvl_loader *L, const lnode *v)
{
    lnode one;
    const lnode *seq = lvl_list(s, v, "domeinen", &one);
    if (!seq)
        return;
    for (int i = 0; i < seq->n; i++) {
        v = seq->kids[i];
        if (!lvl_want(s, v, LN_SCALAR, "domeinen") || !lvl_check_id_value(s, v, "domein"))
            continue;
        bool dup = false;
        for (int j = 0; j < L->n_domains; j++)
            if (strcmp(L->domains[j], v->s) == 0)
                dup = true;
        if (dup)
            continue; /* a level may repeat a domain of the roles file */
        if (L->n_domains >= LVL_MAX_DOMAINS) {
            lvl_diag_at(s, LVL_ERROR, v, NULL, _("te veel domeinen (max. %d)"), LVL_MAX_DOMAINS);
            return;
        }
        lvl_copy_str(L->domains[L->n_domains++], CORE_ID_LEN, v->s);
    }
}

/* A domain reference must be declared under `domeinen:`, so typos surface. */
bool lvl_domain_ref(lvl_src *s, const lvl_loader *L, const lnode *v, char *out)
{
    if (L->n_domains == 0)
        return false; /* the roles file could not be read: already reported */
    const char *names[LVL_MAX_DOMAINS];
    domain_names(L, names);
    int i = lvl_resolve(s, v, names, L->n_domains, N_("onbekend domein"));
    if (i < 0)
        return false;
    lvl_copy_str(out, CORE_ID_LEN, L->domains[i]);
    return true;
}

static int domain_list(lvl_src *s, const lvl_loader *L, const lnode *map, const char *key,
                       char (*out)[CORE_ID_LEN], int max)
{
    lnode one;
    const lnode *seq = lvl_get_list(s, map, key, &one);
    int n = 0;
    if (!seq)
        return 0;
    for (int i = 0; i < seq->n; i++) {
        if (n >= max) {
            lvl_diag_at(s, LVL_ERROR, seq->kids[i], NULL, _("te veel domeinen in ‘%s’ (max. %d)"),
                        key, max);
            break;
        }
        if (lvl_domain_ref(s, L, seq->kids[i], out[n]))
            n++;
    }
    return n;
}

/* ----------------------------------------------------------------- roles */

static const lvl_kspec card_keys[] = {
    {"id", true}, {"titel", true}, {"tekst", false}, {"soort", false}, {"domein", false},
    {"kennis", false}, {"sterkte", false}, {"versterking", false}, {"aantal", false},
    {"stem-van-de-leerling", false}, {"rol", false}, /* `rol` last: only a level's cards have it */
};

/* An expertise card has a strength (`sterkte`), a generic card boosts
 * another (`versterking`); each needs its own number and ignores the other. */
typedef struct {
    const char *key, *other;
    /* msgids, translated where the diagnostic is made */
    const char *missing_hint, *missing, *ignored_hint, *ignored;
} power_spec;

static const power_spec card_powers[2] = {
    {"sterkte", "versterking", N_("bv. ‘sterkte: 2’"),
     N_("een expertisekaart heeft een ‘sterkte’ nodig"),
     N_("‘versterking’ geldt enkel voor ‘soort: generiek’"),
     N_("‘versterking’ wordt genegeerd op een expertisekaart")},
    {"versterking", "sterkte", N_("bv. ‘versterking: 1’"),
     N_("een generieke kaart heeft een ‘versterking’ nodig"),
     N_("een generieke kaart versterkt een ander; gebruik ‘versterking’"),
     N_("‘sterkte’ wordt genegeerd op een generieke kaart")},
};

static void card_power(lvl_src *s, const lnode *c, const power_spec *p, int *out)
{
    if (!lvl_get_int(s, c, p->key, out, 1, 9) && !lvl_map_key_node(c, p->key))
        lvl_diag_at(s, LVL_ERROR, c, _(p->missing_hint), "%s", _(p->missing));
    const lnode *other = lvl_map_key_node(c, p->other);
    if (other)
        lvl_diag_at(s, LVL_WARNING, other, _(p->ignored_hint), "%s", _(p->ignored));
}

/* One role card (role == -1 while reading a roles file). */
bool lvl_read_card(lvl_src *s, const lvl_loader *L, const lnode *c, lvl_card_tmp *out, bool level_card)
{
    memset(out, 0, sizeof *out);
    out->node = c;
    out->src = s;
    out->copies = 1;
    if (!lvl_want(s, c, LN_MAP, _("een kaart")))
        return false;
    lvl_check_keys(s, c, card_keys, (int)(sizeof card_keys / sizeof card_keys[0]) - (level_card ? 0 : 1),
               _("een kaart"));
    if (level_card && !lvl_map_key_node(c, "rol"))
        lvl_diag_at(s, LVL_ERROR, c, _("voeg ‘rol: leraar’ (of een andere rol) toe"),
                    "%s", _("een kaart in een casus moet zeggen bij welke ‘rol’ ze hoort"));
    core_card_def *d = &out->def;
    lvl_get_id(s, c, "id", d->id);
    lvl_get_text(s, c, "titel", d->title, sizeof d->title);
    lvl_get_text(s, c, "tekst", d->text, sizeof d->text);
    d->type = CORE_CARD_EXPERTISE;
    static const char *const types[] = {"expertise", "generiek"};
    if (lvl_get_choice(s, c, "soort", types, 2, N_("onbekende kaartsoort")) == 1)
        d->type = CORE_CARD_GENERIC;
    lvl_get_int(s, c, "aantal", &out->copies, 1, 4);
    if (d->type == CORE_CARD_EXPERTISE) {
        const lnode *dom = lvl_get_scalar(s, c, "domein");
        if (dom)
            lvl_domain_ref(s, L, dom, d->domain);
        else
            lvl_diag_at(s, LVL_ERROR, c, _("bv. ‘domein: klaspraktijk’"), "%s",
                        _("een expertisekaart heeft een ‘domein’ nodig"));
        if (!lvl_get_kind(s, c, &d->kind))
            lvl_diag_at(s, LVL_ERROR, c, _("wetenschappelijk, professioneel of ervaring"),
                        "%s", _("een expertisekaart heeft ‘kennis’ nodig"));
    } else if (!lvl_get_kind(s, c, &d->kind)) {
        d->kind = CORE_KIND_PROFESSIONEEL;
    }
    card_power(s, c, &card_powers[d->type == CORE_CARD_EXPERTISE ? 0 : 1],
               d->type == CORE_CARD_EXPERTISE ? &d->strength : &d->boost);
    /* what the pupil says: counts only in a round in which someone asked the pupil */
    lvl_get_yesno(s, c, "stem-van-de-leerling", &d->pupil_voice);
    return true;
}

static const lvl_kspec role_keys[] = {
    {"id", true}, {"naam", true}, {"beschrijving", false}, {"specialisme", true}, {"vaardigheden", false},
    {"grenzen", false}, {"grensdomeinen", false}, {"kleur", false}, {"kaarten", true}, {"dossier", false},
    {"afkorting", false}, {"leerling", false}, {"geeft-toestemming", false}, {"organiseert-overleg", false},
};
static const lvl_kspec rolefact_keys[] = {{"id", true}, {"tekst", true}, {"domeinen", true}};

/* `afkorting`: 1 to 4 characters without spaces, shown in the role's chip. */
static void read_badge(lvl_src *s, const lnode *r, char out[CORE_BADGE_LEN])
{
    out[0] = '\0';
    const lnode *v = lvl_get_scalar(s, r, "afkorting");
    if (!v)
        return;
    int chars = 0;
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)v->s; *p; p++) {
        if ((*p & 0xC0) != 0x80)
            chars++;
        if (*p == ' ' || *p == '\t')
            space = true;
    }
    if (chars < 1 || chars > 4 || space) {
        lvl_diag_at(s, LVL_ERROR, v, _("bijvoorbeeld ‘LOG’ voor de logopedist"),
                    _("een afkorting heeft 1 tot 4 tekens zonder spaties, niet ‘%s’"), v->s);
        return;
    }
    lvl_copy_str(out, CORE_BADGE_LEN, v->s);
}

void lvl_role_badge(const lvl_role_tmp *t, char out[CORE_BADGE_LEN])
{
    if (t->badge[0]) {
        lvl_copy_str(out, CORE_BADGE_LEN, t->badge);
        return;
    }
    /* roles files without `afkorting` (and journals written before it existed) */
    core_role_default_badge(t->def.id, t->def.name, out);
}

/* What a role may do under the rules of issue #12 (RULES.md: consent, the
 * pupil's voice, overlegmoment): set from the usual role ids, and the keys
 * `leerling`, `geeft-toestemming` and `organiseert-overleg` override that,
 * so a level's own role (say a pleegmoeder) can give consent too. */
static void role_flags(lvl_src *s, const lnode *r, core_role_def *d)
{
    d->pupil = strcmp(d->id, "leerling") == 0;
    d->guardian = strcmp(d->id, "ouder") == 0;
    d->organizer = strcmp(d->id, "directie") == 0 || strcmp(d->id, "zorgcoordinator") == 0;
    lvl_get_yesno(s, r, "leerling", &d->pupil);
    lvl_get_yesno(s, r, "geeft-toestemming", &d->guardian);
    lvl_get_yesno(s, r, "organiseert-overleg", &d->organizer);
}

static void read_role(lvl_src *s, lvl_loader *L, const lnode *r)
{
    if (!lvl_want(s, r, LN_MAP, _("een rol")))
        return;
    lvl_check_keys(s, r, role_keys, (int)(sizeof role_keys / sizeof role_keys[0]), _("een rol"));
    char id[CORE_ID_LEN] = "";
    lvl_get_id(s, r, "id", id);
    lvl_role_tmp *t = NULL;
    for (int i = 0; i < L->n_roles; i++) {
        if (id[0] && strcmp(L->roles[i].def.id, id) == 0) {
            if (L->roles[i].src == s) {
                char hint[LVL_MSG_LEN];
                snprintf(hint, sizeof hint, _("de eerste staat op regel %d"), L->roles[i].node->line);
                lvl_diag_at(s, LVL_ERROR, lvl_map_get(r, "id"), hint, _("rol ‘%s’ bestaat al"), id);
                return;
            }
            t = &L->roles[i]; /* a level redefines a role of the roles file */
        }
    }
    if (!t) {
        if (L->n_roles >= LVL_MAX_KNOWN_ROLES) {
            lvl_diag_at(s, LVL_ERROR, r, NULL, _("te veel rollen (max. %d)"), LVL_MAX_KNOWN_ROLES);
            return;
        }
        t = &L->roles[L->n_roles++];
    }
    int keep_colour = t->colour_set ? t->def.colour : -1;
    memset(t, 0, sizeof *t);
    t->node = r;
    t->src = s;
    core_role_def *d = &t->def;
    lvl_copy_str(d->id, sizeof d->id, id);
    lvl_get_text(s, r, "naam", d->name, sizeof d->name);
    lvl_get_text(s, r, "beschrijving", d->description, sizeof d->description);
    lvl_get_text(s, r, "grenzen", d->limits_text, sizeof d->limits_text);
    d->n_domains = domain_list(s, L, r, "specialisme", d->domains, CORE_MAX_DOMAINS);
    d->n_limit_domains = domain_list(s, L, r, "grensdomeinen", d->limit_domains, CORE_MAX_DOMAINS);
    for (int i = 0; i < d->n_limit_domains; i++)
        for (int j = 0; j < d->n_domains; j++)
            if (strcmp(d->limit_domains[i], d->domains[j]) == 0)
                lvl_diag_at(s, LVL_ERROR, lvl_map_get(r, "grensdomeinen"), NULL,
                            _("‘%s’ staat zowel in ‘specialisme’ als in ‘grensdomeinen’"),
                            d->limit_domains[i]);
    lnode one;
    const lnode *sk = lvl_get_list(s, r, "vaardigheden", &one);
    if (sk) {
        for (int i = 0; i < sk->n; i++) {
            if (d->n_skills >= CORE_MAX_SKILLS) {
                lvl_diag_at(s, LVL_ERROR, sk->kids[i], NULL, _("te veel vaardigheden (max. %d)"), CORE_MAX_SKILLS);
                break;
            }
            if (!lvl_want(s, sk->kids[i], LN_SCALAR, "vaardigheden"))
                continue;
            lvl_copy_str(d->skills[d->n_skills++], CORE_TITLE_LEN, sk->kids[i]->s);
        }
    }
    read_badge(s, r, t->badge);
    role_flags(s, r, d);
    if (lvl_get_int(s, r, "kleur", &d->colour, 0, 15))
        t->colour_set = true;
    else if (keep_colour >= 0) {
        d->colour = keep_colour;
        t->colour_set = true;
    } else
        d->colour = -1; /* assigned from the seat order later */
    const lnode *cards = lvl_map_get(r, "kaarten");
    if (cards && lvl_want(s, cards, LN_SEQ, "kaarten")) {
        for (int i = 0; i < cards->n; i++) {
            if (t->n_cards >= LVL_MAX_ROLE_CARDS) {
                lvl_diag_at(s, LVL_ERROR, cards->kids[i], NULL, _("te veel kaarten voor één rol (max. %d soorten)"),
                            LVL_MAX_ROLE_CARDS);
                break;
            }
            if (lvl_read_card(s, L, cards->kids[i], &t->cards[t->n_cards], false))
                t->n_cards++;
        }
        if (cards->n == 0)
            lvl_diag_at(s, LVL_ERROR, cards, NULL, "%s", _("een rol heeft minstens één kaart nodig"));
    }
    const lnode *facts = lvl_map_get(r, "dossier");
    if (facts && lvl_want(s, facts, LN_SEQ, "dossier")) {
        for (int i = 0; i < facts->n; i++) {
            const lnode *f = facts->kids[i];
            if (t->n_facts >= LVL_MAX_ROLE_FACTS) {
                lvl_diag_at(s, LVL_ERROR, f, NULL, _("te veel dossierfeiten voor één rol (max. %d)"), LVL_MAX_ROLE_FACTS);
                break;
            }
            if (!lvl_want(s, f, LN_MAP, _("een dossierfeit")))
                continue;
            lvl_check_keys(s, f, rolefact_keys, 3, _("een dossierfeit van een rol"));
            lvl_rolefact_tmp *ft = &t->facts[t->n_facts++];
            lvl_get_id(s, f, "id", ft->id);
            lvl_get_text(s, f, "tekst", ft->text, sizeof ft->text);
            ft->n_domains = domain_list(s, L, f, "domeinen", ft->domains, CORE_MAX_DOMAINS);
        }
    }
}

void lvl_read_roles(lvl_src *s, lvl_loader *L, const lnode *seq)
{
    if (!lvl_want(s, seq, LN_SEQ, "rollen"))
        return;
    for (int i = 0; i < seq->n; i++)
        read_role(s, L, seq->kids[i]);
}

/* ------------------------------------------------------------ roles file */

static const lvl_kspec rolesfile_keys[] = {{"versie", true}, {"domeinen", true}, {"rollen", true}};

void lvl_read_roles_file(lvl_src *s, lvl_loader *L, lnode *root)
{
    if (!lvl_want(s, root, LN_MAP, _("het rollenbestand")))
        return;
    int version = LVL_FORMAT_VERSION;
    if (!lvl_read_version(s, root, &version))
        return;
    lvl_check_keys(s, root, rolesfile_keys, 3, _("het rollenbestand"));
    lvl_read_domains(s, L, lvl_map_get(root, "domeinen"));
    const lnode *roles = lvl_map_get(root, "rollen");
    if (roles)
        lvl_read_roles(s, L, roles);
}

