// proto.js: the frames of src/proto/PROTOCOL.md in the browser, one frame
// (u32 length + type + body) per WebSocket binary message. Reading is
// bounds-checked: a short or malformed message throws and the page drops the
// connection, as the native client does.
"use strict";

const P = {
  MAGIC: 0x53504c31, VERSION: 4,
  HELLO: 1, WELCOME: 2, REJECT: 3, LOBBY: 4, ACTION: 5, RESULT: 6, UPDATE: 7,
  FACT: 8, PING: 9, PONG: 10, BYE: 11, EVENT: 12,
};

// The value tables of PROTOCOL.md (core.h's enums). Actions: a, b, c and text
// as in the table `core_action_type`; 18..25 are the rules of issue #12.
const ACTION = {
  NONE: 0, START: 1, ADVANCE: 2, READY: 3, UNREADY: 4, SHARE_FACT: 5, PROPOSE_GOAL: 6, VOTE_GOAL: 7,
  DROP_GOAL: 8, PROPOSE_LEAD: 9, ACCEPT_LEAD: 10, ASK: 11, OFFER: 12, RESPOND: 13, COMMIT: 14,
  UNCOMMIT: 15, REFLECT: 16, NEW_PLAYER: 17, WORD_GOAL: 18, PROPOSE_AFSPRAAK: 19, AGREE_AFSPRAAK: 20,
  ASK_CONSENT: 21, CONSENT: 22, ASK_PUPIL: 23, SET_MEETING: 24, CHECK_IMPROVEMENT: 25,
};
const EVT = {
  GAME_STARTED: 0, PHASE: 1, FRICTION_REVEALED: 2, SCRIPTED: 3, DRAW: 4, FACT_SHARED: 5, GOAL_PROPOSED: 6,
  GOAL_VOTE: 7, GOAL_ADOPTED: 8, GOAL_DROPPED: 9, LEAD_PROPOSED: 10, LEAD_SET: 11, PROMISE: 12,
  PROMISE_ANSWER: 13, READY: 14, COMMITTED: 15, REVEAL: 16, NEED_PROGRESS: 17, NEED_MET: 18,
  GRENSERVARING: 19, FRICTION_DRAIN: 20, FRICTION_ESCALATED: 21, PROMISE_KEPT: 22, PROMISE_BROKEN: 23,
  TRACKS: 24, REFLECTION: 25, REFLECTED: 26, ROUND_END: 27, GAME_END: 28, GOAL_REJECTED: 29,
  PROMISE_LAPSED: 30, TEAM_GOAL: 31, AFSPRAAK_PROPOSED: 32, AFSPRAAK_ANSWER: 33, AFSPRAAK_MADE: 34,
  AFSPRAAK_DROPPED: 35, FRICTION_SOFTENED: 36, CONSENT_ASKED: 37, CONSENT: 38, NO_CONSENT: 39,
  PUPIL_ASKED: 40, MEETING_SET: 41, TRUST: 42, IMPROVEMENT_CHECKED: 43,
};
const REJ = {
  OK: 0, BAD_SEAT: 1, WRONG_PHASE: 2, GAME_OVER: 3, NOT_HOST: 4, UNKNOWN_ACTION: 5, NOT_YOUR_CARD: 6,
  NOT_YOUR_FACT: 7, ALREADY_SHARED: 8, ALREADY_COMMITTED: 9, TOO_MANY_CARDS: 10, UNKNOWN_NEED: 11,
  NEED_MET: 12, UNKNOWN_FRICTION: 13, UNKNOWN_GOAL: 14, GOAL_ALREADY_ADOPTED: 15, TOO_MANY_GOALS: 16,
  NO_PROPOSAL: 17, ALREADY_VOTED: 18, UNKNOWN_PROMISE: 19, NOT_YOUR_PROMISE: 20, PROMISE_CLOSED: 21,
  SELF: 22, TOO_MANY_PROMISES: 23, READY_LOCKED: 24, NOT_COMMITTED: 25, BAD_OPTION: 26,
  TEXT_TOO_LONG: 27, ALREADY_ANSWERED: 28, PROPOSAL_OPEN: 29, GOAL_NOT_ADOPTED: 30, UNKNOWN_SEAT: 31,
  NO_LEAD_PROPOSAL: 32, DUPLICATE: 33, NOT_READY: 34, BAD_TEXT: 35, NO_TIME: 36, NOT_INVOLVED: 37,
  NO_AFSPRAAK: 38, NOT_SENSITIVE: 39, NO_CONSENT_ASKED: 40, NOT_CONSENT_GIVER: 41, ALREADY_DONE: 42,
  NOT_ORGANIZER: 43, NO_IMPROVEMENT: 44, PUPIL_NOT_ASKED: 45, EMPTY_TEXT: 46,
};
// Evidence tags by bit (the names level files use).
const EV_TAGS = ["lage-diversiteit", "centraal-netwerk", "lage-densiteit", "geen-gedeeld-doel",
  "spanning-genegeerd", "grenservaring", "weinig-vragen", "gebroken-belofte", "niet-reflectief",
  "dossier-ongedeeld", "rol-afwezig", "ervaringskennis-onbenut", "geen-trekker", "samen-gewerkt",
  "zonder-toestemming", "leerling-niet-gehoord", "weinig-vertrouwen", "geen-overlegtijd"];
