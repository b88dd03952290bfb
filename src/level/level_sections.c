/*
 * The sections of a level: one reader per top-level key, registered in
 * lvl_level_sections (at the bottom), after Angband's parser_reg. Each
 * reader fills its part of the core_scenario and reports its own mistakes.
 */
#include "level/level_schema.h"

#include "platform/plat.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const lvl_kspec pupil_keys[] = {{"naam", true}, {"leeftijd", true}, {"klas", true}, {"verhaal", true}};
static const lvl_kspec need_keys[] = {{"id", true}, {"titel", true}, {"tekst", true}, {"domein", true}, {"doel", true}};
static const lvl_kspec fact_keys[] = {{"id", true}, {"rol", true}, {"tekst", true}, {"noden", true},
                                      {"gevoelig", false}, {"stem-van-de-leerling", false}};
static const lvl_kspec friction_keys[] = {
    {"id", true}, {"titel", true}, {"tekst", true}, {"rollen", true}, {"samen", false},
    {"zwaarte", true}, {"treft", false}, {"ronde", false}, {"innovatie", true}, {"afspraken", false},
};
static const lvl_kspec innovation_keys[] = {{"id", true}, {"titel", true}, {"tekst", false}, {"kennis", true}, {"sterkte", true}};
static const lvl_kspec goal_keys[] = {{"id", true}, {"titel", true}, {"tekst", false}, {"noden", true}};
static const lvl_kspec reflection_keys[] = {{"id", true}, {"vraag", true}, {"bouwsteen", true}, {"signalen", true}, {"antwoorden", true},
                                            {"past-bij-signaal", false}, {"past-bij-rust", false}};
static const lvl_kspec event_keys[] = {{"ronde", true}, {"titel", true}, {"tekst", true}, {"welbevinden", false},
                                       {"draagkracht", false}, {"nood", false}, {"voortgang", false}};

#define N_KEYS(spec) ((int)(sizeof spec / sizeof spec[0]))

/* ------------------------------------------------------------ helpers */

/* The needs named under key, as a bit mask over the level's needs. */
static void need_mask(lvl_src *s, const lnode *map, const char *key, const lvl_namelist *needs, uint32_t *mask)
{
    lnode one;
    const lnode *seq = lvl_get_list(s, map, key, &one);
    *mask = 0;
    for (int i = 0; seq && i < seq->n; i++) {
        int k = lvl_resolve(s, seq->kids[i], needs->names, needs->n, N_("onbekende nood"));
        if (k >= 0)
            *mask |= 1u << k;
    }
    if (seq && seq->n == 0)
        lvl_diag_at(s, LVL_ERROR, seq, NULL, _("‘%s’ is leeg"), key);
}

/* Checks that an id is unique within its kind (what: a msgid, "nood");
 * `seen` holds earlier ids. */
static void unique_id(lvl_src *s, const lnode *item, const char *id, const lvl_namelist *seen, const char *what)
{
    if (!id[0])
        return;
    for (int i = 0; i < seen->n; i++) {
        if (seen->names[i] && strcmp(seen->names[i], id) == 0) {
            lvl_diag_at(s, LVL_ERROR, lvl_map_get(item, "id"), _("geef elk(e) een eigen id"),
                        _("%s ‘%s’ bestaat al"), _(what), id);
            return;
        }
    }
}

/* The id of a list item, checked unique among the section's ids so far. */
static void item_id(lvl_build *b, const lnode *item, char *id, const char *what)
{
    lvl_get_id(b->s, item, "id", id);
    unique_id(b->s, item, id, &b->ids, what);
}

static bool add_card(lvl_src *s, core_scenario *sc, const core_card_def *def, const lnode *at)
{
    for (int i = 0; i < sc->n_cards; i++) {
        if (strcmp(sc->cards[i].id, def->id) == 0) {
            lvl_diag_at(s, LVL_ERROR, at, _("kaart-id's zijn uniek over alle rollen en innovaties"),
                        _("kaart ‘%s’ bestaat al"), def->id);
            return false;
        }
    }
    if (sc->n_cards >= CORE_MAX_CARDS) {
        lvl_diag_at(s, LVL_ERROR, at, NULL, _("te veel kaarten (max. %d)"), CORE_MAX_CARDS);
        return false;
    }
    sc->cards[sc->n_cards++] = *def;
    return true;
}

static void add_to_deck(lvl_src *s, core_role_def *role, int card, int copies, const lnode *at)
{
    for (int c = 0; c < copies; c++) {
        if (role->deck_size >= CORE_MAX_DECK) {
            lvl_diag_at(s, LVL_ERROR, at, _("verlaag ‘aantal’ van enkele kaarten"),
                        _("de stapel van ‘%s’ is te groot (max. %d kaarten)"),
                        role->id, CORE_MAX_DECK);
            return;
        }
        role->deck[role->deck_size++] = card;
    }
}

/* A reference to a role that must sit at the table in this level. A role
 * that exists but does not play gets its own message; after a seat failed
 * to resolve, references to known roles stay quiet (one mistake, one error). */
static int seat_ref(const lvl_build *b, const lnode *v)
{
    lvl_src *s = b->s;
    const lvl_loader *L = b->L;
    if (v->type == LN_SCALAR) {
        for (int i = 0; i < b->seat_names.n; i++)
            if (strcmp(b->seat_names.names[i], v->s) == 0)
                return i;
        for (int i = 0; i < L->n_roles; i++) {
            if (strcmp(L->roles[i].def.id, v->s) == 0) {
                if (!b->seats_failed) {
                    char hint[LVL_MSG_LEN];
                    snprintf(hint, sizeof hint, _("voeg ‘%s’ toe aan ‘rollen’ bovenaan de casus"), v->s);
                    lvl_diag_at(s, LVL_ERROR, v, hint, _("rol ‘%s’ speelt niet mee in deze casus"), v->s);
                }
                return -1;
            }
        }
    }
    if (b->seats_failed && L->n_roles == 0)
        return -1;
    return lvl_resolve(s, v, b->seat_names.names, b->seat_names.n, N_("onbekende rol"));
}

/* ------------------------------------------------------------ header */

static void read_id(lvl_build *b, const lnode *v)
{
    lvl_id(b->s, v, "id", b->sc->id);
}

static void read_title(lvl_build *b, const lnode *v)
{
    lvl_text(b->s, v, "titel", b->sc->title, sizeof b->sc->title);
}

