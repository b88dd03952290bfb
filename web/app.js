// app.js: the browser player. Mirrors the SDL player window (src/ui/ui_join.c,
// src/ui/player.c): join form, role picker, then the seat's own view of each
// phase. Every intent is an ACTION frame; the host decides.
"use strict";

const PH = { LOBBY: 0, SIGNAAL: 1, IDENTITEIT: 2, OVERLEG: 3, INZET: 4, UITVOERING: 5, REFLECTIE: 6, END: 7 };
const ACT = { READY: 3, UNREADY: 4, SHARE_FACT: 5, PROPOSE_GOAL: 6, VOTE_GOAL: 7, PROPOSE_LEAD: 9,
  ACCEPT_LEAD: 10, ASK: 11, OFFER: 12, RESPOND: 13, COMMIT: 14, UNCOMMIT: 15, REFLECT: 16 };
const PHASE_NAMES = ["Lobby", "Signaal", "Identiteit", "Overleg", "Inzet", "Uitvoering", "Reflectie", "Einde"];

// ---------------------------------------------------------------- i18n
let lang = "nl";
function t(s) { return (lang === "en" && CATALOGUE.en[s]) || s; }
function fmt(s, ...args) { let i = 0; return s.replace(/%[sd]/g, () => String(args[i++])); }

