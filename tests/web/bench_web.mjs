// bench_web.mjs: figures of the browser player for tools/bench/web.sh, as
// `name value unit` lines: page weight, time to the first render on
// loopback, action -> every WebSocket updated (p50/p99) at 8 and at 64
// connections in Debian's chromium, next to the same figure for 8 and 64 TCP
// peers (the baseline, measured in this run with the page's own proto.js over
// node's sockets), and the host's RSS with 64 browsers (and 64 TCP peers)
// connected. Every measurement gets a fresh headless host, so that seats and
// tokens of one do not change the next. Usage:
//   node bench_web.mjs SAMENSPEL_BINARY GAME_PORT HTTP_PORT
// (GAME_PORT .. GAME_PORT+8 and HTTP_PORT .. HTTP_PORT+4 are used.)
// web_relay_* is the WebSocket figure without chromium: node sockets that
// speak the framing themselves, to tell the relay's cost from the browser's.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { frameReader, loadProto } from "./wire.mjs";

const [bin, gamePortArg, httpPortArg] = process.argv.slice(2);
const gamePort = Number(gamePortArg), httpPort = Number(httpPortArg);
const CODE = "BNWB";
const ACTIONS = 200;
const ROLES = ["leraar", "ouder", "clb-anker", "leerondersteuner"];
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "samenspel-bench-"));
const hosts = [];
let browser = null;