static void read_intro(lvl_build *b, const lnode *v)
{
    lvl_text(b->s, v, "intro", b->sc->intro, sizeof b->sc->intro);
}

static void read_pupil(lvl_build *b, const lnode *pupil)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    if (!pupil || !lvl_want(s, pupil, LN_MAP, "leerling"))
        return;
    lvl_check_keys(s, pupil, pupil_keys, N_KEYS(pupil_keys), "leerling");
    lvl_get_text(s, pupil, "naam", sc->pupil_name, sizeof sc->pupil_name);
    lvl_get_int(s, pupil, "leeftijd", &sc->pupil_age, 2, 25);
    lvl_get_text(s, pupil, "klas", sc->pupil_class, sizeof sc->pupil_class);
    lvl_get_text(s, pupil, "verhaal", sc->pupil_text, sizeof sc->pupil_text);
}

/* ------------------------------------------------------------ rules */

/* A number of core_rules (core.h's CORE_RULE_NUMBERS), at `off`: an int when
 * whole, else a double; `block` is the level's block that sets it. */
typedef enum { RULES_REGELS, RULES_DREMPELS } rules_block;

typedef struct {
    rules_block block;
    const char *key;
    size_t off;
    bool whole;
    double lo, hi;
} num_rule;

#define RULES_WHOLE_int true
#define RULES_WHOLE_double false
static const num_rule rule_numbers[] = {
#define RULE_ROW_(type, field, blk, key, def, lo, hi) \
    {RULES_##blk, key, offsetof(core_rules, field), RULES_WHOLE_##type, lo, hi},
    CORE_RULE_NUMBERS(RULE_ROW_)
#undef RULE_ROW_
};

/* A block of numbers (`regels` or `drempels`); false when it is absent or
 * not a block. What is left out keeps core_rules_default. */
static bool read_numbers(lvl_src *s, const lnode *m, const char *what, rules_block block, core_rules *r)
{
    if (!m || !lvl_want(s, m, LN_MAP, what))
        return false;
    lvl_kspec spec[N_KEYS(rule_numbers)];
    int n = 0;
    for (int i = 0; i < N_KEYS(rule_numbers); i++)
        if (rule_numbers[i].block == block)
            spec[n++] = (lvl_kspec){rule_numbers[i].key, false};
    lvl_check_keys(s, m, spec, n, what);
    for (int i = 0; i < N_KEYS(rule_numbers); i++) {
        const num_rule *nr = &rule_numbers[i];
        if (nr->block != block)
            continue;
        void *field = (char *)r + nr->off;
        if (nr->whole)
            lvl_get_int(s, m, nr->key, (int *)field, (int)nr->lo, (int)nr->hi);
        else
            lvl_get_double(s, m, nr->key, (double *)field, nr->lo, nr->hi);
    }
    return true;
}

/* A start value may not exceed its maximum. */
static void start_within_max(lvl_src *s, const lnode *m, const char *start_key, int start, const char *max_key, int max)
{
    if (start <= max)
        return;
    const lnode *at = lvl_map_get(m, start_key);
    lvl_diag_at(s, LVL_ERROR, at ? at : m, NULL,
                _("‘%s’ (%d) is groter dan ‘%s’ (%d)"), start_key, start, max_key, max);
}

/* `regels`: the game's numbers. */
static void read_rules(lvl_build *b, const lnode *m)
{
    core_rules *r = &b->sc->rules;
    if (!read_numbers(b->s, m, "regels", RULES_REGELS, r))
        return;
    start_within_max(b->s, m, "welbevinden-start", r->welbevinden_start, "welbevinden-max", r->welbevinden_max);
    start_within_max(b->s, m, "draagkracht-start", r->draagkracht_start, "draagkracht-max", r->draagkracht_max);
    start_within_max(b->s, m, "vertrouwen-start", r->trust_start, "vertrouwen-max", r->trust_max);
    start_within_max(b->s, m, "vertrouwen-laag", r->trust_low, "vertrouwen-max", r->trust_max);
}

/* `drempels`: the thresholds of the collaboration levels. */
static void read_thresholds(lvl_build *b, const lnode *t)
{
    read_numbers(b->s, t, "drempels", RULES_DREMPELS, &b->sc->rules);
}

/* ------------------------------------------------------------ cast */

/* The roles file the level uses: `rolbestand` next to the level, else
 * rollen.yaml next to the level, else the bundled one. */
static bool roles_path(lvl_src *s, const lnode *rf, const char *level_path, char *out, size_t cap, bool *explicit_file)
{
    char dir[LVL_PATH_LEN] = ".";
    *explicit_file = false;
    if (level_path) {
        lvl_copy_str(dir, sizeof dir, level_path);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
        else
            strcpy(dir, ".");
    }
    rf = lvl_scalar(s, rf, "rolbestand");
    if (rf) {
        *explicit_file = true;
        /* a plain file name only: a level must not make the host read /dev/... */
        if (strchr(rf->s, '/') || strchr(rf->s, '\\') || strcmp(rf->s, "..") == 0 || strcmp(rf->s, ".") == 0 || !rf->s[0]) {
            lvl_diag_at(s, LVL_ERROR, rf, _("zet het rollenbestand in dezelfde map als de casus"),
                        "%s", _("‘rolbestand’ moet een bestandsnaam zijn, zonder map"));
            /* go on with the usual roles file, so the rest can still be checked */
            *explicit_file = false;
            rf = NULL;
        }
    }
    if (rf) {
        /* a path cut short would name another file: no roles file then */
        if (level_path) {
            int n = snprintf(out, cap, "%s/%s", dir, rf->s);
            return n > 0 && (size_t)n < cap;
        }
        char rel[LVL_PATH_LEN];
        int n = snprintf(rel, sizeof rel, "levels/%s", rf->s);
        return n > 0 && (size_t)n < sizeof rel && plat_data_path(rel, out, cap);
    }
    if (level_path) {
        int n = snprintf(out, cap, "%s/rollen.yaml", dir);
        struct stat st;
        if (n > 0 && (size_t)n < cap && stat(out, &st) == 0 && S_ISREG(st.st_mode))
            return true;
    }
    return plat_data_path("levels/rollen.yaml", out, cap);
}

/* `rolbestand`: reads the roles file (always; the key only names it). The
 * level's own roles come after it and may replace its roles. */
static void read_roles_source(lvl_build *b, const lnode *v)
{
    lvl_src *s = b->s;
    lvl_diags *d = s->d;
    const lvl_roles_io *rio = b->rio;
    char rpath[LVL_PATH_LEN] = "";
    bool explicit_file = false;
    bool have_path = roles_path(s, v, b->level_path, rpath, sizeof rpath, &explicit_file);
    if (rio && rio->text)
        have_path = true; /* the journaled text is the file the game was played with */
    if (!have_path)
        return;
    bool roles_ok = false;
    int errors_before = d->n_errors;
    lvl_file *rf = &b->roles_file;
    lnode *rroot = rio && rio->text ? lvl_file_load_mem(rf, rio->name ? rio->name : "rollen.yaml", rio->text, rio->len, d)
                                    : lvl_file_load(rf, rpath, rpath, d);
    const char *base = strrchr(rpath, '/') ? strrchr(rpath, '/') + 1 : rpath;
    if (rroot) {
        lvl_read_roles_file(&rf->src, b->L, rroot);
        roles_ok = d->n_errors == errors_before;
        if (rio && rio->used) {
            lvl_copy_str(rio->used->path, sizeof rio->used->path, rpath);
            lvl_copy_str(rio->used->name, sizeof rio->used->name, explicit_file ? base : "rollen.yaml");
        }
    }
    if (!roles_ok && d->unreadable) {
        /* a missing roles file is this level's problem, not "unreadable level" */
        d->unreadable = false;
        const lnode *key = lvl_map_key_node(b->root, "rolbestand");
        if (explicit_file || !lvl_map_get(b->root, "eigen-rollen"))
            lvl_diag_at(s, LVL_ERROR, key ? key : b->root,
                        _("zet rollen.yaml naast de casus, of beschrijf de rollen onder ‘eigen-rollen’"),
                        _("het rollenbestand ‘%s’ is niet te lezen"), base);
    }
}

/* `domeinen`: domains of this level, added to the roles file's. */
static void read_level_domains(lvl_build *b, const lnode *v)
{
    lvl_read_domains(b->s, b->L, v);
}

/* `eigen-rollen`: roles described in the level itself. */
static void read_own_roles(lvl_build *b, const lnode *v)
{
    if (v)
        lvl_read_roles(b->s, b->L, v);
}

/* Seats one known role: its definition, colour and deck. */
static void seat_role(lvl_build *b, int k)
{
    core_scenario *sc = b->sc;
    b->seat_known[sc->n_roles] = k;
    lvl_role_tmp *t = &b->L->roles[k];
    sc->roles[sc->n_roles] = t->def;
    core_role_def *rd = &sc->roles[sc->n_roles];
    rd->deck_size = 0;
    if (rd->colour < 0)
        rd->colour = sc->n_roles;
    for (int c = 0; c < t->n_cards; c++) {
        lvl_card_tmp *ct = &t->cards[c];
        ct->def.role = sc->n_roles;
        const lnode *id = lvl_map_get(ct->node, "id");
        if (add_card(ct->src, sc, &ct->def, id ? id : ct->node))
            add_to_deck(ct->src, rd, sc->n_cards - 1, ct->copies, ct->node);
    }
    lvl_role_badge(t, sc->role_badges[sc->n_roles]);
    sc->seat_roles[sc->n_roles] = sc->n_roles;
    b->seat_names.names[b->seat_names.n++] = rd->id;
    sc->n_roles++;
}

/* Badges compare without case ("Lo" is "LO" on a chip); other bytes exactly. */
static int ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'a' && ca <= 'z')
            ca -= 32;
        if (cb >= 'a' && cb <= 'z')
            cb -= 32;
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

