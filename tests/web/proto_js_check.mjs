// Decodes frames the C codec wrote (test_proto_js.c) with web/proto.js and
// checks every field of protocol 4, then writes the frames of the new
// actions for the C side to decode. Usage: node proto_js_check.mjs PROTO_JS DIR
import fs from "node:fs";
import vm from "node:vm";
import assert from "node:assert/strict";

const [protoPath, dir] = process.argv.slice(2);
// proto.js is a classic browser script: its top-level names are collected
// as the completion value of the script.
const code = fs.readFileSync(protoPath, "utf8") + `
;({ P, ACTION, EVT, REJ, EV_TAGS, CONSENT, decode, encodeAction, encodeWordGoal, encodeProposeAfspraak,
   encodeAgreeAfspraak, encodeAskConsent, encodeConsent, encodeAskPupil, encodeSetMeeting,
   encodeCheckImprovement, encodeReady })`;
const js = vm.runInNewContext(code, { TextDecoder, TextEncoder, DataView, Uint8Array, Error });

// values from the script's own realm, as plain data (deepEqual compares prototypes)
const plain = (x) => JSON.parse(JSON.stringify(x));

function frame(name) {
  const b = fs.readFileSync(`${dir}/${name}`);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

assert.equal(js.P.VERSION, 4);
assert.equal(js.EV_TAGS.length, 18);
assert.equal(js.EV_TAGS[17], "geen-overlegtijd");
assert.equal(js.REJ.EMPTY_TEXT, 46);
assert.equal(js.EVT.IMPROVEMENT_CHECKED, 43);

const w = js.decode(frame("welcome.bin"));
assert.equal(w.type, js.P.WELCOME);
const sc = w.sc;
assert.equal(sc.rules.overleg_budget, 4);
assert.equal(sc.rules.overleg_moment_bonus, 3);
assert.equal(sc.rules.afspraak_cost, 2);
assert.equal(sc.rules.trust_max, 5);
assert.equal(sc.rules.consent_penalty, 1);
assert.equal(sc.cards[1].pupil_voice, true);
assert.equal(sc.cards[0].pupil_voice, false);
assert.deepEqual(plain([sc.roles[0].pupil, sc.roles[0].guardian, sc.roles[0].organizer]), [false, true, false]);
assert.deepEqual(plain([sc.roles[1].pupil, sc.roles[1].guardian, sc.roles[1].organizer]), [true, false, true]);
assert.equal(sc.roles[1].badge, "LL");
assert.equal(sc.facts[0].sensitive, true);
assert.equal(sc.facts[1].pupil_voice, true);
assert.equal(sc.facts[0].text, "GEHEIM-FEIT-0");
assert.deepEqual(plain(sc.frictions[0].options), ["Wekelijks kort overleg", "Eén contactpersoon voor thuis"]);
assert.equal(sc.reflections[0].fit_signal, 6);
assert.equal(sc.reflections[0].fit_quiet, 1);

for (const name of ["update.bin", "update-pub.bin"]) {
  const u = js.decode(frame(name));
  assert.equal(u.type, js.P.UPDATE);
  const p = u.pub;
  assert.equal(p.goal_proposal, 1); // slot n_goals + 0: the team's own goal
  assert.equal(p.goal_adopted[0], true);
  assert.deepEqual(plain(p.team_goals), [{ needs: 1, text: "Noor leest elke dag tien minuten met plezier" }]);
  assert.equal(p.overleg_left, 2);
  assert.equal(p.overleg_budget, 7);
  assert.equal(p.meeting_round, 2);
  assert.equal(p.trust, 4);
  assert.equal(p.pupil_asked, true);
  assert.equal(p.consent.length, 48);
  assert.deepEqual(plain(p.consent.slice(0, 3)), [js.CONSENT.GIVEN, js.CONSENT.ASKED, js.CONSENT.NONE]);
  assert.deepEqual(plain(p.no_consent.slice(0, 3)), [false, true, false]);
  assert.equal(p.afspraken.length, 1);
  assert.deepEqual(plain(p.afspraken[0]), { proposer: 1, option: -1, agreed: 3, made_round: 3,
    text: "We bellen elke maandag, ook als het goed gaat" });
  assert.equal(p.reflection_evidence, 1 << 17);
  assert.deepEqual(plain(p.improvements), [
    { round: 2, checked: 3, done: true, text: "Ik vraag eerst wat Noor zelf wil" },
    { round: 3, checked: 0, done: false, text: "Korter vergaderen" }]);
  assert.equal(p.measures.afspraken, 1);
  assert.equal(p.measures.improvements_checked, 1);
  assert.equal(p.measures.trust, 4);
  assert.equal(p.rounds_done[1].trust, 2);
  assert.equal(u.events.length, 1);
  assert.equal(u.events[0].type, js.EVT.AFSPRAAK_MADE);
  if (name === "update.bin") assert.equal(u.seat, 0);
}
// a frame one byte short is refused, not half read
const short = new Uint8Array(frame("update.bin")).slice(0, -1);
new DataView(short.buffer).setUint32(0, short.length - 4);
assert.throws(() => js.decode(short.buffer));

const acts = [
  js.encodeWordGoal(1, "Noor voelt zich gehoord", 3),
  js.encodeProposeAfspraak(2, 0, -1, "Elke vrijdag een kort telefoontje"),
  js.encodeProposeAfspraak(3, 0, 1, "genegeerd: een optie van de casus"),
  js.encodeAgreeAfspraak(4, 0, true),
  js.encodeAskConsent(5, 0),
  js.encodeConsent(6, 0, false),
  js.encodeAskPupil(7),
  js.encodeSetMeeting(8),
  js.encodeCheckImprovement(9, 1, true),
  js.encodeReady(10, 3, 2),
];
fs.writeFileSync(`${dir}/actions.bin`, Buffer.concat(acts.map((a) => Buffer.from(a))));
console.log("proto.js: protocol 4 fields decoded, " + acts.length + " actions encoded");
