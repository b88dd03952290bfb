// app.js: the browser player. Mirrors the SDL player window (src/ui/ui_join.c,
// src/ui/player.c): join form, role picker, then the seat's own view of each
// phase. Every intent is an ACTION frame; the host decides.
"use strict";

const PH = { LOBBY: 0, SIGNAAL: 1, IDENTITEIT: 2, OVERLEG: 3, INZET: 4, UITVOERING: 5, REFLECTIE: 6, END: 7 };
// The action numbers are proto.js's ACTION table (core.h's core_action_type).
const ACT = ACTION;
// N() marks a string for the catalogue (gen_catalogue.py) without translating it yet
function N(s) { return s; }
const PHASE_NAMES = [N("Lobby"), N("Signaal"), N("Identiteit"), N("Overleg"), N("Inzet"), N("Uitvoering"), N("Reflectie"), N("Einde")];

// ---------------------------------------------------------------- i18n
let lang = "nl";
function t(s) { return (lang === "en" && CATALOGUE.en[s]) || s; }
// For a string that is not a literal in the page (the rules' refusals): the
// catalogue holds them too (gen_catalogue.py reads core_names.c).
function tr(s) { return t(s); }
function fmt(s, ...args) { let i = 0; return s.replace(/%[sd]/g, () => String(args[i++])); }

// ---------------------------------------------------------------- state
const S = {
  ws: null, code: "", name: "", role: "", mode: 0, want: "play", // play | peek | observe
  sc: null, seat: -1, lobby: null, view: null, facts: {}, events: {}, tick: 0, seq: 1,
  status: "", error: "", noReconnect: false, retry: null, pick: null, card: -1, askFor: null,
  reflectOption: -1, lastPong: 0, pinger: null, resultCode: 0, // the rules' answer to the last action (RESULT)
  warnShare: -1, // a sensitive fact the player is about to share without consent
  news: [], // what just happened that a player must notice (objections, grenservaringen), until the phase changes
  newsPhase: "",
  open: {}, // which <details> (afspraak and goal forms) the player opened, by id
};

const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) {
    if (k === "onclick") e.addEventListener("click", attrs[k]);
    else if (k === "class") e.className = attrs[k];
    else if (k === "disabled") e.disabled = !!attrs[k];
    else e.setAttribute(k, attrs[k]);
  }
  for (const c of kids) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}
function btn(label, on, opts) {
  const b = el("button", Object.assign({ type: "button", onclick: on }, opts || {}), label);
  return b;
}

function tokenKey(code) { return "samenspel.token." + code.toUpperCase(); }
function loadToken(code) {
  try { const h = localStorage.getItem(tokenKey(code)); if (!h || h.length !== 32) return null;
    const b = new Uint8Array(16); for (let i = 0; i < 16; i++) b[i] = parseInt(h.substr(i * 2, 2), 16); return b;
  } catch (e) { return null; }
}
function saveToken(code, tok) {
  try { let h = ""; for (const x of tok) h += x.toString(16).padStart(2, "0");
    if (/^0+$/.test(h)) localStorage.removeItem(tokenKey(code)); else localStorage.setItem(tokenKey(code), h);
    localStorage.setItem("samenspel.name", S.name);
  } catch (e) { /* private mode: the seat lasts as long as the page */ }
}