/* Two roles at one table may not share a badge: the network and the seat
 * strip would show one chip for two people. */
static void unique_badges(lvl_build *b)
{
    lvl_src *s = b->s;
    const core_scenario *sc = b->sc;
    for (int i = 1; i < sc->n_roles; i++) {
        for (int j = 0; j < i; j++) {
            if (ascii_casecmp(sc->role_badges[i], sc->role_badges[j]) != 0)
                continue;
            const lvl_role_tmp *t = &b->L->roles[b->seat_known[i]];
            const lnode *at = lvl_map_get(t->node, "afkorting");
            if (!at || t->src != s)
                at = b->seats && i < b->seats->n ? b->seats->kids[b->reverse_seats ? b->seats->n - 1 - i : i] : b->root;
            char hint[LVL_MSG_LEN];
            snprintf(hint, sizeof hint, _("geef ‘%s’ of ‘%s’ een eigen ‘afkorting’ in de rolbeschrijving"),
                     sc->roles[j].id, sc->roles[i].id);
            lvl_diag_at(s, LVL_ERROR, at, hint, _("rollen ‘%s’ en ‘%s’ hebben dezelfde afkorting ‘%s’"),
                        sc->roles[j].id, sc->roles[i].id, sc->role_badges[i]);
            break;
        }
    }
}

/* `rollen`: the roles that sit at the table, in seat order. */
static void read_seats(lvl_build *b, const lnode *v)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    lvl_loader *L = b->L;
    const char *role_names[LVL_MAX_KNOWN_ROLES];
    for (int i = 0; i < L->n_roles; i++)
        role_names[i] = L->roles[i].def.id;
    const lnode *seats = b->seats = lvl_list(s, v, "rollen", &b->seats_one);
    if (!seats)
        return;
    if (seats->n < CORE_MIN_SEATS || seats->n > CORE_MAX_SEATS)
        lvl_diag_at(s, LVL_ERROR, seats, _("de vier kernrollen zijn leraar, ouder, clb-anker en leerondersteuner"),
                    _("een casus speelt met %d tot %d rollen, niet %d"),
                    CORE_MIN_SEATS, CORE_MAX_SEATS, seats->n);
    if (L->n_roles == 0)
        b->seats_failed = true; /* no roles file: already reported */
    for (int j = 0; j < seats->n && sc->n_roles < CORE_MAX_SEATS && L->n_roles > 0; j++) {
        /* back to front: as if the level listed its roles the other way (simulate) */
        int i = b->reverse_seats ? seats->n - 1 - j : j;
        int k = lvl_resolve(s, seats->kids[i], role_names, L->n_roles, N_("onbekende rol"));
        if (k < 0) {
            b->seats_failed = true;
            continue;
        }
        bool dup = false;
        for (int r = 0; r < sc->n_roles; r++)
            if (b->seat_known[r] == k)
                dup = true;
        if (dup) {
            lvl_diag_at(s, LVL_ERROR, seats->kids[i], NULL, _("rol ‘%s’ staat er twee keer"), seats->kids[i]->s);
            continue;
        }
        seat_role(b, k);
    }
    sc->n_seats = sc->n_roles;
    unique_badges(b);
}

