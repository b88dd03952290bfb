// web/proto.js against a real host: one seat of a headless game (three bots
// at the other seats) is played through proto.js over TCP, the frames the
// browser would get. Every frame must decode (proto.js throws on anything it
// does not read to the last byte), every ACTION sent (READY, the
// verbeteractie, ASK_PUPIL of rules version 2) must get a RESULT, and the
// game must reach its end. Usage: node proto_js_live.mjs SAMENSPEL PROTO_JS PORT
import net from "node:net";
import { spawn } from "node:child_process";
import { frameReader, loadProto } from "./wire.mjs";

const [bin, protoPath, port] = process.argv.slice(2);
const js = loadProto(protoPath, ["P", "ACTION", "decode", "encodeHello", "encodeAction", "encodePing", "encodeAskPupil", "encodeReady"]);
const host = spawn(bin, ["host", "--headless", "--quiet", "--bots", "3", "--port", port, "--http-port", "0",
  "--code", "LIVE", "--seed", "7", "--advance-idle", "300"], { stdio: ["ignore", "inherit", "inherit"] });
let failed = false;
function finish(code, why) {
  if (why) console.error("proto_js_live: " + why);
  host.kill("SIGTERM");
  process.exit(code);
}
setTimeout(() => finish(1, "the game did not end within 90 s"), 90000);

let sock = null;
for (let attempt = 0; attempt < 50 && !sock; attempt++) {
  await new Promise((r) => setTimeout(r, 100));
  sock = await new Promise((resolve) => {
    const s = net.connect(Number(port), "127.0.0.1");
    s.on("connect", () => resolve(s));
    s.on("error", () => resolve(null));
  });
}
if (!sock) finish(1, "no host on port " + port);

let seq = 1, frames = 0, results = 0, ok = 0, ended = false, budget = 0, asked = -1, tick = 0;
sock.write(js.encodeHello("LIVE", "Fien", "", 0, null));
sock.on("data", frameReader((fr) => {
  if (failed) return;
  let m;
  try {
    m = js.decode(fr);
  } catch (e) {
    failed = true;
    finish(1, `frame ${frames + 1} (type ${new Uint8Array(fr)[4]}) does not decode: ${e.message}`);
  }
  frames++;
  if (m.type === js.P.PING) sock.write(js.encodePing(js.P.PONG, m.stamp, tick));
  if (m.type === js.P.RESULT) { results++; if (m.result === 0) ok++; }
  if (m.type !== js.P.UPDATE) return;
  tick = m.tick;
  const p = m.pub;
  budget = Math.max(budget, p.overleg_budget);
  if (p.outcome !== 0) ended = true;
  const send = (frame) => { seq++; sock.write(frame); };
  if (p.phase === 3 && asked !== p.round) { asked = p.round; send(js.encodeAskPupil(seq)); }
  if (p.phase >= 1 && p.phase <= 5 && !m.ready) send(js.encodeReady(seq, p.phase, p.round));
  if (p.phase === 6 && m.reflection_option < 0 && p.reflection_card >= 0)
    send(js.encodeAction(seq, js.ACTION.REFLECT, 0, -1, -1, "eerst luisteren naar wat Noor zelf wil"));
}));
sock.on("close", () => {
  if (failed) return;
  console.log(`proto_js_live: ${frames} frames decoded, ${seq - 1} actions, ${results} results, ` +
    `${ok} accepted, overleg budget ${budget}, ended ${ended}`);
  if (!ended) finish(1, "the host closed before the game ended");
  if (results !== seq - 1) finish(1, `${seq - 1} actions sent but ${results} results`);
  if (budget <= 0) finish(1, "no overleg time in any view");
  if (ok === 0) finish(1, "the host accepted none of the actions");
  finish(0);
});