// ---------------------------------------------------------------- state
const S = {
  ws: null, code: "", name: "", role: "", mode: 0, want: "play", // play | peek | observe
  sc: null, seat: -1, lobby: null, view: null, facts: {}, events: {}, tick: 0, seq: 1,
  status: "", error: "", noReconnect: false, retry: null, pick: null, card: -1, askFor: null,
  reflectOption: -1, lastPong: 0, pinger: null, resultText: "",
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
  S.status = t("Verbinden…");
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
    try { m = decode(e.data); } catch (err) { ws.close(); S.status = t("verbinding verbroken"); return; }
    S.lastPong = Date.now();
    onMessage(m);
  };
  ws.onclose = () => {
    clearInterval(S.pinger);
    if (S.ws !== ws) return;
    S.ws = null;
    if (S.noReconnect || !S.sc) { render(); return; }
    S.status = t("Verbinding kwijt; opnieuw proberen…");
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
  S.ws.send(encodeAction(S.seq++, type, a, b ?? -1, c ?? -1, text || ""));
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
      S.status = S.seat >= 0 || S.want === "observe" ? t("verbonden") : "";
      break;
    case P.REJECT:
      S.noReconnect = true; S.error = rejectText(m.code, m.text);
      if (m.code === 4 || m.code === 2) try { localStorage.removeItem(tokenKey(S.code)); } catch (e) { /* ignore */ }
      if (S.want === "play" && (m.code === 5 || m.code === 6 || m.code === 3)) { S.want = "peek"; S.noReconnect = false; setTimeout(connect, 10); }
      else if (!S.sc) S.screen = "join";
      break;
    case P.LOBBY: S.lobby = m; break;
    case P.UPDATE: S.view = m; S.tick = m.tick; if (m.seat !== undefined) S.seat = m.seat; break;
    case P.FACT: S.facts[m.fact] = m.text; return;
    case P.EVENT: S.events[m.index] = m.content; return;
    case P.RESULT: S.resultText = m.result === 0 ? "" : (REJECTS[m.result] || String(m.result)); break;
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
// consonant before a vowel), so a narrow card breaks them there with a
// hyphen instead of anywhere (the projector's gfx does the same).
function softHyphens(text) {
  const vowel = (c) => "aeiouyAEIOUY".includes(c);
  return text.split(" ").map((w) => {
    if (w.length < 10) return w;
    let out = "";
    for (let i = 0; i < w.length; i++) {
      if (i >= 3 && w.length - i >= 3 && !vowel(w[i]) && w[i] !== "-" && vowel(w[i + 1]) &&
          /[a-z]/i.test(w[i - 1])) out += "\u00ad";
      out += w[i];
    }
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

function header(v) {
  const pub = v.pub, sc = S.sc;
  const bar = el("header", { class: "bar" },
    el("span", { class: "who" }, S.seat >= 0 ? fmt("%s · %s", S.name || t("jij"), roleName(sc.seat_roles[S.seat])) : t("toeschouwer")),
    el("span", { class: "phase", id: "phase" }, pub.phase === PH.LOBBY || pub.phase === PH.END ? PHASE_NAMES[pub.phase]
      : fmt(t("Ronde %d van %d · %s"), pub.round, sc.rules.rounds, PHASE_NAMES[pub.phase])),
    el("span", { class: "meters" }, fmt(t("welbevinden %d, draagkracht %d"), pub.welbevinden, pub.draagkracht)),
    el("span", { class: "status", "aria-live": "polite" }, S.ws ? S.status : t("Verbinding kwijt; opnieuw proberen…")));
  return bar;
}

function roleCard() {
  const d = myRole();
  if (!d) return null;
  return panel(fmt(t("Jouw rol: %s"), d.name), el("p", {}, d.description), roleDetails(d));
}

function dossier(v) {
  const ul = el("ul", { class: "dossier", id: "dossier" });
  for (const f of v.dossier) {
    if (f < 0 || f >= S.sc.facts.length) continue;
    const shared = v.pub.fact_shared[f];
    const li = el("li", {}, el("span", {}, S.facts[f] || S.sc.facts[f].id));
    li.append(shared ? el("span", { class: "ok" }, t("✓ gedeeld"))
      : btn(t("Delen"), () => send(ACT.SHARE_FACT, f), { class: "small", "data-fact": String(f) }));
    ul.append(li);
  }
  if (!v.dossier.length) ul.append(el("li", {}, t("Je rol heeft geen dossierfeiten.")));
  return panel(t("Jouw dossier"), ul);
}

function sharedFacts(v) {
  const ul = el("ul", { class: "dossier" });
  for (let f = 0; f < S.sc.facts.length; f++)
    if (v.pub.fact_shared[f] && S.facts[f] && !v.dossier?.includes(f))
      ul.append(el("li", {}, el("span", {}, S.facts[f]), el("span", { class: "ok" }, roleName(S.sc.facts[f].role))));
  return ul.children.length ? ul : null;
}

function needs(v) {
  const pub = v.pub, sc = S.sc, wrap = el("div", { class: "needs" });
  const overleg = pub.phase === PH.OVERLEG, inzet = pub.phase === PH.INZET && !v.ready && S.seat >= 0;
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
    else if (st.lead_proposal === S.seat && overleg)
      box.append(btn(t("Trekker worden? Ja"), () => send(ACT.ACCEPT_LEAD, i), { class: "small primary" }));
    if (overleg && S.seat >= 0 && !st.met) {
      box.append(el("div", { class: "row" },
        btn(t("Vraag hulp"), () => { S.askFor = { need: i, offer: false }; render(); }, { class: "small", "data-ask": String(i) }),
        btn(t("Bied hulp"), () => { S.askFor = { need: i, offer: true }; render(); }, { class: "small" }),
        st.lead < 0 ? btn(t("Ik trek dit"), () => send(ACT.PROPOSE_LEAD, i, S.seat), { class: "small" }) : null));
    }
    wrap.append(box);
  }
  for (const f of pub.frictions) {
    if (!f.active || f.friction < 0 || f.friction >= sc.frictions.length) continue;
    const fd = sc.frictions[f.friction];
    const title = inzet && S.card >= 0
      ? btn(fmt(t("Spanning: %s"), fd.title), () => { send(ACT.COMMIT, S.card, 1, f.friction); S.card = -1; }, { class: "target" })
      : el("h3", {}, fmt(t("Spanning: %s"), fd.title));
    wrap.append(el("div", { class: "need friction" }, title, el("p", {}, fd.text),
      el("p", { class: "hint" }, fmt(t("samen aanpakken met %d rollen · ernst %d"), fd.required_roles, f.severity))));
  }
  return panel(t("Noden en spanningen"), wrap);
}

function askPicker(v) {
  if (!S.askFor || v.pub.phase !== PH.OVERLEG) return null;
  const need = S.sc.needs[S.askFor.need].title;
  const row = el("div", { class: "row" });
  for (let s = 0; s < v.pub.n_seats; s++) if (s !== S.seat)
    row.append(btn(seatLabel(s), () => { send(S.askFor.offer ? ACT.OFFER : ACT.ASK, s, S.askFor.need); S.askFor = null; render(); }, { "data-seat": String(s) }));
  row.append(btn(t("Annuleren"), () => { S.askFor = null; render(); }));
  return el("section", { class: "panel picker", role: "dialog", "aria-label": need },
    el("h2", {}, fmt(S.askFor.offer ? t("Hulp aanbieden aan wie? (%s)") : t("Wie vraag je om hulp? (%s)"), need)), row);
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

function promisesAndGoals(v) {
  const pub = v.pub, sc = S.sc, body = el("div", {});
  const stn = [t("wacht"), t("aanvaard"), t("geweigerd"), t("gehouden"), t("gebroken")];
  let any = false;
  pub.promises.forEach((pr, k) => {
    if (pr.need < 0 || pr.need >= sc.needs.length) return;
    const need = sc.needs[pr.need].title;
    if (pr.to === S.seat) {
      any = true;
      const li = el("p", {}, fmt(pr.kind === 0 ? t("%s vraagt jouw hulp: %s") : t("%s biedt hulp aan: %s"), seatLabel(pr.from), need), " · " + stn[pr.status]);
      if (pr.status === 0 && pub.phase === PH.OVERLEG)
        li.append(" ", btn(t("Aanvaarden"), () => send(ACT.RESPOND, k, 1), { class: "small primary" }),
          " ", btn(t("Weigeren"), () => send(ACT.RESPOND, k, 0), { class: "small" }));
      body.append(li);
    } else if (pr.from === S.seat) {
      any = true;
      body.append(el("p", {}, fmt(pr.kind === 0 ? t("Jij vroeg %s: %s") : t("Jij bood %s aan: %s"), seatLabel(pr.to), need), " · " + stn[pr.status]));
    }
  });
  if (!any) body.append(el("p", { class: "hint" }, t("Geen open vragen.")));
  const goals = el("ul", { class: "goals" });
  sc.goals.forEach((g, i) => {
    const li = el("li", {}, el("b", {}, (pub.goal_adopted[i] ? "✓ " : "") + g.title), " ", g.text);
    if (pub.phase === PH.OVERLEG && S.seat >= 0) {
      const bit = 1 << S.seat, voted = (pub.votes_yes & bit) || (pub.votes_no & bit);
      if (pub.goal_proposal === i)
        li.append(" ", btn(t("Ja"), () => send(ACT.VOTE_GOAL, i, 1), { class: "small primary", disabled: voted }),
          " ", btn(t("Nee"), () => send(ACT.VOTE_GOAL, i, 0), { class: "small", disabled: voted }));
      else if (!pub.goal_adopted[i] && pub.goal_proposal < 0)
        li.append(" ", btn(t("Voorstellen"), () => send(ACT.PROPOSE_GOAL, i), { class: "small" }));
    }
    goals.append(li);
  });
  return panel(t("Afspraken en doelen"), body, goals);
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

function readyBar(v) {
  const ph = v.pub.phase;
  if (S.seat < 0 || !(ph === PH.IDENTITEIT || ph === PH.OVERLEG || ph === PH.INZET || ph === PH.SIGNAAL)) return null;
  return el("div", { class: "row readybar" }, v.ready
    ? btn(t("Toch wijzigen"), () => send(ACT.UNREADY), { id: "unready" })
    : btn(t("Klaar"), () => send(ACT.READY), { class: "primary", id: "ready" }));
}

function reflection(v) {
  const pub = v.pub;
  if (pub.phase !== PH.REFLECTIE || pub.reflection_card < 0 || pub.reflection_card >= S.sc.reflections.length) return null;
  const rc = S.sc.reflections[pub.reflection_card];
  const p = panel(t("Reflectie"), el("p", { class: "question" }, rc.question));
  if (S.seat < 0) return p;
  if (v.reflection_option >= 0) { p.append(el("p", { class: "ok", id: "reflected" }, t("✓ Je antwoord is verstuurd."))); return p; }
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
    btn(t("Versturen"), () => send(ACT.REFLECT, S.reflectOption, -1, -1, ta.value.slice(0, 140)),
      { class: "primary", id: "send-reflect", disabled: S.reflectOption < 0 }));
  return p;
}

function endScreen(v) {
  const pub = v.pub;
  const out = pub.outcome === 1 ? t("gewonnen: de leerling is goed ondersteund")
    : pub.outcome === 2 ? t("verloren: het welbevinden van de leerling viel op 0") : "";
  return panel(PHASE_NAMES[PH.END], el("p", { id: "outcome", "data-outcome": String(pub.outcome) }, out),
    el("p", {}, t("Het spel is voorbij. De nabespreking volgt vooraan.")));
}

function renderTable(root) {
  const v = S.view;
  root.append(header(v));
  const main = el("main", { class: "table" });
  main.append(el("p", { class: "hint phasehint", id: "hint" }, phaseHint(v)));
  if (S.error) main.append(el("p", { class: "error", role: "alert", id: "error" }, S.error));
  if (S.resultText) main.append(el("p", { class: "error", role: "status" }, S.resultText));
  if (v.pub.phase === PH.END || v.pub.outcome !== 0) main.append(endScreen(v));
  main.append(askPicker(v) || "");
  main.append(reflection(v) || "");
  main.append(readyBar(v) || "");
  if (S.seat >= 0 && v.hand) main.append(hand(v));
  main.append(needs(v));
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
  const keep = {};
  for (const id of ["code", "name", "improve"]) { const e = $(id); if (e) keep[id] = e.value; }
  root.textContent = "";
  document.documentElement.lang = lang;
  if (!S.sc) renderJoin(root);
  else if (S.want === "peek" || (!S.view && S.seat < 0 && S.want !== "observe")) renderRoles(root);
  else if (S.view) renderTable(root);
  else root.append(el("p", { class: "panel" }, S.status));
  for (const id in keep) { const e = $(id); if (e) e.value = keep[id]; }
  if (focusWas) {
    const again = [...root.querySelectorAll("button, input, textarea")].find((e) => focusKey(e) === focusWas);
    if (again) again.focus();
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