/* ------------------------------------------------------------ content */

/* `noden`: the pupil's needs; then which roles cannot move each alone
 * (their `grensdomeinen`) and whether enough needs exist to win. */
static void read_needs(lvl_build *b, const lnode *needs)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    b->needs = needs;
    if (needs && lvl_want(s, needs, LN_SEQ, "noden")) {
        if (needs->n < 1 || needs->n > CORE_MAX_NEEDS)
            lvl_diag_at(s, LVL_ERROR, needs, NULL, _("een casus heeft 1 tot %d noden, niet %d (3 tot 6 speelt het best)"),
                        CORE_MAX_NEEDS, needs->n);
        for (int i = 0; i < needs->n && sc->n_needs < CORE_MAX_NEEDS; i++) {
            const lnode *nm = needs->kids[i];
            if (!lvl_want(s, nm, LN_MAP, _("een nood")))
                continue;
            lvl_check_keys(s, nm, need_keys, N_KEYS(need_keys), _("een nood"));
            core_need_def *nd = &sc->needs[sc->n_needs];
            lvl_get_id(s, nm, "id", nd->id);
            unique_id(s, nm, nd->id, &b->need_names, N_("nood"));
            lvl_get_text(s, nm, "titel", nd->title, sizeof nd->title);
            lvl_get_text(s, nm, "tekst", nd->text, sizeof nd->text);
            const lnode *dom = lvl_get_scalar(s, nm, "domein");
            if (dom)
                lvl_domain_ref(s, b->L, dom, nd->domain);
            lvl_get_int(s, nm, "doel", &nd->target, 1, 50);
            b->need_names.names[b->need_names.n++] = nd->id;
            sc->n_needs++;
        }
    }
    /* grenzen -> which roles cannot move a need alone */
    for (int n = 0; n < sc->n_needs; n++) {
        core_need_def *nd = &sc->needs[n];
        nd->limited_roles = 0;
        for (int r = 0; r < sc->n_roles; r++)
            for (int k = 0; k < sc->roles[r].n_limit_domains; k++)
                if (nd->domain[0] && strcmp(sc->roles[r].limit_domains[k], nd->domain) == 0)
                    nd->limited_roles |= 1u << r;
    }
    const lnode *rules_map = lvl_map_get(b->root, "regels");
    const lnode *ntw = rules_map ? lvl_map_get(rules_map, "noden-om-te-winnen") : NULL;
    if (sc->n_needs > 0 && sc->rules.needs_to_win > sc->n_needs)
        lvl_diag_at(s, LVL_ERROR, ntw ? ntw : (rules_map ? rules_map : b->root),
                    _("zet ‘noden-om-te-winnen’ onder ‘regels’ op hoogstens het aantal noden"),
                    _("om te winnen zijn %d noden nodig, maar de casus heeft er maar %d"),
                    sc->rules.needs_to_win, sc->n_needs);
}

/* `kaarten`: extra cards of this level for a seated role; then every
 * seated role must hold at least one card. */
static void read_cards(lvl_build *b, const lnode *cards)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    if (cards && lvl_want(s, cards, LN_SEQ, "kaarten")) {
        for (int i = 0; i < cards->n; i++) {
            lvl_card_tmp ct;
            if (!lvl_read_card(s, b->L, cards->kids[i], &ct, true))
                continue;
            const lnode *rn = lvl_get_scalar(s, cards->kids[i], "rol");
            if (!rn)
                continue;
            int r = seat_ref(b, rn);
            if (r < 0)
                continue;
            ct.def.role = r;
            if (add_card(s, sc, &ct.def, lvl_map_get(cards->kids[i], "id")))
                add_to_deck(s, &sc->roles[r], sc->n_cards - 1, ct.copies, cards->kids[i]);
        }
    }
    for (int r = 0; r < sc->n_seats; r++)
        if (sc->roles[r].deck_size == 0 && b->seats)
            lvl_diag_at(s, LVL_ERROR, b->seats, NULL, _("rol ‘%s’ heeft geen kaarten"), sc->roles[r].id);
}

/* The seated roles' own dossier facts join when their domains match a need. */
static void add_role_facts(lvl_build *b, const lnode *seq, bool listed)
{
    (void)seq;
    (void)listed;
    core_scenario *sc = b->sc;
    for (int r = 0; r < sc->n_seats; r++) { /* a role without a seat has no dossier */
        const lvl_role_tmp *t = &b->L->roles[b->seat_known[r]];
        for (int f = 0; f < t->n_facts && sc->n_facts < CORE_MAX_FACTS; f++) {
            uint32_t mask = 0;
            for (int n = 0; n < sc->n_needs; n++)
                for (int k = 0; k < t->facts[f].n_domains; k++)
                    if (strcmp(sc->needs[n].domain, t->facts[f].domains[k]) == 0)
                        mask |= 1u << n;
            if (!mask)
                continue; /* the fact says nothing about this pupil's needs */
            core_fact_def *fd = &sc->facts[sc->n_facts++];
            lvl_copy_str(fd->id, sizeof fd->id, t->facts[f].id);
            lvl_copy_str(fd->text, sizeof fd->text, t->facts[f].text);
            fd->role = r;
            fd->needs = mask;
        }
    }
}

/* What the items of a section list are, for read_items. */
struct lvl_items {
    size_t count;                          /* offset of the item count in core_scenario */
    const lvl_kspec *keys;
    int n_keys;
    /* the texts are msgids, translated where the diagnostic is made */
    const char *what;     /* "een spanning" */
    const char *too_many; /* with the maximum as %d */
    int max;
    const char *empty;    /* NULL: the list may be empty */
    /* reads one item; returns its id (may be empty) when it counts */
    const char *(*read)(lvl_build *b, const lnode *item);
    /* NULL, or runs after the list (listed: it was a list) */
    void (*after)(lvl_build *b, const lnode *seq, bool listed);
};