// A headless host; with web, its web server on http (64 browsers on one
// machine share one address, hence the raised per-address cap).
function startHost(port, http) {
  const h = spawn(bin, ["host", "--headless", "--port", String(port), "--http-port", String(http), "--code", CODE,
    "--seed", "3", "--advance-idle", "0", "--quiet"],
  { stdio: "ignore", env: { ...process.env, SAMENSPEL_WEB_MAX_PER_ADDRESS: "80" } });
  hosts.push(h);
  return h;
}
function stopHost(h) { try { h.kill("SIGTERM"); } catch (e) { /* gone */ } }
function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : -1;
}
async function waitTcp(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((r) => {
      const s = net.connect(port, "127.0.0.1");
      s.on("connect", () => { s.destroy(); r(true); });
      s.on("error", () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no host on port ${port}`);
}
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const proto = () => loadProto(new URL("../../web/proto.js", import.meta.url), ["P", "decode", "encodeHello", "encodeAction", "encodePing"]);
// A node socket to port, listed in socks with its last-update time in last.
function dial(port, socks, last) {
  const s = net.connect(port, "127.0.0.1");
  s.setNoDelay(true);
  socks.push(s);
  last.push(0);
  return [s, socks.length - 1];
}
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function done(code) {
  try { if (browser) browser.process()?.kill("SIGKILL"); } catch (e) { /* gone */ }
  for (const h of hosts) stopHost(h);
  try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch (e) { /* closing */ }
  process.exit(code);
}
setTimeout(() => { console.error("bench_web: timeout"); done(1); }, 240000);

// n WebSocket peers from one page: the 4 seats and n-4 observers. Seat 0
// toggles READY/UNREADY in Signaal (the others never get ready, so the phase
// stays); each action's time until all n sockets saw the next UPDATE. READY
// names phase and round 0, "any" (rules v2 refuse a READY for another phase,
// and -1 is one: every action then waited out its 2 s).
async function wsRun(page, n, port, http) {
  const host = startHost(port, http);
  await waitTcp(http);
  await page.goto(`http://127.0.0.1:${http}/?code=${CODE}`, { waitUntil: "load" });
  const opened = await page.evaluate(async (code, n, roles) => {
    window.benchSocks = [];
    window.benchLast = [];
    const socks = window.benchSocks, last = window.benchLast;
    const open = (mode, role, name) => new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${location.host}/ws`, "samenspel");
      ws.binaryType = "arraybuffer";
      const i = socks.length;
      socks.push(ws);
      last.push(0);
      ws.onopen = () => ws.send(encodeHello(code, name, role, mode, null));
      ws.onerror = () => reject(new Error("ws error"));
      ws.onclose = () => reject(new Error("ws closed"));
      ws.onmessage = (e) => {
        const m = decode(e.data);
        if (m.type === P.UPDATE) { last[i] = performance.now(); ws.tick = m.tick; ws.view = m; resolve(ws); }
        if (m.type === P.PING) ws.send(encodePing(P.PONG, m.stamp, ws.tick || 0));
      };
    });
    for (let s = 0; s < 4; s++) await open(0, roles[s], "p" + s);
    await Promise.all(Array.from({ length: n - 4 }, (_, o) => open(1, "", "o" + o)));
    for (let i = 0; i < 50 && socks[0].view.pub.phase === 0; i++) await new Promise((r) => setTimeout(r, 50));
    return socks.length;
  }, CODE, n, ROLES);
  await wait(300);
  const rss = rssKiB(host.pid);
  const lat = await page.evaluate(async (actions) => {
    const socks = window.benchSocks, last = window.benchLast;
    const out = [];
    let seq = 1;
    for (let k = 0; k < actions; k++) {
      const t0 = performance.now();
      socks[0].send(encodeAction(seq++, k % 2 === 0 ? 3 : 4, 0, 0, -1, ""));
      const deadline = t0 + 2000;
      while (performance.now() < deadline && !last.every((t) => t > t0)) await new Promise((r) => setTimeout(r, 0));
      if (last.every((t) => t > t0)) out.push(Math.max(...last) - t0);
      await new Promise((r) => setTimeout(r, 15));
    }
    for (const ws of socks) { ws.onclose = null; ws.close(); }
    return out;
  }, ACTIONS);
  stopHost(host);
  return { opened, rss, lat: lat.sort((a, b) => a - b) };
}

// The same measurement with n TCP peers (4 seats, n-4 observers) of a host
// without a web server.
async function tcpRun(n, port) {
  const host = startHost(port, 0);
  await waitTcp(port);
  const { P: PP, decode: dec, encodeHello: hello, encodeAction: action, encodePing: ping } = proto();
  const socks = [], last = [];
  const open = (mode, role, name) => new Promise((resolve, reject) => {
    const [s, i] = dial(port, socks, last);
    s.on("error", reject);
    s.on("connect", () => s.write(hello(CODE, name, role, mode, null)));
    s.on("data", frameReader((fr) => {
      const m = dec(fr);
      if (m.type === PP.UPDATE) { last[i] = performance.now(); s.tick = m.tick; resolve(s); }
      if (m.type === PP.PING) s.write(ping(PP.PONG, m.stamp, s.tick || 0));
    }));
  });
  for (let k = 0; k < 4; k++) await open(0, ROLES[k], "p" + k);
  await Promise.all(Array.from({ length: n - 4 }, (_, o) => open(1, "", "o" + o)));
  await wait(300);
  const rss = rssKiB(host.pid);
  const lat = [];
  for (let k = 0; k < ACTIONS; k++) {
    const t0 = performance.now();
    socks[0].write(action(k + 1, k % 2 === 0 ? 3 : 4, 0, 0, -1, ""));
    while (performance.now() < t0 + 2000 && !last.every((t) => t > t0)) await new Promise((r) => setImmediate(r));
    if (last.every((t) => t > t0)) lat.push(Math.max(...last) - t0);
    await wait(15);
  }
  for (const s of socks) s.destroy();
  stopHost(host);
  return { opened: socks.length, rss, lat: lat.sort((a, b) => a - b) };
}

// The same n WebSocket peers without a browser: node sockets that speak
// RFC 6455 framing themselves (test code; the server side is libwebsockets),
// so that the relay's own cost shows apart from chromium's.
async function wsNodeRun(n, port, http) {
  const host = startHost(port, http);
  await waitTcp(http);
  const { P: PP, decode: dec, encodeHello: hello, encodeAction: action, encodePing: ping } = proto();
  const frame = (payload) => { // one masked binary message
    const p = Buffer.from(payload instanceof ArrayBuffer ? new Uint8Array(payload) : payload);
    const head = p.length < 126 ? Buffer.from([0x82, 0x80 | p.length])
      : Buffer.from([0x82, 0x80 | 126, p.length >> 8, p.length & 255]);
    const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
    const body = Buffer.alloc(p.length);
    for (let i = 0; i < p.length; i++) body[i] = p[i] ^ key[i & 3];
    return Buffer.concat([head, key, body]);
  };
  const socks = [], last = [];
  const open = (mode, role, name) => new Promise((resolve, reject) => {
    const [s, i] = dial(http, socks, last);
    let buf = Buffer.alloc(0), upgraded = false;
    s.on("error", reject);
    s.on("close", () => reject(new Error("ws closed")));
    s.on("connect", () => s.write(`GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${http}\r\nUpgrade: websocket\r\n` +
      "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
      "Sec-WebSocket-Protocol: samenspel\r\n\r\n"));
    s.on("data", (d) => {
      buf = Buffer.concat([buf, d]);
      if (!upgraded) {
        const e = buf.indexOf("\r\n\r\n");
        if (e < 0) return;
        upgraded = true;
        buf = buf.subarray(e + 4);
        s.write(frame(hello(CODE, name, role, mode, null)));
      }
      for (;;) {
        if (buf.length < 2) break;
        let len = buf[1] & 0x7f, h = 2;
        if (len === 126) { if (buf.length < 4) break; len = buf.readUInt16BE(2); h = 4; }
        else if (len === 127) { if (buf.length < 10) break; len = Number(buf.readBigUInt64BE(2)); h = 10; }
        if (buf.length < h + len) break;
        const op = buf[0] & 0x0f, fr = buf.subarray(h, h + len);
        buf = buf.subarray(h + len);
        if (op !== 2) continue;
        const m = dec(fr.buffer.slice(fr.byteOffset, fr.byteOffset + fr.length));
        if (m.type === PP.UPDATE) { last[i] = performance.now(); s.tick = m.tick; resolve(s); }
        if (m.type === PP.PING) s.write(frame(ping(PP.PONG, m.stamp, s.tick || 0)));
      }
    });
  });
  for (let k = 0; k < 4; k++) await open(0, ROLES[k], "p" + k);
  await Promise.all(Array.from({ length: n - 4 }, (_, o) => open(1, "", "o" + o)));
  await wait(300);
  const lat = [];
  for (let k = 0; k < ACTIONS; k++) {
    const t0 = performance.now();
    socks[0].write(frame(action(k + 1, k % 2 === 0 ? 3 : 4, 0, 0, -1, "")));
    while (performance.now() < t0 + 2000 && !last.every((t) => t > t0)) await new Promise((r) => setImmediate(r));
    if (last.every((t) => t > t0)) lat.push(Math.max(...last) - t0);
    await wait(15);
  }
  for (const s of socks) { s.removeAllListeners("close"); s.destroy(); }
  stopHost(host);
  return { opened: socks.length, lat: lat.sort((a, b) => a - b) };
}

// Time to the first render on loopback: chromium's first contentful paint
// and the moment the join form is in the page, median of RENDER_LOADS loads
// after a warm-up each. The baseline, alternating with the host load by load:
// the very same files from node's own http server, so that what the host's
// serving adds shows apart from the browser's own work on this machine.
const RENDER_LOADS = 15;
async function firstRender(page, hostBase, files) {
  const srv = http.createServer((req, res) => {
    const body = files[new URL(req.url, "http://x").pathname];
    if (!body) { res.writeHead(404); res.end(); return; }
    const type = req.url.startsWith("/?") || req.url === "/" ? "text/html" : req.url.endsWith(".css") ? "text/css" : "text/javascript";
    res.writeHead(200, { "Content-Type": type + "; charset=utf-8" });
    res.end(body);
  });
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const nodeBase = `http://127.0.0.1:${srv.address().port}`;
  // when the join form first appears, from the navigation's start
  await page.evaluateOnNewDocument(() => {
    new MutationObserver((_, obs) => {
      if (document.getElementById("join-form")) { window.benchForm = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  const one = async (b, i) => {
    await page.goto(`${b}/?code=${CODE}&n=${i}`, { waitUntil: "load" });
    await page.waitForSelector("#join-form");
    return page.evaluate(() => new Promise((resolve) => {
      const got = (fcp) => resolve({ fcp, form: window.benchForm ?? performance.now() });
      const seen = performance.getEntriesByName("first-contentful-paint")[0];
      if (seen) { got(seen.startTime); return; }
      new PerformanceObserver((l) => got(l.getEntries()[0].startTime)).observe({ type: "paint", buffered: true });
      setTimeout(() => got(performance.now()), 2000); // no paint entry: count the time until now
    }));
  };
  await one(hostBase, -1);
  await one(nodeBase, -1);
  const host = [], nodeRuns = [];
  for (let i = 0; i < RENDER_LOADS; i++) {
    host.push(await one(hostBase, i));
    nodeRuns.push(await one(nodeBase, i));
  }
  srv.close();
  const median = (runs, k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { loads: RENDER_LOADS, host: { fcp: median(host, "fcp"), form: median(host, "form") },
    node: { fcp: median(nodeRuns, "fcp"), form: median(nodeRuns, "form") } };
}

async function main() {
  const first = startHost(gamePort, httpPort);
  const base = `http://127.0.0.1:${httpPort}`;
  await waitTcp(httpPort);
  let weight = 0;
  const files = {};
  for (const f of ["/", "/style.css", "/i18n.js", "/proto.js", "/app.js"]) {
    files[f] = Buffer.from(await (await fetch(base + f)).arrayBuffer());
    weight += files[f].byteLength;
  }
  console.log(`web_page_weight ${(weight / 1024).toFixed(1)} KiB`);
  console.log(`web_host_rss_idle ${rssKiB(first.pid)} KiB`);

  browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium", headless: true, userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const page = await browser.newPage();
  const render = await firstRender(page, base, files);
  console.log(`web_first_render_median ${render.host.fcp.toFixed(1)} ms`);
  console.log(`web_first_render_join_form_median ${render.host.form.toFixed(1)} ms`);
  console.log(`web_first_render_node_median ${render.node.fcp.toFixed(1)} ms`);
  console.log(`web_first_render_node_join_form_median ${render.node.form.toFixed(1)} ms`);
  console.log(`web_first_render_loads ${render.loads} loads`);
  if (process.env.BENCH_WEB_ONLY_RENDER) done(0); // a quick look at the page alone
  stopHost(first);

  // WebSocket and TCP alternate, so that both see the same machine.
  let k = 1;
  for (const n of [8, 64]) {
    const ws = await wsRun(page, n, gamePort + k, httpPort + k);
    const tcp = await tcpRun(n, gamePort + 4 + k);
    const relay = await wsNodeRun(n, gamePort + 6 + k, httpPort + 2 + k);
    k++;
    if (ws.lat.length === 0 || tcp.lat.length === 0) throw new Error(`no samples at ${n} connections`);
    console.log(`web_action_to_all_p50_${n}ws ${pct(ws.lat, 50).toFixed(3)} ms`);
    console.log(`web_action_to_all_p99_${n}ws ${pct(ws.lat, 99).toFixed(3)} ms`);
    console.log(`web_latency_samples_${n}ws ${ws.lat.length} actions`);
    if (relay.lat.length > 0) {
      console.log(`web_relay_action_to_all_p50_${n}ws ${pct(relay.lat, 50).toFixed(3)} ms`);
      console.log(`web_relay_action_to_all_p99_${n}ws ${pct(relay.lat, 99).toFixed(3)} ms`);
    }
    console.log(`web_tcp_action_to_all_p50_${n}conn ${pct(tcp.lat, 50).toFixed(3)} ms`);
    console.log(`web_tcp_action_to_all_p99_${n}conn ${pct(tcp.lat, 99).toFixed(3)} ms`);
    console.log(`web_tcp_latency_samples_${n}conn ${tcp.lat.length} actions`);
    if (n === 64) {
      console.log(`web_host_rss_${n}ws ${ws.rss} KiB`);
      console.log(`web_tcp_host_rss_${n}conn ${tcp.rss} KiB`);
    }
  }
  done(0);
}

main().catch((e) => { console.error(e); done(1); });