// A fact's consent state in the view (pub.consent[f]).
const CONSENT = { NONE: 0, ASKED: 1, GIVEN: 2, REFUSED: 3 };

class Reader {
  constructor(buf, off) { this.d = new DataView(buf); this.o = off; this.u = new Uint8Array(buf); }
  need(n) { if (this.o + n > this.d.byteLength) throw new Error("truncated"); }
  u8() { this.need(1); return this.d.getUint8(this.o++); }
  i8() { this.need(1); return this.d.getInt8(this.o++); }
  i16() { this.need(2); const v = this.d.getInt16(this.o); this.o += 2; return v; }
  u16() { this.need(2); const v = this.d.getUint16(this.o); this.o += 2; return v; }
  i32() { this.need(4); const v = this.d.getInt32(this.o); this.o += 4; return v; }
  u32() { this.need(4); const v = this.d.getUint32(this.o); this.o += 4; return v; }
  u64() { const hi = this.u32(), lo = this.u32(); return hi * 4294967296 + lo; }
  f64() { this.need(8); const v = this.d.getFloat64(this.o); this.o += 8; return v; }
  bool() { const v = this.u8(); if (v > 1) throw new Error("bool"); return v === 1; }
  bits() { const hi = this.u32(), lo = this.u32(); const out = [];
    for (let i = 0; i < 64; i++) out.push(i < 32 ? ((lo >>> i) & 1) === 1 : ((hi >>> (i - 32)) & 1) === 1); return out; }
  str() { const n = this.u16(); this.need(n); const s = new TextDecoder("utf-8", { fatal: true }).decode(this.u.subarray(this.o, this.o + n)); this.o += n; return s; }
  bytes(n) { this.need(n); const b = this.u.slice(this.o, this.o + n); this.o += n; return b; }
  count(max) { const n = max <= 127 ? this.i8() : this.i16(); if (n < 0 || n > max) throw new Error("count"); return n; }
  list(max, fn) { const n = this.count(max); const a = []; for (let i = 0; i < n; i++) a.push(fn()); return a; }
  end() { if (this.o !== this.d.byteLength) throw new Error("trailing bytes"); }
}

class Writer {
  constructor() { this.b = []; }
  u8(v) { this.b.push(v & 255); return this; }
  i8(v) { return this.u8(v); }
  u16(v) { return this.u8(v >> 8).u8(v); }
  i16(v) { return this.u16(v & 0xffff); }
  u32(v) { return this.u8(v >>> 24).u8(v >>> 16).u8(v >>> 8).u8(v); }
  str(s) { const e = new TextEncoder().encode(s); this.u16(e.length); for (const x of e) this.b.push(x); return this; }
  raw(a) { for (const x of a) this.b.push(x); return this; }
  frame(type) { const body = [type, ...this.b]; const out = new Uint8Array(4 + body.length);
    new DataView(out.buffer).setUint32(0, body.length); out.set(body, 4); return out; }
}