/* Reads a section that is a list of items, each a map, until the count
 * reaches the kind's maximum; b->ids starts empty for the section's unique
 * ids, and each item that counts adds to the count. */
void lvl_read_list(lvl_build *b, const lnode *seq, const lvl_section *sec)
{
    lvl_src *s = b->s;
    const lvl_items *k = sec->items;
    int *have = (int *)(void *)((char *)b->sc + k->count);
    bool listed = seq && lvl_want(s, seq, LN_SEQ, sec->key);
    if (listed && seq->n == 0 && k->empty)
        lvl_diag_at(s, LVL_ERROR, seq, NULL, "%s", _(k->empty));
    const char *what = _(k->what);
    b->ids.n = 0;
    for (int i = 0; listed && i < seq->n; i++) {
        const lnode *item = seq->kids[i];
        if (!lvl_want(s, item, LN_MAP, what))
            continue;
        if (*have >= k->max) {
            lvl_diag_at(s, LVL_ERROR, item, NULL, _(k->too_many), k->max);
            break;
        }
        lvl_check_keys(s, item, k->keys, k->n_keys, what);
        const char *id = k->read(b, item);
        if (id) {
            b->ids.names[b->ids.n++] = id;
            (*have)++;
        }
    }
    if (k->after)
        k->after(b, seq, listed);
}

/* A known role without a seat that holds a fact of the pupil's voice: it
 * joins the scenario's roles after the seats (no cards, no seat), so that
 * asking the pupil shares its facts (RULES.md: the pupil's voice). */
static int unseated_role(lvl_build *b, int k, const lnode *at)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    for (int r = sc->n_seats; r < sc->n_roles; r++)
        if (b->seat_known[r] == k)
            return r;
    if (sc->n_roles >= CORE_MAX_ROLES) {
        lvl_diag_at(s, LVL_ERROR, at, NULL, _("te veel rollen (max. %d)"), CORE_MAX_ROLES);
        return -1;
    }
    const lvl_role_tmp *t = &b->L->roles[k];
    int r = sc->n_roles++;
    b->seat_known[r] = k;
    sc->roles[r] = t->def;
    sc->roles[r].deck_size = 0;
    if (sc->roles[r].colour < 0)
        sc->roles[r].colour = r;
    lvl_role_badge(t, sc->role_badges[r]);
    return r;
}

/* The holder of a dossier fact. A fact of the pupil's voice may belong to a
 * known role that has no seat (the leerling: what the pupil says when asked);
 * any other fact belongs to a role at the table. */
static int fact_holder(lvl_build *b, const lnode *rn, bool pupil_voice)
{
    lvl_src *s = b->s;
    const lvl_loader *L = b->L;
    for (int i = 0; i < b->seat_names.n; i++)
        if (strcmp(b->seat_names.names[i], rn->s) == 0)
            return i;
    for (int k = 0; k < L->n_roles && !b->seats_failed; k++) {
        if (strcmp(L->roles[k].def.id, rn->s) != 0)
            continue;
        if (pupil_voice)
            return unseated_role(b, k, rn);
        if (!L->roles[k].def.pupil)
            break; /* today's message: add the role to `rollen` */
        char hint[LVL_MSG_LEN];
        snprintf(hint, sizeof hint,
                 _("vertelt de leerling dit zelf, zet dan ‘stem-van-de-leerling: ja’ bij het feit; of voeg ‘%s’ toe aan ‘rollen’"),
                 rn->s);
        lvl_diag_at(s, LVL_ERROR, rn, hint, _("rol ‘%s’ speelt niet mee in deze casus"), rn->s);
        return -1;
    }
    if (pupil_voice && !b->seats_failed && L->n_roles > 0) {
        /* any known role may hold it: suggest among them all (leerling) */
        const char *names[LVL_MAX_KNOWN_ROLES];
        for (int k = 0; k < L->n_roles; k++)
            names[k] = L->roles[k].def.id;
        lvl_resolve(s, rn, names, L->n_roles, N_("onbekende rol"));
        return -1;
    }
    return seat_ref(b, rn);
}

static const char *read_fact(lvl_build *b, const lnode *f)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    core_fact_def *fd = &sc->facts[sc->n_facts];
    memset(fd, 0, sizeof *fd);
    fd->role = CORE_NONE;
    item_id(b, f, fd->id, N_("dossierfeit"));
    lvl_get_text(s, f, "tekst", fd->text, sizeof fd->text);
    /* beroepsgeheim: shared freely only with the ouder's (or the pupil's) consent */
    lvl_get_yesno(s, f, "gevoelig", &fd->sensitive);
    lvl_get_yesno(s, f, "stem-van-de-leerling", &fd->pupil_voice);
    const lnode *rn = lvl_get_scalar(s, f, "rol");
    int r = rn ? fact_holder(b, rn, fd->pupil_voice) : -1;
    need_mask(s, f, "noden", &b->need_names, &fd->needs);
    if (r < 0)
        return NULL;
    fd->role = r;
    return fd->id;
}

/* `dossier`: after the level's facts, the roles' own facts by domain. */
static const lvl_items fact_items = {
    offsetof(core_scenario, n_facts), fact_keys, N_KEYS(fact_keys), N_("een dossierfeit"),
    N_("te veel dossierfeiten (max. %d)"), CORE_MAX_FACTS, NULL, read_fact,
    add_role_facts,
};

/* The innovation card a friction unlocks, or CORE_NONE. */
static int read_innovation(lvl_build *b, const lnode *inn)
{
    lvl_src *s = b->s;
    if (!inn || !lvl_want(s, inn, LN_MAP, "innovatie"))
        return CORE_NONE;
    lvl_check_keys(s, inn, innovation_keys, N_KEYS(innovation_keys), _("een innovatiekaart"));
    core_card_def cd;
    memset(&cd, 0, sizeof cd);
    cd.type = CORE_CARD_INNOVATION;
    cd.role = CORE_NONE;
    lvl_get_id(s, inn, "id", cd.id);
    lvl_get_text(s, inn, "titel", cd.title, sizeof cd.title);
    lvl_get_text(s, inn, "tekst", cd.text, sizeof cd.text);
    lvl_get_kind(s, inn, &cd.kind);
    lvl_get_int(s, inn, "sterkte", &cd.strength, 1, 9);
    if (add_card(s, b->sc, &cd, lvl_map_get(inn, "id") ? lvl_map_get(inn, "id") : inn))
        return b->sc->n_cards - 1;
    return CORE_NONE;
}

