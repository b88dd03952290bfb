// browser_meeting.mjs: the zorgcoördinator of lotte-zoco.yaml (lotte, organizer first), in Debian's
// chromium at 360x640 next to four team bots, sets up a structural
// overlegmoment through the page ("Vast overlegmoment opzetten", SET_MEETING)
// by pressing Klaar through the phases; the page then says so, and nothing is
// wider than the phone.
// Usage: node browser_meeting.mjs SAMENSPEL_BINARY LEVEL OUT_DIR GAME_PORT HTTP_PORT
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [bin, level, outDir, gamePort, httpPort] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
const host = spawn(bin, ["host", level, "--headless", "--port", gamePort, "--http-port", httpPort, "--code", "MEET",
  "--bots", "4", "--advance-idle", "0", "--seed", "3"], { stdio: ["ignore", "pipe", "pipe"] });
let hostOut = "";
host.stdout.on("data", (d) => { hostOut += d; });
host.stderr.on("data", (d) => { hostOut += d; });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "samenspel-chromium-"));
let browser = null;
function cleanup() {
  try { if (browser) browser.process()?.kill("SIGKILL"); } catch (e) { /* gone */ }
  host.kill("SIGTERM");
  try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch (e) { /* closing */ }
}
function fail(msg) { console.error("FAIL: " + msg + "\nhost:\n" + hostOut); cleanup(); process.exit(1); }
const deadline = setTimeout(() => fail("took longer than 60 s"), 60000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${httpPort}/`)).ok) break; } catch (e) { /* not yet */ }
    await sleep(100);
  }
  browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"] });
  const p = await browser.newPage();
  await p.setViewport({ width: 360, height: 640 });
  await p.goto(`http://127.0.0.1:${httpPort}/?code=MEET`);
  await p.waitForSelector("#name");
  await p.type("#name", "Zoë");
  await p.click("#join");
  await p.waitForSelector(".rolelist button:not([disabled])", { timeout: 20000 });
  const free = await p.$$eval(".rolelist button:not([disabled])", (b) => b.map((e) => e.dataset.role));
  if (free.join() !== "zorgcoordinator") fail("the bots did not leave the zorgcoördinator free: " + free.join());
  await p.click(".rolelist button:not([disabled])");
  await p.click("#take");
  await p.waitForSelector("#phase", { timeout: 20000 });
  let clicked = false, shown = false;
  for (let i = 0; i < 300 && !shown; i++) {
    const st = await p.evaluate(() => {
      const q = (s) => document.querySelector(s);
      if (q("#set-meeting")) { q("#set-meeting").click(); return "meet"; }
      if ([...document.querySelectorAll(".ok")].some((e) => /Vast overlegmoment sinds ronde/.test(e.textContent))) return "shown";
      if (q("#outcome")) return "end";
      if (q("#ready")) q("#ready").click();
      return "";
    });
    if (st === "meet") clicked = true;
    if (st === "shown") shown = true;
    if (st === "end") break;
    await sleep(150);
  }
  if (!clicked) fail("the zorgcoördinator never saw 'Vast overlegmoment opzetten'");
  if (!shown) fail("the page never said that the overlegmoment was set up");
  const wide = await p.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 360) fail(`the page is ${wide} px wide on a 360 px phone`);
  await p.$eval("#time-left", (e) => e.scrollIntoView());
  await p.screenshot({ path: path.join(outDir, "page-meeting-360x640.png") });
  console.log("ok: the zorgcoördinator set up an overlegmoment in the browser; " + await p.$eval("#time", (e) => e.textContent));
  clearTimeout(deadline);
  cleanup();
}
main().catch((e) => fail(e.stack || String(e)));
