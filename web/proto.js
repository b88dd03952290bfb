// proto.js: the frames of src/proto/PROTOCOL.md in the browser, one frame
// (u32 length + type + body) per WebSocket binary message. Reading is
// bounds-checked: a short or malformed message throws and the page drops the
// connection, as the native client does.
"use strict";

const P = {
  MAGIC: 0x53504c31, VERSION: 3,
  HELLO: 1, WELCOME: 2, REJECT: 3, LOBBY: 4, ACTION: 5, RESULT: 6, UPDATE: 7,
  FACT: 8, PING: 9, PONG: 10, BYE: 11, EVENT: 12,
};

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
    limit_domains: r.list(6, () => r.str()), deck: r.list(24, () => r.i16()), colour: r.i16() }));
  sc.seat_roles = r.list(8, () => r.i8());
  sc.cards = r.list(160, () => ({ id: r.str(), title: r.str(), text: r.str(), type: r.i8(), role: r.i8(),
    domain: r.str(), kind: r.i8(), strength: r.i16(), boost: r.i16() }));
  sc.needs = r.list(6, () => ({ id: r.str(), title: r.str(), text: r.str(), domain: r.str(), target: r.i32(),
    limited_roles: r.u32() }));
  sc.facts = r.list(48, () => { const f = { id: r.str(), role: r.i8(), needs: r.u32(), has_text: r.bool() };
    f.text = f.has_text ? r.str() : ""; return f; });
  sc.frictions = r.list(16, () => ({ id: r.str(), title: r.str(), text: r.str(), roles: r.u32(),
    required_roles: r.i8(), severity: r.i16(), drains: r.i8(), innovation_card: r.i16(), round: r.i8() }));
  sc.goals = r.list(8, () => ({ id: r.str(), title: r.str(), text: r.str(), needs: r.u32() }));
  sc.reflections = r.list(40, () => ({ id: r.str(), question: r.str(), block: r.i8(), evidence: r.u32(),
    options: r.list(4, () => r.str()) }));
  sc.events = r.list(12, () => { const e = { round: r.i8(), shown: r.bool() };
    e.content = e.shown ? readContent(r) : null; return e; });
  // since protocol 3: one badge (afkorting) per role, in role order
  sc.roles.forEach((ro) => { ro.badge = r.str(); });
  return sc;
}

function readMeasures(r) {
  const m = { density: r.f64(), centrality: r.f64(), diversity: r.f64(), role_share: r.f64(),
    goal_directedness: r.f64() };
  for (const k of ["edges", "contributions", "joint", "kept", "broken", "asks_offers", "reflective_rounds"]) m[k] = r.i32();
  m.goal_adopted = r.bool(); m.reflective = r.bool(); m.evidence = r.u32(); m.level = r.i8();
  return m;
}

function readCommitment(r) {
  return { card: r.i16(), target_kind: r.i8(), target: r.i8(), innovation: r.bool(), slot: r.i8() };
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

function encodePing(type, stamp, ack) {
  const hi = Math.floor(stamp / 4294967296), lo = stamp >>> 0;
  return new Writer().u32(hi).u32(lo).u32(ack >>> 0).frame(type);
}
