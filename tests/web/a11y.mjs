// a11y.mjs: what the browser accessibility tests share: a headless host with
// three bots and one chromium page for the fourth seat, and two checks that
// run inside the page: WCAG 2.x text contrast of everything visible, and
// whether the focused control shows a visible focus indicator.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";

// Starts the host and chromium; fail(msg) ends the test with the host's log.
export async function session(bin, level, gamePort, httpPort, code, seconds) {
  const host = spawn(bin, ["host", level, "--headless", "--port", gamePort, "--http-port", httpPort, "--code", code,
    "--bots", "3", "--advance-idle", "0", "--seed", "5"], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  host.stdout.on("data", (d) => { log += d; });
  host.stderr.on("data", (d) => { log += d; });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "samenspel-chromium-"));
  const s = { host, browser: null, base: `http://127.0.0.1:${httpPort}` };
  s.cleanup = () => {
    try { if (s.browser) s.browser.process()?.kill("SIGKILL"); } catch (e) { /* gone */ }
    host.kill("SIGTERM");
    try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch (e) { /* closing */ }
  };
  s.fail = (msg) => { console.error("FAIL: " + msg + "\nhost:\n" + log.split("\n").slice(-15).join("\n")); s.cleanup(); process.exit(1); };
  s.deadline = setTimeout(() => s.fail(`took longer than ${seconds} s`), seconds * 1000);
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(s.base + "/")).ok) break; } catch (e) { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  s.browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"] });
  return s;
}

// In the page: every visible piece of text whose contrast against what is
// behind it is under WCAG AA (4.5:1, or 3:1 for large text: 24 px, or
// 18.66 px bold), as strings. Formula of WCAG 2.x: relative luminance
// L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels, and the
// ratio (L1 + 0.05) / (L2 + 0.05) with L1 the lighter. Semi-transparent
// colours are composited over what lies behind them (canvas: white).
export function contrastFailures() {
  const parse = (c) => {
    const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)/.exec(c);
    if (!m) return null;
    let a = m[4] === undefined ? 1 : m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), a];
  };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
  const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  // the colour behind an element: its own and its ancestors' backgrounds, composited
  const background = (e) => {
    const layers = [];
    for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const visible = (e) => {
    const st = getComputedStyle(e);
    return st.visibility === "visible" && st.display !== "none" && e.getClientRects().length > 0 && Number(st.opacity) > 0;
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\s+/g, ".") : "");
  const out = [];
  const check = (e, colour, text) => {
    const st = getComputedStyle(e);
    const size = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
    const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    const bg = background(e);
    const fg = over(parse(colour), bg);
    const r = ratio(fg, bg);
    if (r < need) out.push(`${name(e)} "${text.trim().slice(0, 40)}" ${colour} on rgb(${bg.slice(0, 3).map(Math.round)}) = ${r.toFixed(2)}:1 (needs ${need}:1)`);
  };
  for (const e of document.body.querySelectorAll("*")) {
    if (!visible(e) || e.closest("noscript")) continue;
    const own = [...e.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).map((n) => n.textContent).join(" ");
    if (own) check(e, getComputedStyle(e).color, own);
    if ((e.tagName === "INPUT" || e.tagName === "TEXTAREA") && !e.value && e.placeholder)
      check(e, getComputedStyle(e, "::placeholder").color, e.placeholder);
    if ((e.tagName === "INPUT" && e.type === "text") || e.tagName === "TEXTAREA" || e.tagName === "SELECT")
      if (e.value) check(e, getComputedStyle(e).color, e.value);
  }
  return out;
}

// In the page: what is wrong with the focused element's focus indicator
// ("" when it is fine): it must match :focus-visible and draw an outline or
// a box-shadow; an outline must stand out 3:1 against what is behind it
// (WCAG 1.4.11, non-text contrast).
export function focusProblem() {
  const e = document.activeElement;
  if (!e || e === document.body) return "nothing has focus";
  const what = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + ` "${(e.textContent || e.value || "").trim().slice(0, 30)}"`;
  if (!e.matches(":focus-visible")) return what + " is focused but not :focus-visible";
  const st = getComputedStyle(e);
  const outline = st.outlineStyle !== "none" && parseFloat(st.outlineWidth) >= 2;
  if (!outline && st.boxShadow === "none") return what + " has no outline or box-shadow when focused";
  if (!outline) return "";
  const parse = (c) => (/rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)/.exec(c) || []).slice(1).map(Number);
  const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  let bg = [255, 255, 255];
  for (let n = e.parentElement; n; n = n.parentElement) {
    const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(n).backgroundColor);
    if (m && (m[4] === undefined || Number(m[4]) >= 1)) { bg = parse(getComputedStyle(n).backgroundColor); break; }
  }
  const a = lum(parse(st.outlineColor)), b = lum(bg);
  const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return r < 3 ? `${what}: focus ring ${st.outlineColor} on rgb(${bg}) is ${r.toFixed(2)}:1 (needs 3:1)` : "";
}
