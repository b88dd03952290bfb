// bench_web.mjs: figures of the browser player for tools/bench/web.sh, as
// `name value unit` lines: page weight, time to the first render on
// loopback, and action -> every WebSocket updated (p50/p99) at 8 connections
// in Debian's chromium, next to the same figure for 8 TCP peers of the same
// headless host (the baseline, measured in this run with the page's own
// proto.js over node's sockets). Usage: node bench_web.mjs SAMENSPEL_BINARY GAME_PORT HTTP_PORT
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [bin, gamePort, httpPort] = process.argv.slice(2);
const base = `http://127.0.0.1:${httpPort}`;
const CODE = "BNWB";
const host = spawn(bin, ["host", "--headless", "--port", gamePort, "--http-port", httpPort, "--code", CODE,
  "--seed", "3", "--advance-idle", "0", "--quiet"], { stdio: "ignore" });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "samenspel-bench-"));
let browser = null;
function done(code) {
  try { if (browser) browser.process()?.kill("SIGKILL"); } catch (e) { /* gone */ }
  host.kill("SIGTERM");
  try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch (e) { /* closing */ }
  process.exit(code);
}
setTimeout(() => { console.error("bench_web: timeout"); done(1); }, 90000);

async function main() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base + "/")).ok) break; } catch (e) { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  let weight = 0;
  for (const f of ["/", "/style.css", "/i18n.js", "/proto.js", "/app.js"])
    weight += (await (await fetch(base + f)).arrayBuffer()).byteLength;
  console.log(`web_page_weight ${(weight / 1024).toFixed(1)} KiB`);

  browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium", headless: true, userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const page = await browser.newPage();
  const renders = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${base}/?code=${CODE}&n=${i}`, { waitUntil: "load" });
    await page.waitForSelector("#join-form");
    renders.push(await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return fcp ? fcp.startTime : performance.now();
    }));
  }
  renders.sort((a, b) => a - b);
  console.log(`web_first_render_median ${renders[2].toFixed(1)} ms`);

  // 8 WebSocket peers from the page: the 4 seats and 4 observers. Seat 0
  // toggles READY/UNREADY in Signaal (the others never get ready, so the
  // phase stays); each action's time until all 8 sockets saw the next UPDATE.
  const res = await page.evaluate(async (code) => {
    const socks = [];
    const last = [];
    const open = (mode, role, name) => new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${location.host}/ws`, "samenspel");
      ws.binaryType = "arraybuffer";
      const i = socks.length;
      socks.push(ws);
      last.push(0);
      ws.onopen = () => ws.send(encodeHello(code, name, role, mode, null));
      ws.onerror = () => reject(new Error("ws error"));
      ws.onmessage = (e) => {
        const m = decode(e.data);
        if (m.type === P.UPDATE) { last[i] = performance.now(); ws.tick = m.tick; ws.view = m; resolve(ws); }
        if (m.type === P.PING) ws.send(encodePing(P.PONG, m.stamp, ws.tick || 0));
      };
    });
    const roles = ["leraar", "ouder", "clb-anker", "leerondersteuner"];
    for (let s = 0; s < 4; s++) await open(0, roles[s], "p" + s);
    for (let o = 0; o < 4; o++) await open(1, "", "o" + o);
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 50 && socks[0].view.pub.phase === 0; i++) await wait(50);
    const lat = [];
    let seq = 1;
    for (let k = 0; k < 200; k++) {
      const t0 = performance.now();
      socks[0].send(encodeAction(seq++, k % 2 === 0 ? 3 : 4, -1, -1, -1, ""));
      const deadline = t0 + 2000;
      while (performance.now() < deadline && !last.every((t) => t > t0)) await new Promise((r) => setTimeout(r, 0));
      if (last.every((t) => t > t0)) lat.push(Math.max(...last) - t0);
      await wait(15);
    }
    for (const ws of socks) ws.close();
    return { lat, phase: socks[0].view.pub.phase };
  }, CODE);
  const lat = res.lat.sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
  console.log(`web_action_to_all_p50_8ws ${pct(50).toFixed(3)} ms`);
  console.log(`web_action_to_all_p99_8ws ${pct(99).toFixed(3)} ms`);
  console.log(`web_latency_samples_8ws ${lat.length} actions`);
  const tcp = await tcpBaseline();
  console.log(`web_tcp_action_to_all_p50_8conn ${tcp[Math.floor(tcp.length / 2)].toFixed(3)} ms`);
  console.log(`web_tcp_action_to_all_p99_8conn ${tcp[Math.min(tcp.length - 1, Math.floor(tcp.length * 0.99))].toFixed(3)} ms`);
  done(0);
}
// The same measurement with 8 TCP peers: a fresh host (no web server).
async function tcpBaseline() {
  const port = Number(gamePort) + 2;
  const h2 = spawn(bin, ["host", "--headless", "--port", String(port), "--http-port", "0", "--code", CODE,
    "--seed", "3", "--advance-idle", "0", "--quiet"], { stdio: "ignore" });
  const src = fs.readFileSync(new URL("../../web/proto.js", import.meta.url), "utf8");
  const { P: PP, decode: dec, encodeHello: hello, encodeAction: action, encodePing: ping } =
    new Function(src + "; return {P, decode, encodeHello, encodeAction, encodePing};")();
  await new Promise((r) => setTimeout(r, 800));
  const socks = [], last = [];
  const open = (mode, role, name) => new Promise((resolve, reject) => {
    const s = net.connect(port, "127.0.0.1");
    s.setNoDelay(true);
    const i = socks.length;
    socks.push(s);
    last.push(0);
    let buf = Buffer.alloc(0);
    s.on("error", reject);
    s.on("connect", () => s.write(hello(CODE, name, role, mode, null)));
    s.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4) {
        const l = buf.readUInt32BE(0);
        if (buf.length < 4 + l) break;
        const fr = buf.subarray(0, 4 + l);
        buf = buf.subarray(4 + l);
        const m = dec(fr.buffer.slice(fr.byteOffset, fr.byteOffset + fr.length));
        if (m.type === PP.UPDATE) { last[i] = performance.now(); s.tick = m.tick; resolve(s); }
        if (m.type === PP.PING) s.write(ping(PP.PONG, m.stamp, s.tick || 0));
      }
    });
  });
  const roles = ["leraar", "ouder", "clb-anker", "leerondersteuner"];
  for (let k = 0; k < 4; k++) await open(0, roles[k], "p" + k);
  for (let o = 0; o < 4; o++) await open(1, "", "o" + o);
  await new Promise((r) => setTimeout(r, 300));
  const lat = [];
  for (let k = 0; k < 200; k++) {
    const t0 = performance.now();
    socks[0].write(action(k + 1, k % 2 === 0 ? 3 : 4, -1, -1, -1, ""));
    while (performance.now() < t0 + 2000 && !last.every((t) => t > t0)) await new Promise((r) => setImmediate(r));
    if (last.every((t) => t > t0)) lat.push(Math.max(...last) - t0);
    await new Promise((r) => setTimeout(r, 15));
  }
  for (const s of socks) s.destroy();
  h2.kill("SIGTERM");
  return lat.sort((a, b) => a - b);
}

main().catch((e) => { console.error(e); done(1); });