/* The roles a friction involves and how many must act together. */
static void friction_roles(lvl_build *b, const lnode *f, core_friction_def *fd)
{
    lvl_src *s = b->s;
    int involved = 0, unresolved = 0;
    lnode one_r;
    const lnode *rl = lvl_get_list(s, f, "rollen", &one_r);
    if (rl) {
        for (int k = 0; k < rl->n; k++) {
            int r = seat_ref(b, rl->kids[k]);
            if (r < 0)
                unresolved++;
            else if (!(fd->roles & (1u << r))) {
                fd->roles |= 1u << r;
                involved++;
            }
        }
        if (involved < 2 && unresolved == 0)
            lvl_diag_at(s, LVL_ERROR, rl, _("een grenservaring vraagt minstens twee rollen"),
                        "%s", _("een spanning moet minstens twee rollen betrekken"));
    }
    fd->required_roles = 2;
    if (lvl_get_int(s, f, "samen", &fd->required_roles, 2, CORE_MAX_SEATS) && involved >= 2 && fd->required_roles > involved)
        lvl_diag_at(s, LVL_ERROR, lvl_map_get(f, "samen"), NULL,
                    _("‘samen’ (%d) is meer dan het aantal betrokken rollen (%d)"),
                    fd->required_roles, involved);
}

/* `afspraken`: up to CORE_MAX_OPTIONS afspraken the level suggests for a
 * spanning; the roles involved may pick one or word their own. */
static void friction_options(lvl_src *s, const lnode *f, core_friction_def *fd)
{
    lnode one;
    const lnode *seq = lvl_get_list(s, f, "afspraken", &one);
    if (!seq)
        return;
    if (seq->n > CORE_MAX_OPTIONS)
        lvl_diag_at(s, LVL_ERROR, seq->kids[CORE_MAX_OPTIONS], _("kies de afspraken die het meest uitnodigen tot gesprek"),
                    _("te veel afspraken bij een spanning: %d, het maximum is %d"),
                    seq->n, CORE_MAX_OPTIONS);
    for (int k = 0; k < seq->n && fd->n_options < CORE_MAX_OPTIONS; k++) {
        const lnode *v = seq->kids[k];
        if (!lvl_want(s, v, LN_SCALAR, "afspraken"))
            continue;
        if (v->slen == 0) {
            lvl_diag_at(s, LVL_ERROR, v, _("schrijf de afspraak uit, of laat ze weg"),
                        _("‘%s’ is leeg"), "afspraken");
            continue;
        }
        if (v->slen >= CORE_TITLE_LEN)
            lvl_diag_at(s, LVL_ERROR, v, _("een afspraak is kort, zoals een titel; de uitleg hoort in de ‘tekst’ van de spanning"),
                        _("afspraak te lang (max. ongeveer %d tekens)"), CORE_TITLE_LEN - 1);
        lvl_copy_str(fd->options[fd->n_options++], CORE_TITLE_LEN, v->s);
    }
}

static const char *read_friction(lvl_build *b, const lnode *f)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    core_friction_def *fd = &sc->frictions[sc->n_frictions];
    memset(fd, 0, sizeof *fd);
    item_id(b, f, fd->id, N_("spanning"));
    lvl_get_text(s, f, "titel", fd->title, sizeof fd->title);
    lvl_get_text(s, f, "tekst", fd->text, sizeof fd->text);
    friction_roles(b, f, fd);
    lvl_get_int(s, f, "zwaarte", &fd->severity, 1, 5);
    static const char *const targets[] = {"draagkracht", "welbevinden"};
    fd->drains = CORE_DRAIN_DRAAGKRACHT;
    if (lvl_get_choice(s, f, "treft", targets, 2, N_("onbekend doelwit (draagkracht of welbevinden)")) == 1)
        fd->drains = CORE_DRAIN_WELBEVINDEN;
    lvl_get_int(s, f, "ronde", &fd->round, 0, sc->rules.rounds);
    fd->innovation_card = read_innovation(b, lvl_map_get(f, "innovatie"));
    friction_options(s, f, fd);
    return fd->id;
}

/* `spanningen`: the frictions between roles, each with an innovation. */
static const lvl_items friction_items = {
    offsetof(core_scenario, n_frictions), friction_keys, N_KEYS(friction_keys), N_("een spanning"),
    N_("te veel spanningen (max. %d)"), CORE_MAX_FRICTIONS,
    N_("een casus heeft minstens één spanning nodig"), read_friction, NULL,
};

static const char *read_goal(lvl_build *b, const lnode *g)
{
    core_goal_def *gd = &b->sc->goals[b->sc->n_goals];
    item_id(b, g, gd->id, N_("doel"));
    lvl_get_text(b->s, g, "titel", gd->title, sizeof gd->title);
    lvl_get_text(b->s, g, "tekst", gd->text, sizeof gd->text);
    need_mask(b->s, g, "noden", &b->need_names, &gd->needs);
    return gd->id;
}

/* `doelen`: the team's shared goals, each linked to needs. */
static const lvl_items goal_items = {
    offsetof(core_scenario, n_goals), goal_keys, N_KEYS(goal_keys), N_("een doel"),
    N_("te veel doelen (max. %d)"), CORE_MAX_GOALS,
    N_("een casus heeft minstens één gedeeld doel nodig"), read_goal, NULL,
};

/* The answers of one reflection card. */
static void reflection_answers(lvl_src *s, const lnode *c, core_reflection_def *rd)
{
    lnode one_a;
    const lnode *ans = lvl_get_list(s, c, "antwoorden", &one_a);
    if (!ans)
        return;
    if (ans->n < 2 || ans->n > CORE_MAX_OPTIONS)
        lvl_diag_at(s, LVL_ERROR, ans, NULL, _("een reflectiekaart heeft 2 tot %d antwoorden, niet %d"),
                    CORE_MAX_OPTIONS, ans->n);
    for (int k = 0; k < ans->n && rd->n_options < CORE_MAX_OPTIONS; k++) {
        if (!lvl_want(s, ans->kids[k], LN_SCALAR, "antwoorden"))
            continue;
        if (ans->kids[k]->slen >= CORE_TITLE_LEN)
            lvl_diag_at(s, LVL_ERROR, ans->kids[k], NULL, _("antwoord te lang: %d bytes, het maximum is %d (é, ë en ’ tellen voor 2 of 3)"),
                        (int)ans->kids[k]->slen, CORE_TITLE_LEN - 1);
        lvl_copy_str(rd->options[rd->n_options++], CORE_TITLE_LEN, ans->kids[k]->s);
    }
}