// ---------------------------------------------------------------- network
function wsUrl() { return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws"; }

function connect() {
  clearTimeout(S.retry);
  if (S.ws) { S.ws.onclose = null; S.ws.close(); }
  const ws = new WebSocket(wsUrl(), "samenspel");
  ws.binaryType = "arraybuffer";
  S.ws = ws;
  S.status = N("Verbinden…"); // a msgid: translated when drawn, so a language switch follows
  render();
  ws.onopen = () => {
    const tok = S.want === "play" ? loadToken(S.code) : null;
    const mode = S.want === "peek" ? 2 : S.want === "observe" ? 1 : 0;
    ws.send(encodeHello(S.code, S.name, S.want === "play" ? S.role : "", mode, tok));
    S.lastPong = Date.now();
    clearInterval(S.pinger);
    S.pinger = setInterval(heartbeat, 1000);
  };
  ws.onmessage = (e) => {
    let m;
    try { m = decode(e.data); } catch (err) { ws.close(); S.status = N("verbinding verbroken"); return; }
    S.lastPong = Date.now();
    onMessage(m);
  };
  ws.onclose = () => {
    clearInterval(S.pinger);
    if (S.ws !== ws) return;
    S.ws = null;
    if (S.noReconnect || !S.sc) { render(); return; }
    S.status = N("Verbinding kwijt; opnieuw proberen…");
    render();
    S.retry = setTimeout(connect, 700);
  };
}

function heartbeat() {
  if (!S.ws || S.ws.readyState !== 1) return;
  if (Date.now() - S.lastPong > 3000) { S.ws.close(); return; }
  S.ws.send(encodePing(P.PING, Math.floor(performance.now()), S.tick));
}

function send(type, a, b, c, text) {
  if (!S.ws || S.ws.readyState !== 1) { S.error = t("Niet verbonden: je actie is niet verstuurd."); render(); return; }
  S.resultCode = 0;
  S.ws.send(encodeAction(S.seq++, type, a ?? -1, b ?? -1, c ?? -1, text || ""));
}

function rejectText(code, text) {
  switch (code) {
    case 2: return t("Die code klopt niet. Typ de 4 letters die op het scherm vooraan staan.");
    case 3: return t("Alle plaatsen zijn bezet. Je kan meekijken als toeschouwer.");
    case 4: return t("De begeleider heeft je uit dit spel gehaald.");
    case 5: return fmt(t("Iemand anders nam net de rol %s. Kies een andere rol."), S.role);
    case 6: return fmt(t("De rol ‘%s’ speelt niet mee in dit spel. Kies een van de rollen van dit spel."), S.role);
    case 1: return t("Deze laptop heeft een andere versie van Samenspel dan de projector. Vraag de begeleider om dezelfde versie.");
    case 8: return t("De host is even te druk. Probeer het zo opnieuw.");
    case 9: return t("Je plaats is overgenomen: door een bot, door de begeleider of door een nieuwe verbinding met jouw plaats.");
    case 10: return t("De host is gestopt.");
    default: return fmt(t("De host weigerde: %s"), text || code);
  }
}

function onMessage(m) {
  switch (m.type) {
    case P.WELCOME:
      S.sc = m.sc; S.seat = m.seat; S.code = m.code; S.facts = {}; S.error = "";
      for (let i = 0; i < m.sc.facts.length; i++) if (m.sc.facts[i].has_text) S.facts[i] = m.sc.facts[i].text;
      if (S.want === "play" && m.seat >= 0) saveToken(m.code, m.token);
      S.status = S.seat >= 0 || S.want === "observe" ? N("verbonden") : "";
      break;
    case P.REJECT:
      S.noReconnect = true; S.error = rejectText(m.code, m.text);
      if (m.code === 4 || m.code === 2) try { localStorage.removeItem(tokenKey(S.code)); } catch (e) { /* ignore */ }
      if (S.want === "play" && (m.code === 5 || m.code === 6 || m.code === 3)) { S.want = "peek"; S.noReconnect = false; setTimeout(connect, 10); }
      else if (!S.sc) S.screen = "join";
      break;
    case P.LOBBY: S.lobby = m; break;
    case P.UPDATE:
      S.view = m; S.tick = m.tick; if (m.seat !== undefined) S.seat = m.seat;
      noteEvents(m);
      break;
    case P.FACT: S.facts[m.fact] = m.text; return;
    case P.EVENT: S.events[m.index] = m.content; return;
    // The rules' own words for a refusal (core_reject_message, e.g. NO_TIME:
    // "De overlegtijd van deze ronde is op."), translated from po/ like the rest.
    case P.RESULT: S.resultCode = m.result; break;
    case P.PING: if (S.ws) S.ws.send(encodePing(P.PONG, m.stamp, S.tick)); return;
    case P.PONG: return;
    case P.BYE:
      if (m.reason === 4 || m.reason === 9 || m.reason === 10) { S.noReconnect = true; S.error = rejectText(m.reason, ""); }
      break;
  }
  render();
}

// ---------------------------------------------------------------- helpers
// Long Dutch compounds get soft hyphens where a syllable likely starts (a
// consonant before a vowel, or the two consonants of an onset like "tr" or
// "st"), so a narrow card breaks them there with a hyphen instead of
// anywhere. A word's own hyphen already breaks it, so no part of at most
// two letters is split off next to one ("HGD-traject", not "HGD-t-raject").
const ONSETS = ["bl", "br", "ch", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "sl", "sp", "st", "tr", "vl", "vr", "zw"];
function softHyphens(text) {
  const vowel = (c) => "aeiouyAEIOUY".includes(c);
  const letter = (c) => c !== undefined && /[a-z]/i.test(c);
  return text.split(" ").map((w) => {
    if (w.length < 10) return w;
    const breaks = new Set();
    let part = 0; // where the part since the word's start or its last hyphen starts
    for (let i = 0; i < w.length; i++) {
      if (w[i] === "-") { part = i + 1; continue; }
      if (vowel(w[i]) || !vowel(w[i + 1]) || !letter(w[i - 1])) continue;
      const at = !vowel(w[i - 1]) && ONSETS.includes((w[i - 1] + w[i]).toLowerCase()) ? i - 1 : i;
      const end = w.indexOf("-", i) < 0 ? w.length : w.indexOf("-", i);
      if (at - part >= 3 && end - at >= 3 && letter(w[at - 1])) breaks.add(at);
    }
    let out = "";
    for (let i = 0; i < w.length; i++) out += (breaks.has(i) ? "\u00ad" : "") + w[i];
    return out;
  }).join(" ");
}

function roleName(r) { return S.sc && r >= 0 && r < S.sc.roles.length ? S.sc.roles[r].name : "?"; }
function seatLabel(s) {
  const ls = S.lobby && S.lobby.seats[s];
  if (ls && ls.name) return ls.name;
  return roleName(S.sc ? S.sc.seat_roles[s] : -1);
}
function myRole() { return S.sc && S.seat >= 0 ? S.sc.roles[S.sc.seat_roles[S.seat]] : null; }
// ---------------------------------------------------------------- rules v2 helpers
// Identiteit and Overleg: the phases in which the team talks (RULES.md).
function overlegLike(ph) { return ph === PH.IDENTITEIT || ph === PH.OVERLEG; }
function myRoleIndex() { return S.sc && S.seat >= 0 ? S.sc.seat_roles[S.seat] : -1; }
// The ouder, or the leerling from 12 years: may give consent (core_seat_consents).
function consents(seat) {
  if (!S.sc || seat < 0 || seat >= S.sc.seat_roles.length) return false;
  const ro = S.sc.roles[S.sc.seat_roles[seat]];
  return ro.guardian || (ro.pupil && S.sc.pupil_age >= 12);
}
// The overleg time an action costs now (core_action_cost); 0 when the level
// gives unlimited time.
function cost(type, pub) {
  const ru = S.sc.rules;
  if (ru.overleg_budget <= 0 && pub.overleg_budget <= 0) return 0;
  switch (type) {
    case ACT.ASK: case ACT.OFFER: return ru.ask_cost + (pub.trust <= ru.trust_low ? 1 : 0);
    case ACT.PROPOSE_GOAL: case ACT.DROP_GOAL: case ACT.WORD_GOAL: return ru.goal_cost;
    case ACT.PROPOSE_AFSPRAAK: return ru.afspraak_cost;
    case ACT.ASK_PUPIL: return ru.pupil_cost;
    case ACT.SET_MEETING: return ru.overleg_moment_cost;
    default: return 0;
  }
}
// A button label with what it costs ("Vraag hulp (kost 1)").
function costed(label, type, pub) {
  const c = cost(type, pub);
  return c > 0 ? fmt(t("%s (kost %d)"), label, c) : label;
}
// More than the time left: the button stays, the rules answer with NO_TIME.
function tooDear(type, pub) { const c = cost(type, pub); return c > 0 && pub.overleg_budget > 0 && c > pub.overleg_left; }
function needTitles(mask) {
  const out = [];
  S.sc.needs.forEach((n, i) => { if ((mask >>> i) & 1) out.push(n.title); });
  return out.join(", ");
}
function rolesOf(mask) {
  const out = [];
  S.sc.roles.forEach((r, i) => { if ((mask >>> i) & 1) out.push(r.name); });
  return out.join(", ");
}
function seatsOf(mask) {
  const out = [];
  for (let s = 0; s < (S.view ? S.view.pub.n_seats : 0); s++) if ((mask >>> s) & 1) out.push(seatLabel(s));
  return out.join(", ");
}
// A goal slot: the level's goals, then the goals the team worded itself.
function goalTitle(g, pub) {
  const n = S.sc.goals.length;
  if (g >= 0 && g < n) return S.sc.goals[g].title;
  const tg = pub.team_goals[g - n];
  return tg ? tg.text : "?";
}
function afspraakText(f, af) {
  const fd = S.sc.frictions[f];
  return af.option >= 0 && af.option < fd.options.length ? fd.options[af.option] : af.text;
}
function tag(text, cls) { return el("span", { class: "tag " + (cls || "") }, text); }

// What happened that a player must see even when it was someone else's doing:
// an objection ends a vote at once, an afspraak turns into a grenservaring.
function noteEvents(m) {
  const pub = m.pub, sc = S.sc;
  if (!sc) return;
  const phaseKey = pub.round + "/" + pub.phase;
  if (phaseKey !== S.newsPhase) {
    // a round's news lasts the round (Uitvoering's grenservaring into Reflectie)
    if (pub.phase === PH.SIGNAAL) S.news = [];
    S.newsPhase = phaseKey;
  }
  // each line is made when shown, so it follows the language switch
  for (const e of m.events) {
    switch (e.type) {
      case EVT.GOAL_VOTE:
        if (e.b === 0 && e.seat >= 0) S.news.push(() => fmt(t("%s maakte bezwaar tegen het doel ‘%s’."), seatLabel(e.seat), goalTitle(e.a, pub)));
        break;
      case EVT.GRENSERVARING:
        if (e.a >= 0 && e.a < sc.frictions.length) S.news.push(() => fmt(t("Grenservaring: de spanning ‘%s’ werd samen aangepakt."), sc.frictions[e.a].title));
        break;
      case EVT.AFSPRAAK_DROPPED:
        if (e.a >= 0 && e.a < sc.frictions.length) S.news.push(() => fmt(t("Het voorstel voor een afspraak over ‘%s’ viel weg."), sc.frictions[e.a].title));
        break;
      case EVT.NO_CONSENT:
        S.news.push(() => fmt(t("Een gevoelig feit werd gedeeld zonder toestemming: welbevinden −%d, vertrouwen −1."), e.b));
        break;
      case EVT.CONSENT:
        if (e.b === 0) S.news.push(() => t("Toestemming geweigerd: dat feit blijft binnen de rol."));
        break;
      case EVT.MEETING_SET:
        S.news.push(() => fmt(t("Er is een vast overlegmoment: meer overlegtijd vanaf ronde %d."), e.a));
        break;
    }
  }
  if (S.news.length > 6) S.news = S.news.slice(-6);
}

function phaseHint(v) {
  switch (v.pub.phase) {
    case PH.LOBBY: return t("Wacht tot de trainer het spel start.");
    case PH.SIGNAAL: return t("Lees het signaal op het scherm vooraan.");
    case PH.IDENTITEIT: return t("Stel je rol voor aan de tafel: wat kan je, en waar liggen je grenzen?");
    case PH.OVERLEG: return t("Overleg: kies samen doelen, vraag of bied hulp, deel je dossier.");
    case PH.INZET: return v.ready ? t("Je inzet ligt vast. Wijzigen? Klik ‘Toch wijzigen’.")
      : t("Kies een kaart en klik op een nood of spanning. Niemand ziet je keuze tot iedereen klaar is.");
    case PH.UITVOERING: return t("Alle inzet is open: kijk naar het scherm vooraan.");
    case PH.REFLECTIE: return t("Bespreek de vraag samen en kies dan je antwoord.");
    default: return t("Het spel is voorbij. De nabespreking volgt vooraan.");
  }
}
function panel(title, ...kids) { return el("section", { class: "panel" }, el("h2", {}, title), ...kids); }

// ---------------------------------------------------------------- table
function header(v) {
  const pub = v.pub, sc = S.sc;
  const time = pub.overleg_budget > 0 ? fmt(t("overlegtijd %d van %d"), pub.overleg_left, pub.overleg_budget) : t("overlegtijd onbeperkt");
  const bar = el("header", { class: "bar" },
    el("span", { class: "who" }, S.seat >= 0 ? fmt("%s · %s", S.name || t("jij"), roleName(sc.seat_roles[S.seat])) : t("toeschouwer")),
    el("span", { class: "phase", id: "phase" }, pub.phase === PH.LOBBY || pub.phase === PH.END ? t(PHASE_NAMES[pub.phase])
      : fmt(t("Ronde %d van %d · %s"), pub.round, sc.rules.rounds, t(PHASE_NAMES[pub.phase]))),
    el("span", { class: "meters" }, fmt(t("welbevinden %d, draagkracht %d"), pub.welbevinden, pub.draagkracht)),
    el("span", { class: "meters", id: "trust" }, fmt(t("vertrouwen %d van %d"), pub.trust, sc.rules.trust_max)),
    el("span", { class: "meters" + (pub.overleg_budget > 0 && pub.overleg_left <= 0 ? " out" : ""), id: "time",
      "data-left": String(pub.overleg_left) }, time),
    el("span", { class: "status", "aria-live": "polite" }, S.ws ? t(S.status) : t("Verbinding kwijt; opnieuw proberen…")));
  return bar;
}

function roleCard() {
  const d = myRole();
  if (!d) return null;
  return panel(fmt(t("Jouw rol: %s"), d.name), el("p", {}, d.description), roleDetails(d));
}

// One dossier fact: its text, what kind it is, and what may be done with it.
function dossierFact(v, f) {
  const pub = v.pub, fd = S.sc.facts[f], shared = pub.fact_shared[f];
  const li = el("li", { "data-fact-row": String(f) });
  const head = el("span", { class: "fact" }, S.facts[f] || fd.id);
  const tags = el("span", { class: "tags" });
  if (fd.sensitive) tags.append(tag(t("gevoelig"), "sens"));
  if (fd.pupil_voice) tags.append(tag(t("stem van de leerling"), "voice"));
  li.append(el("div", {}, head, tags.children.length ? tags : null));
  const acts = el("div", { class: "row acts" });
  const free = !fd.sensitive || consents(S.seat) || pub.consent[f] === CONSENT.GIVEN;
  const open = !(pub.phase === PH.SIGNAAL && pub.round === 1) && pub.phase !== PH.END;
  if (shared) {
    acts.append(el("span", { class: "ok" }, t("✓ gedeeld")));
    if (pub.no_consent[f]) acts.append(el("span", { class: "warn" }, t("zonder toestemming gedeeld")));
  } else if (S.warnShare === f) {
    acts.append(el("p", { class: "warn", role: "alert", id: "warn-share" },
      fmt(t("Zonder toestemming delen kost de leerling %d welbevinden en het team vertrouwen. Vraag eerst toestemming."), S.sc.rules.consent_penalty)),
    btn(t("Toch delen"), () => { S.warnShare = -1; send(ACT.SHARE_FACT, f); }, { class: "small danger", id: "share-anyway" }),
    btn(t("Annuleren"), () => { S.warnShare = -1; render(); }, { class: "small" }));
  } else {
    if (fd.sensitive && !consents(S.seat)) {
      const c = pub.consent[f];
      if (c === CONSENT.ASKED) acts.append(el("span", { class: "hint" }, t("toestemming gevraagd…")));
      else if (c === CONSENT.GIVEN) acts.append(el("span", { class: "ok" }, t("✓ toestemming gekregen")));
      else {
        if (c === CONSENT.REFUSED) acts.append(el("span", { class: "warn" }, t("toestemming geweigerd")));
        acts.append(btn(t("Toestemming vragen"), () => send(ACT.ASK_CONSENT, f), { class: "small", "data-ask-consent": String(f), disabled: !open }));
      }
    }
    acts.append(btn(free ? t("Delen") : t("Delen zonder toestemming"), () => {
      if (free) send(ACT.SHARE_FACT, f); else { S.warnShare = f; render(); }
    }, { class: "small" + (free ? "" : " danger"), "data-fact": String(f), disabled: !open }));
  }
  li.append(acts);
  return li;
}

function dossier(v) {
  const ul = el("ul", { class: "dossier", id: "dossier" });
  for (const f of v.dossier) if (f >= 0 && f < S.sc.facts.length) ul.append(dossierFact(v, f));
  if (!v.dossier.length) ul.append(el("li", {}, t("Je rol heeft geen dossierfeiten.")));
  return panel(t("Jouw dossier"), ul);
}

// For the ouder (or the leerling from 12): the requests to share a sensitive fact.
function consentRequests(v) {
  const pub = v.pub;
  if (!consents(S.seat)) return null;
  const ul = el("ul", { class: "dossier", id: "consent" });
  const can = overlegLike(pub.phase) || pub.phase === PH.INZET;
  S.sc.facts.forEach((fd, f) => {
    if (pub.consent[f] !== CONSENT.ASKED || pub.fact_shared[f]) return;
    const about = needTitles(fd.needs);
    ul.append(el("li", {}, el("span", {}, fmt(t("%s vraagt toestemming om een gevoelig feit te delen (over: %s)."), roleName(fd.role), about || "—")),
      el("div", { class: "row acts" },
        btn(t("Toestemming geven"), () => send(ACT.CONSENT, f, 1), { class: "small primary", "data-consent": String(f), disabled: !can }),
        btn(t("Weigeren"), () => send(ACT.CONSENT, f, 0), { class: "small", disabled: !can }))));
  });
  return ul.children.length ? el("section", { class: "panel ask" }, el("h2", {}, t("Toestemming gevraagd")), ul) : null;
}

function sharedFacts(v) {
  const ul = el("ul", { class: "dossier" });
  for (let f = 0; f < S.sc.facts.length; f++)
    if (v.pub.fact_shared[f] && S.facts[f] && !v.dossier?.includes(f)) {
      const fd = S.sc.facts[f];
      ul.append(el("li", {}, el("span", {}, S.facts[f]), el("span", { class: "tags" },
        fd.pupil_voice ? tag(t("stem van de leerling"), "voice") : null,
        v.pub.no_consent[f] ? el("span", { class: "warn" }, t("zonder toestemming gedeeld")) : null,
        el("span", { class: "ok" }, fd.pupil_voice ? t("de leerling") : roleName(fd.role)))));
    }
  return ul.children.length ? ul : null;
}

// A spanning: who it involves, the afspraak on the table, and for an involved
// role the way to propose one or to agree or object.
function friction(v, f) {
  const pub = v.pub, sc = S.sc, fd = sc.frictions[f.friction], fi = f.friction;
  const inzet = pub.phase === PH.INZET && !v.ready && S.seat >= 0;
  const title = inzet && S.card >= 0
    ? btn(fmt(t("Spanning: %s"), fd.title), () => { send(ACT.COMMIT, S.card, 1, fi); S.card = -1; }, { class: "target", "data-friction": String(fi) })
    : el("h3", {}, fmt(t("Spanning: %s"), fd.title));
  const box = el("div", { class: "need friction", "data-spanning": String(fi) }, title, el("p", {}, fd.text),
    el("p", { class: "hint" }, fmt(t("samen aanpakken met %d rollen · ernst %d"), fd.required_roles, f.severity)),
    el("p", { class: "hint" }, fmt(t("betrokken: %s"), rolesOf(fd.roles))));
  // the rest of the spanning's text, folded: what the level suggests and what a grenservaring brings
  const inno = fd.innovation_card >= 0 && fd.innovation_card < sc.cards.length ? sc.cards[fd.innovation_card] : null;
  if (fd.options.length || inno) {
    const more = el("details", { class: "afspraak", id: "more-" + fi }, el("summary", {}, t("Meer over deze spanning")));
    if (fd.options.length) {
      const ul = el("ul", {});
      for (const o of fd.options) ul.append(el("li", {}, o));
      more.append(el("p", {}, t("Voorgestelde afspraken:")), ul);
    }
    if (inno) more.append(el("p", {}, fmt(t("Een grenservaring levert op: %s"), inno.title), " — " + inno.text));
    if (S.open["more-" + fi]) more.open = true;
    box.append(more);
  }
  const af = pub.afspraken[fi] || { proposer: -1, option: -1, agreed: 0, made_round: 0, text: "" };
  const involved = S.seat >= 0 && ((fd.roles >>> myRoleIndex()) & 1) === 1;
  if (af.made_round > 0) {
    box.append(el("p", { class: "ok made", "data-made": String(fi) }, fmt(t("✓ Afspraak gemaakt in ronde %d: %s"), af.made_round, afspraakText(fi, af))),
      el("p", { class: "hint" }, t("Bij de uitvoering wordt deze spanning een grenservaring.")));
  } else if (af.proposer >= 0) {
    box.append(el("p", { class: "proposal" }, fmt(t("Voorstel van %s: %s"), seatLabel(af.proposer), afspraakText(fi, af))),
      el("p", { class: "hint" }, fmt(t("akkoord: %s"), seatsOf(af.agreed) || "—")));
    const mine = ((af.agreed >>> S.seat) & 1) === 1;
    if (involved && !mine && (overlegLike(pub.phase) || pub.phase === PH.INZET))
      box.append(el("div", { class: "row" },
        btn(t("Akkoord"), () => send(ACT.AGREE_AFSPRAAK, fi, 1), { class: "small primary", "data-agree": String(fi) }),
        btn(t("Bezwaar"), () => send(ACT.AGREE_AFSPRAAK, fi, 0), { class: "small", "data-object": String(fi) })));
  }
  if (involved && af.made_round === 0 && overlegLike(pub.phase)) {
    const sel = el("select", { id: "afsp-opt-" + fi, "aria-label": t("Afspraak") });
    fd.options.forEach((o, i) => sel.append(el("option", { value: String(i) }, o)));
    sel.append(el("option", { value: "-1" }, t("Eigen afspraak (typ hieronder)")));
    const txt = el("input", { type: "text", id: "afsp-text-" + fi, maxlength: "140", placeholder: t("Wat spreken jullie af?"),
      "aria-label": t("Eigen afspraak") });
    const form = el("details", { class: "afspraak", id: "afsp-" + fi },
      el("summary", {}, af.proposer >= 0 ? t("Ander voorstel doen") : t("Een afspraak voorstellen")),
      fd.options.length ? sel : null, txt,
      btn(costed(t("Voorstellen"), ACT.PROPOSE_AFSPRAAK, pub), () => {
        const opt = fd.options.length ? parseInt(sel.value, 10) : -1;
        if (opt < 0 && !txt.value.trim()) { S.error = t("Schrijf eerst een korte tekst."); render(); return; }
        S.error = "";
        send(ACT.PROPOSE_AFSPRAAK, fi, opt, -1, opt < 0 ? txt.value.slice(0, 140) : "");
        txt.value = "";
      }, { class: "small" + (tooDear(ACT.PROPOSE_AFSPRAAK, pub) ? " dear" : ""), "data-propose": String(fi) }));
    if (S.open["afsp-" + fi]) form.open = true;
    box.append(form);
  }
  return box;
}

function needs(v) {
  const pub = v.pub, sc = S.sc, wrap = el("div", { class: "needs" });
  const talk = overlegLike(pub.phase), inzet = pub.phase === PH.INZET && !v.ready && S.seat >= 0;
  for (let i = 0; i < pub.n_needs; i++) {
    const n = sc.needs[i], st = pub.needs[i];
    const box = el("div", { class: "need" + (st.met ? " met" : "") });
    const title = inzet && S.card >= 0 && !st.met
      ? btn(n.title, () => { send(ACT.COMMIT, S.card, 0, i); S.card = -1; }, { class: "target", "data-need": String(i) })
      : el("h3", {}, n.title);
    box.append(title, el("p", {}, n.text),
      el("p", { class: "meter" }, `${st.progress} / ${n.target}`, " ",
        st.met ? "✓ " + t("bereikt") : !st.lit ? t("in het duister") : ""));
    if (st.lead >= 0) box.append(el("p", { class: "hint" }, fmt(t("trekker: %s"), seatLabel(st.lead))));
    else if (st.lead_proposal === S.seat && talk)
      box.append(btn(t("Trekker worden? Ja"), () => send(ACT.ACCEPT_LEAD, i), { class: "small primary" }));
    if (talk && S.seat >= 0 && !st.met) {
      box.append(el("div", { class: "row" },
        btn(costed(t("Vraag hulp"), ACT.ASK, pub), () => { S.askFor = { need: i, offer: false }; render(); }, { class: "small", "data-ask": String(i) }),
        btn(costed(t("Bied hulp"), ACT.OFFER, pub), () => { S.askFor = { need: i, offer: true }; render(); }, { class: "small" }),
        st.lead < 0 ? btn(t("Ik trek dit"), () => send(ACT.PROPOSE_LEAD, i, S.seat), { class: "small" }) : null));
    }
    wrap.append(box);
  }
  for (const f of pub.frictions)
    if (f.active && f.friction >= 0 && f.friction < sc.frictions.length) wrap.append(friction(v, f));
  const won = el("ul", { class: "goals", id: "boundary" });
  for (const b of pub.boundary) {
    if (b < 0 || b >= sc.frictions.length) continue;
    const fd = sc.frictions[b], card = sc.cards[fd.innovation_card];
    won.append(el("li", { "data-boundary": String(b) }, el("span", {}, el("b", {}, fmt(t("Grenservaring: %s"), fd.title))),
      card ? el("span", { class: "hint" }, fmt(t("innovatie: %s"), card.title)) : null));
  }
  return panel(t("Noden en spanningen"), wrap, won.children.length ? won : null);
}

function askPicker(v) {
  if (!S.askFor || !overlegLike(v.pub.phase)) return null;
  const need = S.sc.needs[S.askFor.need].title;
  const row = el("div", { class: "row" });
  for (let s = 0; s < v.pub.n_seats; s++) if (s !== S.seat)
    row.append(btn(seatLabel(s), () => { send(S.askFor.offer ? ACT.OFFER : ACT.ASK, s, S.askFor.need); S.askFor = null; render(); }, { "data-seat": String(s) }));
  row.append(btn(t("Annuleren"), () => { S.askFor = null; render(); }));
  return el("section", { class: "panel picker", role: "dialog", "aria-label": need },
    el("h2", {}, fmt(S.askFor.offer ? t("Hulp aanbieden aan wie? (%s)") : t("Wie vraag je om hulp? (%s)"), need)), row);
}

// The round's conversation: time left, the pupil's voice, the overlegmoment
// and the verbeteracties of earlier rounds to check.
function overleg(v) {
  const pub = v.pub, sc = S.sc, ro = myRole();
  const talk = overlegLike(pub.phase), body = el("div", {});
  body.append(el("p", { class: "meter", id: "time-left" }, pub.overleg_budget > 0
    ? fmt(t("Overlegtijd deze ronde: nog %d van %d."), pub.overleg_left, pub.overleg_budget) : t("Overlegtijd: onbeperkt.")));
  if (pub.overleg_budget > 0 && pub.overleg_left <= 0 && talk)
    body.append(el("p", { class: "warn" }, t("De overlegtijd is op: vragen, voorstellen en afspraken kunnen pas weer volgende ronde.")));
  if (pub.pupil_voice) {
    if (pub.pupil_asked) body.append(el("p", { class: "ok", id: "pupil-heard" }, t("✓ De leerling is deze ronde gehoord.")));
    else if (talk && S.seat >= 0 && ro && !ro.pupil)
      body.append(el("div", { class: "row" }, btn(costed(t("Vraag het aan de leerling"), ACT.ASK_PUPIL, pub), () => send(ACT.ASK_PUPIL),
        { class: "small" + (tooDear(ACT.ASK_PUPIL, pub) ? " dear" : ""), id: "ask-pupil" })),
      el("p", { class: "hint" }, t("Eén keer per ronde: wat de leerling zelf zegt, komt dan op tafel.")));
    else body.append(el("p", { class: "hint" }, t("Nog niemand vroeg deze ronde wat de leerling denkt.")));
  }
  if (pub.meeting_round > 0)
    body.append(el("p", { class: "ok" }, fmt(t("Vast overlegmoment sinds ronde %d: elke volgende ronde meer overlegtijd."), pub.meeting_round)));
  else if (ro && ro.organizer && talk)
    body.append(el("div", { class: "row" }, btn(costed(t("Vast overlegmoment opzetten"), ACT.SET_MEETING, pub), () => send(ACT.SET_MEETING),
      { class: "small" + (tooDear(ACT.SET_MEETING, pub) ? " dear" : ""), id: "set-meeting" })),
    el("p", { class: "hint" }, t("Eén keer per spel: kost nu tijd, geeft elke volgende ronde meer overlegtijd.")));
  const imp = el("ul", { class: "goals", id: "improvements" });
  const canCheck = talk || pub.phase === PH.REFLECTIE;
  for (let s = 0; s < pub.n_seats; s++) {
    const im = pub.improvements[s];
    if (!im || im.round <= 0 || !im.text) continue;
    const li = el("li", {}, el("span", {}, el("b", {}, seatLabel(s)), " · " + fmt(t("ronde %d"), im.round) + ": " + im.text));
    if (im.checked > 0) li.append(el("span", { class: im.done ? "ok" : "hint" }, im.done ? t("✓ gedaan") : t("nagekeken: nog niet gedaan")));
    else if (im.round < pub.round && canCheck && S.seat >= 0)
      li.append(el("div", { class: "row acts" },
        btn(t("Gedaan"), () => send(ACT.CHECK_IMPROVEMENT, s, 1), { class: "small primary", "data-check": String(s) }),
        btn(t("Nog niet"), () => send(ACT.CHECK_IMPROVEMENT, s, 0), { class: "small" })));
    imp.append(li);
  }
  if (imp.children.length) body.append(el("h3", {}, t("Verbeteracties nakijken")), imp);
  return panel(t("Overleg deze ronde"), body);
}

function team(v) {
  const ul = el("ul", { class: "team" });
  for (let s = 0; s < v.pub.n_seats; s++) {
    const ls = S.lobby && S.lobby.seats[s], ps = v.pub.seats[s];
    let st = t("bezig");
    if (ls && !ls.taken) st = t("vrij"); else if (ls && ls.bot) st = t("bot");
    else if (ls && !ls.connected) st = t("verbinding kwijt"); else if (ps.ready) st = t("✓ klaar");
    ul.append(el("li", {}, el("b", {}, seatLabel(s) + (s === S.seat ? t(" (jij)") : "")), " · " + roleName(S.sc.seat_roles[s]) + " · ", st));
  }
  return panel(t("Het team"), ul);
}

function promises(v) {
  const pub = v.pub, sc = S.sc, body = el("div", {});
  const stn = [t("wacht"), t("aanvaard"), t("geweigerd"), t("gehouden"), t("gebroken")];
  let any = false;
  pub.promises.forEach((pr, k) => {
    if (pr.need < 0 || pr.need >= sc.needs.length) return;
    const need = sc.needs[pr.need].title;
    if (pr.to === S.seat) {
      any = true;
      const li = el("p", {}, fmt(pr.kind === 0 ? t("%s vraagt jouw hulp: %s") : t("%s biedt hulp aan: %s"), seatLabel(pr.from), need), " · " + stn[pr.status]);
      if (pr.status === 0 && (overlegLike(pub.phase) || pub.phase === PH.INZET))
        li.append(" ", btn(t("Aanvaarden"), () => send(ACT.RESPOND, k, 1), { class: "small primary" }),
          " ", btn(t("Weigeren"), () => send(ACT.RESPOND, k, 0), { class: "small" }));
      body.append(li);
    } else if (pr.from === S.seat) {
      any = true;
      body.append(el("p", {}, fmt(pr.kind === 0 ? t("Jij vroeg %s: %s") : t("Jij bood %s aan: %s"), seatLabel(pr.to), need), " · " + stn[pr.status]));
    }
  });
  if (!any) body.append(el("p", { class: "hint" }, t("Geen open vragen.")));
  return body;
}

// Goals by consent: one "nee" stops a proposal; the team may word its own goal.
function goals(v) {
  const pub = v.pub, sc = S.sc, talk = overlegLike(pub.phase) && S.seat >= 0;
  const ul = el("ul", { class: "goals", id: "goals" });
  const slots = sc.goals.length + pub.team_goals.length;
  const bit = S.seat >= 0 ? 1 << S.seat : 0, voted = (pub.votes_yes & bit) || (pub.votes_no & bit);
  for (let g = 0; g < slots; g++) {
    const own = g >= sc.goals.length;
    const text = own ? fmt(t("eigen doel, voor: %s"), needTitles(pub.team_goals[g - sc.goals.length].needs)) : sc.goals[g].text;
    const li = el("li", { "data-goal": String(g) }, el("span", {}, el("b", {}, (pub.goal_adopted[g] ? "✓ " : "") + goalTitle(g, pub)), " ", text));
    if (pub.goal_proposal === g) {
      li.append(el("p", { class: "proposal" }, fmt(pub.goal_proposal_drop ? t("%s stelt voor dit doel los te laten.") : t("%s stelt dit doel voor."),
        pub.goal_proposer >= 0 ? seatLabel(pub.goal_proposer) : "?"), " ", fmt(t("ja: %s"), seatsOf(pub.votes_yes) || "—")));
      if (talk) li.append(el("div", { class: "row acts" },
        btn(t("Ja"), () => send(ACT.VOTE_GOAL, g, 1), { class: "small primary", disabled: voted, "data-vote": "1" }),
        btn(t("Nee"), () => send(ACT.VOTE_GOAL, g, 0), { class: "small", disabled: voted, "data-vote": "0" })));
    } else if (talk && pub.goal_proposal < 0) {
      if (pub.goal_adopted[g]) li.append(btn(costed(t("Loslaten"), ACT.DROP_GOAL, pub), () => send(ACT.DROP_GOAL, g), { class: "small" }));
      else li.append(btn(costed(t("Voorstellen"), ACT.PROPOSE_GOAL, pub), () => send(ACT.PROPOSE_GOAL, g),
        { class: "small" + (tooDear(ACT.PROPOSE_GOAL, pub) ? " dear" : ""), "data-propose-goal": String(g) }));
    }
    ul.append(li);
  }
  const out = [ul, el("p", { class: "hint" }, t("Een doel geldt pas als niemand bezwaar maakt: één ‘nee’ houdt het tegen."))];
  if (talk && pub.goal_proposal < 0 && pub.team_goals.length < 2) {
    const ta = el("input", { type: "text", id: "teamgoal", maxlength: "140", "aria-label": t("Jullie eigen doel") });
    const boxes = el("fieldset", { class: "needpick" }, el("legend", {}, t("Voor welke noden?")));
    sc.needs.forEach((n, i) => {
      const cb = el("input", { type: "checkbox", id: "tg-need-" + i, value: String(i) });
      boxes.append(el("div", { class: "opt" }, cb, el("label", { for: "tg-need-" + i }, n.title)));
    });
    out.push(el("details", { class: "afspraak", id: "wordgoal" }, el("summary", {}, t("Zelf een doel verwoorden")),
      el("label", { for: "teamgoal" }, t("Jullie eigen doel (max. 140 tekens):")), ta, boxes,
      btn(costed(t("Doel voorstellen"), ACT.WORD_GOAL, pub), () => {
        let mask = 0;
        sc.needs.forEach((n, i) => { if ($("tg-need-" + i).checked) mask |= 1 << i; });
        if (!ta.value.trim()) { S.error = t("Schrijf eerst een korte tekst."); render(); return; }
        if (!mask) { S.error = t("Kies minstens één nood voor dit doel."); render(); return; }
        S.error = "";
        send(ACT.WORD_GOAL, mask, -1, -1, ta.value.slice(0, 140));
        ta.value = "";
      }, { class: "small", id: "word-goal" })));
    if (S.open.wordgoal) out[out.length - 1].open = true;
  }
  return out;
}

function promisesAndGoals(v) {
  return panel(t("Afspraken en doelen"), promises(v), ...goals(v));
}

// ---------------------------------------------------------------- screens
function renderJoin(root) {
  const f = el("form", { class: "panel join", id: "join-form" });
  const code = el("input", { id: "code", name: "code", maxlength: "4", autocomplete: "off", autocapitalize: "characters", required: "" });
  code.value = S.code;
  const name = el("input", { id: "name", name: "name", maxlength: "40", autocomplete: "given-name", required: "" });
  name.value = S.name;
  f.append(el("h1", {}, t("Samenspel · meedoen")),
    el("label", { for: "code" }, t("Code (4 letters)")), code,
    el("label", { for: "name" }, t("Je voornaam")), name,
    el("p", { class: "hint" }, t("Daarna kies je een rol uit de rollen van dit spel.")));
  if (S.error) f.append(el("p", { class: "error", role: "alert", id: "error" }, S.error));
  f.append(el("button", { type: "submit", class: "primary", id: "join" }, t("Verder")));
  f.addEventListener("submit", (e) => {
    e.preventDefault();
    S.code = code.value.trim().toUpperCase(); S.name = name.value.trim();
    if (!/^[A-Z]{4}$/.test(S.code)) { S.error = t("Die code klopt niet. Typ de 4 letters die op het scherm vooraan staan."); render(); return; }
    if (!S.name) { S.error = t("Vul je voornaam in."); render(); return; }
    S.error = ""; S.noReconnect = false;
    S.want = loadToken(S.code) ? "play" : "peek";
    S.role = "";
    connect();
  });
  root.append(f);
}

function roleDetails(d) {
  return el("dl", { class: "tshape" },
    el("dt", {}, t("Sterk in")), el("dd", {}, d.domains.join(", ")),
    el("dt", {}, t("Maakt anderen sterker met")), el("dd", {}, d.skills.join(", ")),
    el("dt", {}, t("Grenzen")), el("dd", {}, d.limits_text));
}

function renderRoles(root) {
  const sc = S.sc, lb = S.lobby;
  const p = el("section", { class: "panel roles" }, el("h1", {}, t("Samenspel · kies je rol")),
    el("p", {}, sc.pupil_class ? fmt(t("Samen voor %s (%d jaar, %s) · code %s"), sc.pupil_name, sc.pupil_age, sc.pupil_class, S.code)
      : fmt(t("Samen voor %s (%d jaar) · code %s"), sc.pupil_name, sc.pupil_age, S.code)));
  if (lb && lb.started) p.append(el("p", { class: "hint" }, t("Het spel loopt al: wie nu aanschuift, stelt zich eerst voor.")));
  const list = el("div", { class: "rolelist", role: "list" });
  for (let s = 0; s < sc.seat_roles.length; s++) {
    const ls = lb && lb.seats[s];
    const d = sc.roles[sc.seat_roles[s]];
    const free = ls && !ls.taken;
    const state = !ls ? "" : free ? t("vrij") : ls.bot ? t("bezet · bot") : ls.connected ? fmt(t("bezet · %s"), ls.name) : fmt(t("wacht op %s"), ls.name);
    const b = btn(el("span", {}, el("b", {}, d.name), " · ", state), () => { S.pick = s; render(); },
      { class: "role" + (S.pick === s ? " chosen" : ""), disabled: !free, "aria-pressed": S.pick === s ? "true" : "false", "data-role": d.id });
    list.append(el("div", { role: "listitem" }, b));
  }
  p.append(list);
  const any = btn(t("Een vrije plaats"), () => { S.pick = "any"; render(); }, { class: S.pick === "any" ? "chosen" : "" });
  const obs = btn(t("Meekijken als toeschouwer"), () => { S.pick = "observe"; render(); }, { class: S.pick === "observe" ? "chosen" : "" });
  p.append(el("div", { class: "row" }, any, obs));
  let detail;
  if (typeof S.pick === "number") {
    const d = sc.roles[sc.seat_roles[S.pick]];
    detail = el("div", { class: "card-detail" }, el("h2", {}, d.name), el("p", {}, d.description), roleDetails(d));
  } else if (S.pick === "any") detail = el("div", { class: "card-detail" }, el("h2", {}, t("Een vrije plaats")),
    el("p", {}, t("Je krijgt de eerste vrije plaats. Welke rol dat is, zie je zodra je aan tafel zit.")));
  else if (S.pick === "observe") detail = el("div", { class: "card-detail" }, el("h2", {}, t("Meekijken")),
    el("p", {}, t("Je ziet de tafel zoals op het scherm vooraan, zonder eigen kaarten. Handig voor wie later aansluit of als begeleider meekijkt.")));
  else detail = el("div", { class: "card-detail" }, el("h2", {}, t("Nog geen keuze")),
    el("p", {}, t("Klik links op een vrije rol om te lezen wat die rol kan en waar de grenzen liggen.")));
  p.append(detail);
  if (S.error) p.append(el("p", { class: "error", role: "alert", id: "error" }, S.error));
  let label = t("Kies eerst een rol");
  if (typeof S.pick === "number") label = fmt(t("Meedoen als %s"), sc.roles[sc.seat_roles[S.pick]].name);
  else if (S.pick === "observe") label = t("Meekijken");
  else if (S.pick === "any") label = t("Meedoen");
  p.append(el("div", { class: "row" },
    btn(t("Terug"), () => { S.sc = null; S.noReconnect = true; if (S.ws) S.ws.close(); S.error = ""; render(); }),
    btn(label, () => {
      if (S.pick === null) return;
      S.error = "";
      if (S.pick === "observe") { S.want = "observe"; S.role = ""; }
      else { S.want = "play"; S.role = S.pick === "any" ? "" : sc.roles[sc.seat_roles[S.pick]].id; }
      S.view = null; S.noReconnect = false; connect();
    }, { class: "primary", id: "take", disabled: S.pick === null })));
  root.append(p);
}

function cardView(id, committed, selected, onclick, slot) {
  const d = S.sc.cards[id];
  const kinds = [t("wetenschappelijk"), t("professioneel"), t("ervaring")];
  const line = d.type === 1 ? t("generiek: helpt een ander") : kinds[d.kind] || "?";
  const b = el("button", { type: "button", class: "card" + (committed ? " committed" : "") + (selected ? " chosen" : ""),
    "aria-pressed": selected ? "true" : "false", "data-slot": String(slot), onclick },
  el("span", { class: "badge" }, d.type === 1 ? "+" + d.boost : String(d.strength)),
  el("b", {}, softHyphens(d.title)), el("span", { class: "text" }, d.text),
  d.type === 0 && d.domain ? el("span", { class: "domain" }, d.domain) : null,
  el("span", { class: "kind" }, line), committed ? el("span", { class: "tag" }, t("ingezet")) : null);
  return b;
}

function hand(v) {
  const pub = v.pub, canCommit = pub.phase === PH.INZET && !v.ready;
  const row = el("div", { class: "hand", id: "hand" });
  const commitOf = (slot) => v.commits.findIndex((c) => (c.innovation ? 8 + c.slot : c.slot) === slot);
  const items = v.hand.map((c, i) => [c, i]).concat(pub.innovations.map((c, i) => [c, 8 + i]));
  for (const [card, slot] of items) {
    if (card < 0 || card >= S.sc.cards.length) continue;
    const k = commitOf(slot);
    row.append(cardView(card, k >= 0, S.card === slot, () => {
      if (!canCommit) return;
      if (k >= 0) send(ACT.UNCOMMIT, k); else { S.card = S.card === slot ? -1 : slot; render(); }
    }, slot));
  }
  if (!items.length) row.append(el("p", {}, t("Geen kaarten in je hand.")));
  const p = panel(t("Jouw kaarten"), row);
  if (pub.phase === PH.INZET) p.append(el("p", { class: "hint" }, fmt(t("%d van %d kaarten"), v.commits.length, S.sc.rules.max_commit)));
  return p;
}

// "Klaar" in every phase of a round: a phase ends when every seat is ready.
// READY names the phase and round it is meant for (core_check's check_ready):
// a late click must not end the next phase.
function readyBar(v) {
  const ph = v.pub.phase;
  if (S.seat < 0 || ph < PH.SIGNAAL || ph > PH.REFLECTIE || v.pub.outcome !== 0) return null;
  return el("div", { class: "row readybar" }, v.ready
    ? btn(t("Toch wijzigen"), () => send(ACT.UNREADY), { id: "unready" })
    : btn(t("Klaar"), () => send(ACT.READY, ph, v.pub.round), { class: "primary", id: "ready" }));
}

function reflection(v) {
  const pub = v.pub;
  if (pub.phase !== PH.REFLECTIE || pub.reflection_card < 0 || pub.reflection_card >= S.sc.reflections.length) return null;
  const rc = S.sc.reflections[pub.reflection_card];
  const p = panel(t("Reflectie"), el("p", { class: "question" }, rc.question));
  if (S.seat < 0) return p;
  if (v.reflection_option >= 0) {
    p.append(el("p", { class: "ok", id: "reflected" }, t("✓ Je antwoord is verstuurd.")));
    if (v.reflection_option < rc.options.length) p.append(el("p", {}, rc.options[v.reflection_option]));
    if (v.reflection_text) p.append(el("p", {}, el("b", {}, t("Verbeteractie:")), " " + v.reflection_text),
      el("p", { class: "hint" }, t("Volgende ronde kijkt het team na of ze gebeurd is.")));
    return p;
  }
  const fs = el("fieldset", {}, el("legend", {}, rc.question));
  rc.options.forEach((o, i) => {
    const id = "opt" + i;
    const r = el("input", { type: "radio", name: "refl", id, value: String(i) });
    if (S.reflectOption === i) r.checked = true;
    r.addEventListener("change", () => { S.reflectOption = i; document.getElementById("send-reflect").disabled = false; });
    fs.append(el("div", { class: "opt" }, r, el("label", { for: id }, o)));
  });
  const ta = el("textarea", { id: "improve", maxlength: "140", rows: "2" });
  p.append(fs, el("label", { for: "improve" }, t("Verbeteractie voor het team (optioneel, max. 140 tekens):")), ta,
    el("p", { class: "hint" }, t("Eerlijk antwoorden telt: past je antwoord bij wat er deze ronde gebeurde?")),
    btn(t("Versturen"), () => send(ACT.REFLECT, S.reflectOption, -1, -1, ta.value.slice(0, 140)),
      { class: "primary", id: "send-reflect", disabled: S.reflectOption < 0 }));
  return p;
}

// The verdict joins both outcomes (core_game_verdict): an *apart* game is
// never shown as a plain win.
function verdict(pub) {
  if (pub.outcome === 2) return "lost";
  if (pub.outcome !== 1) return "";
  return pub.measures.level >= 2 ? "together" : "apart";
}
function endScreen(v) {
  const pub = v.pub, who = S.sc.pupil_name || t("de leerling");
  const vd = verdict(pub);
  const text = vd === "together" ? fmt(t("Samen gelukt: %s is geholpen en jullie werkten echt samen."), who)
    : vd === "apart" ? fmt(t("%s is geholpen, maar jullie werkten naast elkaar."), who)
      : vd === "lost" ? fmt(t("Niet gelukt: %s kreeg niet genoeg steun."), who) : "";
  const levels = [t("geen"), t("coördinerend"), t("coöperatief"), t("verbindend")];
  const m = pub.measures;
  return el("section", { class: "panel end " + vd }, el("h2", {}, t(PHASE_NAMES[PH.END])),
    el("p", { id: "outcome", class: "verdict", "data-outcome": String(pub.outcome), "data-verdict": vd }, text),
    el("p", {}, fmt(t("Samenwerkingsniveau: %s"), levels[m.level] || "?")),
    el("p", {}, fmt(t("welbevinden %d, draagkracht %d"), pub.welbevinden, pub.draagkracht), " · ",
      fmt(t("vertrouwen %d van %d"), pub.trust, S.sc.rules.trust_max)),
    el("p", {}, fmt(t("afspraken die een grenservaring werden: %d · verbeteracties nagekeken: %d"), m.afspraken, m.improvements_checked)),
    el("p", {}, t("Het spel is voorbij. De nabespreking volgt vooraan.")));
}

function news() {
  if (!S.news.length) return null;
  const ul = el("ul", { class: "news", id: "news" });
  for (const n of S.news) ul.append(el("li", {}, n()));
  return el("section", { class: "panel ask", "aria-live": "polite" }, el("h2", {}, t("Net gebeurd")), ul);
}

function renderTable(root) {
  const v = S.view;
  root.append(header(v));
  const main = el("main", { class: "table" });
  main.append(el("p", { class: "hint phasehint", id: "hint" }, phaseHint(v)));
  if (S.error) main.append(el("p", { class: "error", role: "alert", id: "error" }, S.error));
  if (S.resultCode > 0) main.append(el("p", { class: "error", role: "status", id: "refused", "data-reject": String(S.resultCode) },
    REJECTS[S.resultCode] ? tr(REJECTS[S.resultCode]) : String(S.resultCode)));
  if (v.pub.phase === PH.END || v.pub.outcome !== 0) main.append(endScreen(v));
  main.append(askPicker(v) || "", consentRequests(v) || "", news() || "", reflection(v) || "", readyBar(v) || "");
  if (S.seat >= 0 && v.hand) main.append(hand(v));
  main.append(needs(v));
  if (v.pub.phase !== PH.END) main.append(overleg(v));
  if (S.seat >= 0 && v.dossier) main.append(dossier(v));
  const sh = sharedFacts(v);
  if (sh) main.append(panel(t("Gedeelde feiten"), sh));
  main.append(promisesAndGoals(v), team(v));
  if (S.seat >= 0) main.append(roleCard());
  root.append(main);
}

// The DOM is rebuilt on every update; keyboard focus follows the control
// with the same id, or the same kind, label and data-* attributes.
function focusKey(e) {
  if (!e || e === document.body) return null;
  if (e.id) return "#" + e.id;
  const data = [...e.attributes].filter((a) => a.name.startsWith("data-")).map((a) => a.name + "=" + a.value).join(",");
  return e.tagName + "|" + e.textContent + "|" + data;
}

function render() {
  const root = $("app");
  const focusWas = focusKey(document.activeElement);
  // What the player typed, ticked or opened survives the rebuild (by id).
  const keep = {}, ticks = {};
  let caret = null;
  for (const e of root.querySelectorAll("input[id], textarea[id], select[id]")) {
    if (e.type === "checkbox") ticks[e.id] = e.checked; else if (e.type !== "radio") keep[e.id] = e.value;
    if (e === document.activeElement && typeof e.selectionStart === "number") caret = [e.selectionStart, e.selectionEnd];
  }
  for (const d of root.querySelectorAll("details[id]")) S.open[d.id] = d.open;
  root.textContent = "";
  document.documentElement.lang = lang;
  if (!S.sc) renderJoin(root);
  else if (S.want === "peek" || (!S.view && S.seat < 0 && S.want !== "observe")) renderRoles(root);
  else if (S.view) renderTable(root);
  else root.append(el("p", { class: "panel" }, t(S.status)));
  for (const id in keep) { const e = $(id); if (e && (e.tagName !== "SELECT" || e.querySelector(`option[value="${keep[id]}"]`))) e.value = keep[id]; }
  for (const id in ticks) { const e = $(id); if (e) e.checked = ticks[id]; }
  if (focusWas) {
    // Klaar and Toch wijzigen take each other's place: a keyboard player stays on it
    const twin = { "#ready": "#unready", "#unready": "#ready" }[focusWas];
    const again = [...root.querySelectorAll("button, input, textarea, select, summary")].find((e) => focusKey(e) === focusWas) ||
      (twin && root.querySelector(twin));
    if (again) {
      again.focus();
      if (caret && typeof again.setSelectionRange === "function") try { again.setSelectionRange(caret[0], caret[1]); } catch (e) { /* not a text field */ }
    }
  }
  const sw = $("lang");
  if (sw) sw.textContent = lang === "nl" ? "English" : "Nederlands";
}

function start() {
  const q = new URLSearchParams(location.search);
  lang = q.get("lang") === "en" || (!q.get("lang") && localStorage.getItem("samenspel.lang") === "en") ? "en" : "nl";
  S.code = (q.get("code") || "").toUpperCase().replace(/[^A-Z]/g, "").slice(0, 4);
  try { S.name = localStorage.getItem("samenspel.name") || ""; } catch (e) { /* ignore */ }
  $("lang").addEventListener("click", () => {
    lang = lang === "nl" ? "en" : "nl";
    try { localStorage.setItem("samenspel.lang", lang); } catch (e) { /* ignore */ }
    render();
  });
  // A reload with a stored seat token goes straight back to the seat.
  if (S.code && S.name && loadToken(S.code)) { S.want = "play"; connect(); }
  render();
  document.body.dataset.ready = "1";
}
document.addEventListener("DOMContentLoaded", start);
