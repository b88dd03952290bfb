// browser_contrast.mjs: WCAG AA contrast of the browser player, measured in
// Debian's chromium at a 390x844 phone: one page plays a seat next to three
// bots through the join form, the role picker, every phase of the table
// (a card chosen, a warning, a reflection) and the end screen; in each, in nl
// and in en, every visible text is checked against its effective background
// (4.5:1, 3:1 for large text) and every control's focus ring against what
// is behind it (3:1). Lists every failure, then fails.
// Usage: node browser_contrast.mjs SAMENSPEL_BINARY LEVEL GAME_PORT HTTP_PORT
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { contrastFailures, focusProblem, session } from "./a11y.mjs";

const [bin, levelArg, gamePort, httpPort] = process.argv.slice(2);
// The bots take the last seats: the level with the CLB-anker first, so that
// the page's seat holds the sensitive fact (consent asked, a warning, a fact
// shared without consent) and those states are checked too.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samenspel-contrast-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
const level = path.join(tmp, "noor-clb.yaml");
const text = fs.readFileSync(levelArg, "utf8");
if (!/^rollen: \[leraar, ouder, clb-anker, leerondersteuner\]$/m.test(text)) throw new Error(levelArg + ": its rollen line changed");
fs.writeFileSync(level, text.replace(/^rollen: .*$/m, "rollen: [clb-anker, leraar, ouder, leerondersteuner]"));
const s = await session(bin, level, gamePort, httpPort, "CTRS", 150);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// A click in the page itself: the page rebuilds its DOM on every update, so
// an element handle taken a moment earlier may already be gone.
const tap = (page, sel) => page.evaluate((q) => { const e = document.querySelector(q); if (e && !e.disabled) e.click(); return !!e; }, sel);
const found = new Map(); // failure -> where it was first seen
const audited = [];

// Every focusable control in turn, focused the way a keyboard would leave it.
function ringProblems(src) {
  const problem = new Function("return (" + src + ")()");
  const out = [];
  for (const e of document.querySelectorAll("#app button, #app input, #app select, #app textarea, #app summary, #lang")) {
    if (e.disabled || e.getClientRects().length === 0) continue;
    e.focus({ preventScroll: true });
    const p = problem();
    if (p) out.push(p);
  }
  document.activeElement.blur();
  return out;
}

async function audit(page, where) {
  if (audited.includes(where)) return;
  audited.push(where);
  for (const lang of ["nl", "en"]) {
    if (lang === "en") await page.evaluate(() => document.getElementById("lang").click());
    await page.keyboard.press("Shift"); // keyboard modality: programmatic focus is :focus-visible
    const problems = (await page.evaluate(contrastFailures)).concat(await page.evaluate(ringProblems, focusProblem.toString()));
    for (const p of problems) if (!found.has(p)) found.set(p, `${where} (${lang})`);
    if (lang === "en") await page.evaluate(() => document.getElementById("lang").click());
  }
}

// The check itself, on colours whose ratios are known: #777 on white is
// 4.48:1, #767676 4.54:1, #949494 3.03:1 (large text only), white on 50 %
// black over the white canvas 3.95:1.
async function selfCheck(page) {
  await page.setContent(`<body style="margin:0;background:#fff">
    <p id="a" style="color:#777">fails</p><p style="color:#767676">passes</p>
    <p style="color:#949494;font-size:24px">large passes</p>
    <p id="b" style="color:#949494;font-size:18px;font-weight:bold">18 px bold fails</p>
    <div style="background:#000"><span style="color:rgba(255,255,255,.5)">half white on black passes</span></div>
    <div style="background:rgba(0,0,0,.5)"><p id="c" style="color:#fff">white on half black fails</p></div></body>`);
  const got = await page.evaluate(contrastFailures);
  const ids = got.map((f) => f.split(" ")[0]).sort().join(",");
  if (ids !== "p#a,p#b,p#c") s.fail("the contrast check is wrong on known colours: " + JSON.stringify(got));
}

async function main() {
  const page = await s.browser.newPage();
  await selfCheck(page);
  await page.setViewport({ width: 390, height: 844 });
  await page.goto(`${s.base}/?code=CTRS`);
  await page.waitForSelector("#name");
  await audit(page, "join form");
  await page.type("#name", "Lien");
  await page.$eval("#code", (e) => { e.value = "ZZ"; }); // a code of two letters: refused in words
  await page.click("#join");
  await page.waitForSelector("#error");
  await audit(page, "join form with an error");
  await page.$eval("#code", (e) => { e.value = "CTRS"; });
  await page.click("#join");
  await page.waitForSelector(".rolelist button:not([disabled])", { timeout: 20000 }).catch(() => s.fail("no role picker"));
  await audit(page, "role picker");
  await page.click(".rolelist button:not([disabled])");
  await audit(page, "role picker, a role chosen");
  await page.click("#take");
  await page.waitForSelector("#phase", { timeout: 20000 }).catch(() => s.fail("not seated"));
  for (let step = 0; step < 600; step++) {
    const st = await page.evaluate(() => {
      const q = (x) => document.querySelector(x);
      if (q("#outcome")) return { phase: "end" };
      const phase = q("#phase").textContent.replace(/^Ronde \d+ van \d+ · /, "");
      return { phase, ready: !!q("#ready"), card: !!q(".card.chosen"), committed: !!q(".card.committed"),
        share: !!q("button[data-fact]:not([disabled])"), reflected: !!q("#reflected"), refl: !!q("input[name=refl]"),
        askConsent: !!q("button[data-ask-consent]:not([disabled])") };
    });
    if (st.phase === "end") { await audit(page, "end screen"); break; }
    if (!st.ready) { await sleep(100); continue; }
    await audit(page, st.phase);
    if (st.phase === "Identiteit" && st.askConsent) {
      // sharing the sensitive fact without consent warns first; cancelled, consent is asked
      if (await tap(page, "button[data-fact].danger:not([disabled])")) {
        await page.waitForSelector("#warn-share");
        await audit(page, "a warning before sharing");
        await page.evaluate(() => [...document.querySelectorAll("#dossier button")].find((b) => !b.id && b.closest(".acts")?.querySelector("#warn-share"))?.click()); // Annuleren
      }
      await tap(page, "button[data-ask-consent]:not([disabled])");
      await sleep(300);
      await audit(page, "consent asked");
    }
    if (st.phase === "Overleg" && st.share) {
      // a fact that needs consent shows the warning first
      await tap(page, "button[data-fact]:not([disabled])");
      if (await page.$("#warn-share")) await tap(page, "#share-anyway");
      await sleep(200);
      continue;
    }
    if (st.phase === "Inzet" && !st.committed) {
      if (!st.card) { await tap(page, ".card"); await audit(page, "Inzet, a card chosen"); }
      if (await tap(page, "button.target")) { await sleep(200); continue; }
    }
    if (st.phase === "Reflectie" && st.refl && !st.reflected) {
      await tap(page, "input[name=refl]");
      await tap(page, "#send-reflect");
      await page.waitForSelector("#reflected", { timeout: 10000 });
      await audit(page, "reflection answered");
    }
    await tap(page, "#ready");
    await sleep(150);
  }
  console.log("audited: " + audited.join(" · "));
  if (!audited.includes("end screen")) s.fail("the game never reached the end screen");
  if (found.size) s.fail(`${found.size} contrast failures:\n` + [...found].map(([p, w]) => `  ${w}: ${p}`).join("\n"));
  clearTimeout(s.deadline);
  s.cleanup();
  console.log("ok: every text and focus ring meets WCAG AA contrast in nl and en");
}
main().catch((e) => s.fail(e.stack || String(e)));