/* `past-bij-signaal` / `past-bij-rust`: the answers (0 = the first) that fit
 * a round in which the card's problem signals showed, resp. did not; as a
 * bit per answer. Left out: 0, the default of core_reflection_fits (every
 * answer but the first, resp. every answer but the last). */
static uint32_t fit_mask(lvl_src *s, const lnode *c, const char *key, int n_options)
{
    lnode one;
    const lnode *seq = lvl_get_list(s, c, key, &one);
    uint32_t mask = 0;
    if (!seq)
        return 0;
    if (seq->n == 0) {
        lvl_diag_at(s, LVL_ERROR, seq, _("noem minstens één antwoord (0 is het eerste), of laat de regel weg voor de standaard"),
                    _("‘%s’ is leeg"), key);
        return 0;
    }
    for (int i = 0; i < seq->n; i++) {
        int k = -1;
        if (!lvl_int(s, seq->kids[i], key, &k, 0, 31))
            continue;
        if (k >= n_options) {
            if (n_options > 0)
                lvl_diag_at(s, LVL_ERROR, seq->kids[i], _("tel vanaf 0: 0 is het eerste antwoord"),
                            _("antwoord %d bestaat niet: deze kaart heeft antwoorden 0 tot %d"),
                            k, n_options - 1);
            continue;
        }
        mask |= 1u << (unsigned)k;
    }
    return mask;
}

static const char *read_reflection(lvl_build *b, const lnode *c)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    core_reflection_def *rd = &sc->reflections[sc->n_reflections];
    item_id(b, c, rd->id, N_("reflectiekaart"));
    lvl_get_text(s, c, "vraag", rd->question, sizeof rd->question);
    const char *blocks[CORE_BLOCK_COUNT], *tags[CORE_EV_TAG_COUNT];
    for (int k = 0; k < CORE_BLOCK_COUNT; k++)
        blocks[k] = core_block_key((core_building_block)k);
    for (int t = 0; t < CORE_EV_TAG_COUNT; t++)
        tags[t] = core_evidence_name((core_evidence_tag)t);
    int k = lvl_get_choice(s, c, "bouwsteen", blocks, CORE_BLOCK_COUNT, N_("onbekende bouwsteen"));
    if (k >= 0) {
        rd->block = (core_building_block)k;
        b->block_seen[k] = true;
    }
    lnode one_t;
    const lnode *sig = lvl_get_list(s, c, "signalen", &one_t);
    for (int i = 0; sig && i < sig->n; i++) {
        int t = lvl_resolve(s, sig->kids[i], tags, CORE_EV_TAG_COUNT, N_("onbekend signaal"));
        if (t >= 0)
            rd->evidence |= 1u << t;
    }
    reflection_answers(s, c, rd);
    rd->fit_signal = fit_mask(s, c, "past-bij-signaal", rd->n_options);
    rd->fit_quiet = fit_mask(s, c, "past-bij-rust", rd->n_options);
    return rd->id;
}

/* A building block without a reflection card is worth a warning on an
 * otherwise correct level: the debrief picks a card per block. */
static void check_blocks(lvl_build *b, const lnode *refl, bool listed)
{
    lvl_src *s = b->s;
    if (!listed || refl->n == 0)
        return;
    for (int k = 0; k < CORE_BLOCK_COUNT; k++)
        if (!b->block_seen[k] && s->d->n_errors == 0)
            lvl_diag_at(s, LVL_WARNING, refl, _("de debriefing kiest per bouwsteen een kaart"),
                        _("geen reflectiekaart voor bouwsteen ‘%s’"),
                        core_block_key((core_building_block)k));
}

/* `reflectiewaaier`: the debrief's reflection cards. */
static const lvl_items reflection_items = {
    offsetof(core_scenario, n_reflections), reflection_keys, N_KEYS(reflection_keys), N_("een reflectiekaart"),
    N_("te veel reflectiekaarten (max. %d)"), CORE_MAX_REFLECTIONS, N_("de reflectiewaaier is leeg"), read_reflection,
    check_blocks,
};

static const char *read_event(lvl_build *b, const lnode *e)
{
    lvl_src *s = b->s;
    core_scenario *sc = b->sc;
    core_scripted_event *se = &sc->events[sc->n_events];
    memset(se, 0, sizeof *se);
    se->round = 1;
    lvl_get_int(s, e, "ronde", &se->round, 1, sc->rules.rounds);
    lvl_get_text(s, e, "titel", se->title, sizeof se->title);
    lvl_get_text(s, e, "tekst", se->text, sizeof se->text);
    lvl_get_int(s, e, "welbevinden", &se->welbevinden_delta, -5, 5);
    lvl_get_int(s, e, "draagkracht", &se->draagkracht_delta, -5, 5);
    const lnode *nn = lvl_map_get(e, "nood");
    se->need = lvl_get_choice(s, e, "nood", b->need_names.names, b->need_names.n, N_("onbekende nood"));
    if (se->need < 0)
        se->need = CORE_NONE;
    if (lvl_get_int(s, e, "voortgang", &se->need_delta, -10, 10) && !(nn && nn->type == LN_SCALAR))
        lvl_diag_at(s, LVL_ERROR, lvl_map_get(e, "voortgang"), _("voeg ‘nood: ...’ toe"), "%s",
                    _("‘voortgang’ zonder ‘nood’"));
    return ""; /* events have no id */
}

/* `gebeurtenissen`: scripted events at the start of a round. */
static const lvl_items event_items = {
    offsetof(core_scenario, n_events), event_keys, N_KEYS(event_keys), N_("een gebeurtenis"),
    N_("te veel gebeurtenissen (max. %d)"), CORE_MAX_EVENTS_SCRIPTED, NULL, read_event,
    NULL,
};

/* ------------------------------------------------------------ trainer notes */