function readRules(r) {
  const names = ["rounds", "hand_size", "max_commit", "welbevinden_start", "welbevinden_max",
    "welbevinden_per_need", "draagkracht_start", "draagkracht_max", "weak_penalty", "synergy_bonus",
    "mixed_kinds_bonus", "goal_bonus", "lead_bonus", "dark_divisor", "escalation", "recovery",
    "needs_to_win", "max_goals"];
  const o = {};
  for (const n of names) o[n] = r.i32();
  for (let i = 0; i < 7; i++) r.f64();
  o.off_domain_divisor = r.i32();
  // since protocol 4: overleg time, trust and consent
  for (const n of ["overleg_budget", "overleg_moment_cost", "overleg_moment_bonus", "ask_cost", "goal_cost",
    "afspraak_cost", "pupil_cost", "trust_start", "trust_max", "trust_low", "consent_penalty"]) o[n] = r.i32();
  return o;
}

function readContent(r) {
  return { title: r.str(), text: r.str(), wb: r.i16(), dk: r.i16(), need: r.i8(), need_delta: r.i16() };
}

function readScenario(r) {
  const sc = { id: r.str(), title: r.str(), intro: r.str(), version: r.i16(), pupil_name: r.str(),
    pupil_age: r.i16(), pupil_class: r.str(), pupil_text: r.str() };
  sc.rules = readRules(r);
  sc.roles = r.list(16, () => ({ id: r.str(), name: r.str(), description: r.str(),
    domains: r.list(6, () => r.str()), skills: r.list(4, () => r.str()), limits_text: r.str(),
    limit_domains: r.list(6, () => r.str()), deck: r.list(24, () => r.i16()), colour: r.i16(),
    pupil: r.bool(), guardian: r.bool(), organizer: r.bool() })); // the three flags since protocol 4
  sc.seat_roles = r.list(8, () => r.i8());
  sc.cards = r.list(160, () => ({ id: r.str(), title: r.str(), text: r.str(), type: r.i8(), role: r.i8(),
    domain: r.str(), kind: r.i8(), strength: r.i16(), boost: r.i16(), pupil_voice: r.bool() }));
  sc.needs = r.list(6, () => ({ id: r.str(), title: r.str(), text: r.str(), domain: r.str(), target: r.i32(),
    limited_roles: r.u32() }));
  sc.facts = r.list(48, () => { const f = { id: r.str(), role: r.i8(), needs: r.u32(), sensitive: r.bool(),
    pupil_voice: r.bool(), has_text: r.bool() };
    f.text = f.has_text ? r.str() : ""; return f; });
  sc.frictions = r.list(16, () => ({ id: r.str(), title: r.str(), text: r.str(), roles: r.u32(),
    required_roles: r.i8(), severity: r.i16(), drains: r.i8(), innovation_card: r.i16(), round: r.i8(),
    options: r.list(4, () => r.str()) })); // the afspraken the level suggests, since protocol 4
  sc.goals = r.list(8, () => ({ id: r.str(), title: r.str(), text: r.str(), needs: r.u32() }));
  sc.reflections = r.list(40, () => ({ id: r.str(), question: r.str(), block: r.i8(), evidence: r.u32(),
    options: r.list(4, () => r.str()), fit_signal: r.u32(), fit_quiet: r.u32() }));
  sc.events = r.list(12, () => { const e = { round: r.i8(), shown: r.bool() };
    e.content = e.shown ? readContent(r) : null; return e; });
  // since protocol 3: one badge (afkorting) per role, in role order
  sc.roles.forEach((ro) => { ro.badge = r.str(); });
  return sc;
}

function readMeasures(r) {
  const m = { density: r.f64(), centrality: r.f64(), diversity: r.f64(), role_share: r.f64(),
    goal_directedness: r.f64() };
  for (const k of ["edges", "contributions", "joint", "kept", "broken", "asks_offers", "reflective_rounds",
    "afspraken", "improvements_checked", "trust"]) m[k] = r.i32();
  m.goal_adopted = r.bool(); m.reflective = r.bool(); m.evidence = r.u32(); m.level = r.i8();
  return m;
}

function readCommitment(r) {
  return { card: r.i16(), target_kind: r.i8(), target: r.i8(), innovation: r.bool(), slot: r.i8() };
}