static const lvl_kspec notes_keys[] = {{"leerdoelen", true}, {"momenten", true}, {"timing", true},
                                       {"nabespreking", true}, {"gevoelig", false}};
static const lvl_kspec note_goal_keys[] = {{"bouwsteen", true}, {"tekst", true}};

/* A list of texts under key into rows of CORE_TEXT_LEN; returns the count. */
static int note_texts(lvl_src *s, const lnode *notes, const char *key, char (*rows)[CORE_TEXT_LEN])
{
    lnode one;
    const lnode *seq = lvl_get_list(s, notes, key, &one);
    if (!seq)
        return 0;
    if (seq->n == 0)
        lvl_diag_at(s, LVL_ERROR, seq, NULL, _("‘%s’ is leeg"), key);
    int n = 0;
    for (int i = 0; i < seq->n; i++) {
        if (n >= CORE_MAX_NOTE_ITEMS) {
            lvl_diag_at(s, LVL_ERROR, seq->kids[i], _("houd het kort: de trainer leest dit tijdens de sessie"),
                        _("te veel punten onder ‘%s’ (max. %d)"), key, CORE_MAX_NOTE_ITEMS);
            break;
        }
        if (lvl_text(s, seq->kids[i], key, rows[n], CORE_TEXT_LEN))
            n++;
    }
    return n;
}

/* `trainer`: notes for the trainer only (learning goals per building
 * block, moments to watch, timing, debrief questions, sensitive content).
 * The host never sends them to players. */
static void read_trainer_notes(lvl_build *b, const lnode *m)
{
    lvl_src *s = b->s;
    core_trainer_notes *tn = &b->sc->notes;
    if (!m || !lvl_want(s, m, LN_MAP, "trainer"))
        return;
    lvl_check_keys(s, m, notes_keys, N_KEYS(notes_keys), "trainer");
    const lnode *goals = lvl_map_get(m, "leerdoelen");
    if (goals && lvl_want(s, goals, LN_SEQ, "leerdoelen")) {
        if (goals->n == 0)
            lvl_diag_at(s, LVL_ERROR, goals, NULL, _("‘%s’ is leeg"), "leerdoelen");
        const char *blocks[CORE_BLOCK_COUNT];
        for (int k = 0; k < CORE_BLOCK_COUNT; k++)
            blocks[k] = core_block_key((core_building_block)k);
        for (int i = 0; i < goals->n; i++) {
            const lnode *g = goals->kids[i];
            if (tn->n_goals >= CORE_MAX_NOTE_ITEMS) {
                lvl_diag_at(s, LVL_ERROR, g, NULL, _("te veel punten onder ‘%s’ (max. %d)"),
                            "leerdoelen", CORE_MAX_NOTE_ITEMS);
                break;
            }
            if (!lvl_want(s, g, LN_MAP, _("een leerdoel")))
                continue;
            lvl_check_keys(s, g, note_goal_keys, N_KEYS(note_goal_keys), _("een leerdoel"));
            int k = lvl_get_choice(s, g, "bouwsteen", blocks, CORE_BLOCK_COUNT, N_("onbekende bouwsteen"));
            tn->goal_blocks[tn->n_goals] = k >= 0 ? (core_building_block)k : CORE_BLOCK_IDENTITEIT;
            if (lvl_get_text(s, g, "tekst", tn->goals[tn->n_goals], CORE_TEXT_LEN) && k >= 0)
                tn->n_goals++;
        }
    }
    tn->n_moments = note_texts(s, m, "momenten", tn->moments);
    lvl_get_text(s, m, "timing", tn->timing, sizeof tn->timing);
    tn->n_prompts = note_texts(s, m, "nabespreking", tn->prompts);
    lvl_get_text(s, m, "gevoelig", tn->care, sizeof tn->care);
}

/* ------------------------------------------------------------ the table */

/*
 * Every top-level key of a level, in the order a trainer sees them listed
 * in a hint (levels/README.md, section 3, uses the same order).
 *
 * To add a key: write one reader above and add one row here (`required`:
 * whether a level without it is an error; `stage`: usually
 * LVL_STAGE_CONTENT, after the needs and seats it may refer to). A key whose
 * value is a list of blocks gets an item reader and an lvl_items spec
 * instead (see fact_items), read by lvl_read_list. Then write one test in
 * tests/level/test_level_sections.c that feeds the new section a good and a
 * bad value, and add it to that file's section_tests; a key without a test
 * fails test_every_section_has_a_test. The driver and the unknown-key check
 * pick the row up from here; a new key to a sub-block (say `leerling`)
 * touches only that block's reader and key list, and its section's test.
 */
const lvl_section lvl_level_sections[] = {
    {"versie", true, LVL_STAGE_HEADER, NULL, NULL},
    {"id", true, LVL_STAGE_HEADER, read_id, NULL},
    {"titel", true, LVL_STAGE_HEADER, read_title, NULL},
    {"intro", false, LVL_STAGE_HEADER, read_intro, NULL},
    {"leerling", true, LVL_STAGE_HEADER, read_pupil, NULL},
    {"rolbestand", false, LVL_STAGE_CAST, read_roles_source, NULL},
    {"domeinen", false, LVL_STAGE_CAST, read_level_domains, NULL},
    {"eigen-rollen", false, LVL_STAGE_CAST, read_own_roles, NULL},
    {"rollen", true, LVL_STAGE_CAST, read_seats, NULL},
    {"regels", false, LVL_STAGE_RULES, read_rules, NULL},
    {"drempels", false, LVL_STAGE_RULES, read_thresholds, NULL},
    {"noden", true, LVL_STAGE_CONTENT, read_needs, NULL},
    {"kaarten", false, LVL_STAGE_CONTENT, read_cards, NULL},
    {"dossier", true, LVL_STAGE_CONTENT, NULL, &fact_items},
    {"spanningen", true, LVL_STAGE_CONTENT, NULL, &friction_items},
    {"doelen", true, LVL_STAGE_CONTENT, NULL, &goal_items},
    {"reflectiewaaier", true, LVL_STAGE_CONTENT, NULL, &reflection_items},
    {"gebeurtenissen", false, LVL_STAGE_CONTENT, NULL, &event_items},
    {"trainer", false, LVL_STAGE_CONTENT, read_trainer_notes, NULL},
};
const int lvl_n_level_sections = N_KEYS(lvl_level_sections);