// The public state of the rules of issue #12 (RULES_V2 in PROTOCOL.md, since
// protocol 4). Goal slots: sc.goals[g] for g < sc.goals.length, else the
// team's own goal p.team_goals[g - sc.goals.length].
function readRulesV2(r, p) {
  p.team_goals = r.list(2, () => ({ needs: r.i8(), text: r.str() }));
  p.overleg_left = r.i32(); p.overleg_budget = r.i32();
  p.meeting_round = r.i8(); p.trust = r.i16(); p.pupil_asked = r.bool(); p.pupil_voice = r.bool();
  const asked = r.bits();
  p.consent = [];
  for (let f = 0; f < 48; f++) {
    const c = asked[f] ? r.i8() : CONSENT.NONE;
    if (c < 0 || c > 3) throw new Error("consent");
    p.consent.push(c);
  }
  p.no_consent = r.bits().slice(0, 48);
  // by spanning index; slots beyond the list hold no afspraak
  p.afspraken = r.list(16, () => ({ proposer: r.i8(), option: r.i8(), agreed: r.u32(), made_round: r.i8(),
    text: r.str() }));
  p.reflection_evidence = r.u32();
  p.improvements = [];
  for (let s = 0; s < p.n_seats; s++)
    p.improvements.push({ round: r.i8(), checked: r.i8(), done: r.bool(), text: r.str() });
}

function readPublic(r) {
  const p = { round: r.i8(), phase: r.i8(), outcome: r.i8(), welbevinden: r.i32(), draagkracht: r.i32() };
  p.n_seats = r.i8(); p.n_needs = r.i8();
  if (p.n_seats < 0 || p.n_seats > 8 || p.n_needs < 0 || p.n_needs > 6) throw new Error("view");
  p.needs = [];
  for (let i = 0; i < p.n_needs; i++)
    p.needs.push({ progress: r.i32(), met: r.bool(), lit: r.bool(), lead: r.i8(), lead_proposal: r.i8() });
  p.fact_shared = r.bits();
  p.fact_round = {};
  for (let f = 0; f < 48; f++) if (p.fact_shared[f]) p.fact_round[f] = r.i8(); // since protocol 2
  p.frictions = r.list(16, () => ({ friction: r.i8(), severity: r.i32(), ignored: r.i16(), active: r.bool() }));
  p.boundary = r.list(16, () => r.i8());
  p.innovations = r.list(16, () => r.i16());
  p.goal_adopted = r.bits();
  p.goal_proposal = r.i8(); p.goal_proposal_drop = r.bool(); p.goal_proposer = r.i8();
  p.votes_yes = r.u32(); p.votes_no = r.u32();
  readRulesV2(r, p);
  p.promises = r.list(64, () => ({ from: r.i8(), to: r.i8(), need: r.i8(), round: r.i8(), kind: r.i8(), status: r.i8() }));
  p.seats = [];
  for (let s = 0; s < p.n_seats; s++) p.seats.push({ ready: r.bool(), hand_n: r.i8(), commit_n: r.i8(), reflected: r.bool() });
  p.revealed = r.bool();
  p.reveal = [];
  if (p.revealed) for (let s = 0; s < p.n_seats; s++) p.reveal.push(r.list(3, () => readCommitment(r)));
  p.reflection_card = r.i8();
  p.edges = [];
  for (let i = 0; i < p.n_seats * p.n_seats; i++) p.edges.push(r.u16());
  p.measures = readMeasures(r);
  p.rounds_done = r.list(12, () => readMeasures(r));
  return p;
}

function readUpdate(r) {
  const u = { tick: r.u32() };
  u.events = r.list(256, () => ({ type: r.i8(), seat: r.i8(), a: r.i32(), b: r.i32(), c: r.i32(), d: r.i32() }));
  const kind = r.i8();
  u.pub = readPublic(r);
  if (kind === 1) {
    u.seat = r.i8(); u.role = r.i8();
    u.hand = r.list(8, () => r.i16());
    u.deck_n = r.i8(); u.discard_n = r.i8();
    u.commits = r.list(3, () => readCommitment(r));
    u.ready = r.bool(); u.reflection_option = r.i8(); u.reflection_text = r.str();
    u.dossier = r.list(48, () => r.i8());
  } else if (kind !== 0) throw new Error("view kind");
  return u;
}

// Decodes one message (an ArrayBuffer holding one frame). Throws on anything invalid.
function decode(buf) {
  if (buf.byteLength < 5) throw new Error("short frame");
  const r = new Reader(buf, 0);
  const len = r.u32();
  if (len !== buf.byteLength - 4) throw new Error("frame length");
  const type = r.u8();
  let m;
  switch (type) {
    case P.WELCOME: m = { seat: r.i8(), token: r.bytes(16), code: r.str() }; m.sc = readScenario(r); break;
    case P.REJECT: m = { code: r.i8(), text: r.str() }; break;
    case P.LOBBY:
      m = { code: r.str(), title: r.str() };
      m.seats = r.list(8, () => ({ role: r.i8(), name: r.str(), taken: r.bool(), connected: r.bool(), bot: r.bool() }));
      m.observers = r.i32(); m.started = r.bool(); m.paused = r.bool(); m.finished = r.bool();
      m.timer_left_s = r.i32(); break; // since protocol 2
    case P.RESULT: m = { seq: r.u32(), result: r.i8() }; break;
    case P.UPDATE: m = readUpdate(r); break;
    case P.FACT: m = { fact: r.i8(), text: r.str() }; break;
    case P.PING: case P.PONG: m = { stamp: r.u64(), ack: r.u32() }; break;
    case P.BYE: m = { reason: r.i8() }; break;
    case P.EVENT: m = { index: r.i8(), round: r.i8(), content: readContent(r) }; break;
    default: throw new Error("unknown type " + type);
  }
  r.end();
  m.type = type;
  return m;
}

function encodeHello(code, name, role, mode, token) {
  const w = new Writer().u32(P.MAGIC).u16(P.VERSION).str("samenspel-web 0.1.0").str(code).str(name).str(role).u8(mode);
  if (token) w.u8(1).raw(token); else w.u8(0);
  return w.frame(P.HELLO);
}

function encodeAction(seq, type, a, b, c, text) {
  return new Writer().u32(seq).i8(type).i16(a).i16(b).i16(c).str(text || "").frame(P.ACTION);
}

// READY names the phase and round it is meant for (0 = any): a "klaar" sent
// just before the phase changed must not end the next one.
function encodeReady(seq, phase, round) { return encodeAction(seq, ACTION.READY, phase, round, -1, ""); }

// The actions of the rules of issue #12 (all through the one ACTION message).
function encodeWordGoal(seq, text, needs) { return encodeAction(seq, ACTION.WORD_GOAL, needs, -1, -1, text); }
// option: the level's afspraak (sc.frictions[f].options), or -1 with own text
function encodeProposeAfspraak(seq, friction, option, text) {
  return encodeAction(seq, ACTION.PROPOSE_AFSPRAAK, friction, option, -1, option < 0 ? text : "");
}
function encodeAgreeAfspraak(seq, friction, agree) { return encodeAction(seq, ACTION.AGREE_AFSPRAAK, friction, agree ? 1 : 0, -1, ""); }
function encodeAskConsent(seq, fact) { return encodeAction(seq, ACTION.ASK_CONSENT, fact, -1, -1, ""); }
function encodeConsent(seq, fact, give) { return encodeAction(seq, ACTION.CONSENT, fact, give ? 1 : 0, -1, ""); }
function encodeAskPupil(seq) { return encodeAction(seq, ACTION.ASK_PUPIL, -1, -1, -1, ""); }
function encodeSetMeeting(seq) { return encodeAction(seq, ACTION.SET_MEETING, -1, -1, -1, ""); }
function encodeCheckImprovement(seq, seat, done) {
  return encodeAction(seq, ACTION.CHECK_IMPROVEMENT, seat, done ? 1 : 0, -1, "");
}

function encodePing(type, stamp, ack) {
  const hi = Math.floor(stamp / 4294967296), lo = stamp >>> 0;
  return new Writer().u32(hi).u32(lo).u32(ack >>> 0).frame(type);
}
