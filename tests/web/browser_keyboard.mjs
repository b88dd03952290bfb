// browser_keyboard.mjs: the browser player by keyboard alone, in Debian's
// chromium at 1366x768 next to three bots: join, pick a role, share a fact,
// commit a card, answer a reflection and say Klaar through every phase to the
// end, with only Tab, Shift+Tab, Enter, Space and the arrow keys. At every
// stop of the focus, the focused control must show a visible focus
// indicator (:focus-visible with an outline or box-shadow, 3:1 against what
// is behind it).
// Usage: node browser_keyboard.mjs SAMENSPEL_BINARY LEVEL GAME_PORT HTTP_PORT
import { focusProblem, session } from "./a11y.mjs";

const [bin, level, gamePort, httpPort] = process.argv.slice(2);
const s = await session(bin, level, gamePort, httpPort, "KEYB", 240);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let page = null, stops = 0;

// Tab (or Shift+Tab) until the focused element matches selector, checking
// the focus indicator at every stop on the way.
async function tabTo(selector, back = false, max = 250) {
  for (let i = 0; i < max; i++) {
    if (back) await page.keyboard.down("Shift");
    await page.keyboard.press("Tab");
    if (back) await page.keyboard.up("Shift");
    const st = await page.evaluate((sel, src) => {
      const e = document.activeElement;
      if (!e || e === document.body) return { at: false, problem: "" };
      return { at: e.matches(sel), problem: new Function("return (" + src + ")()")() };
    }, selector, focusProblem.toString());
    stops++;
    if (st.problem) s.fail(`on the way to ${selector}: ${st.problem}`);
    if (st.at) return;
  }
  s.fail(`${back ? "Shift+Tab" : "Tab"} never reached ${selector} in ${max} presses; the page shows:\n` +
    (await page.$eval("#app", (e) => e.innerText)).slice(0, 1500));
}
const has = (sel) => page.$(sel).then((e) => !!e);
async function until(fn, what, ms = 10000) {
  for (let t = 0; t < ms; t += 50) { if (await page.evaluate(fn)) return; await sleep(50); }
  s.fail("after the key press, never: " + what + "\n" + (await page.$eval("#app", (e) => e.innerText)).slice(0, 800) + "\nfocus: " + await page.evaluate(() => document.activeElement.outerHTML.slice(0, 200)));
}

async function main() {
  page = await s.browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  await page.goto(`${s.base}/?code=KEYB`);
  await page.waitForSelector("#name");
  await tabTo("#name");
  await page.keyboard.type("Kim");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".rolelist button:not([disabled])", { timeout: 20000 }).catch(() => s.fail("no role picker"));
  await tabTo(".rolelist button:not([disabled])");
  await page.keyboard.press("Space");
  await until(() => document.activeElement.getAttribute("aria-pressed") === "true", "the role is chosen and keeps focus");
  await tabTo("#take");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#phase", { timeout: 20000 }).catch(() => s.fail("not seated"));
  const done = { share: 0, commit: 0, reflect: 0, ready: 0 };
  for (let step = 0; step < 400 && !(await has("#outcome")); step++) {
    const phase = await page.$eval("#phase", (e) => e.textContent).catch(() => "");
    if (!(await has("#ready"))) { await sleep(100); continue; }
    if (/Overleg/.test(phase) && !done.share && await has("button[data-fact]:not([disabled]):not(.danger)")) {
      const shared = () => document.querySelectorAll("#dossier .ok").length;
      const before = await page.evaluate(shared);
      await tabTo("button[data-fact]:not([disabled]):not(.danger)");
      await page.keyboard.press("Enter");
      await until(new Function(`return document.querySelectorAll("#dossier .ok").length > ${before}`), "the fact is shared");
      done.share++;
    }
    if (/Inzet/.test(phase) && !(await has(".card.committed")) && await has(".card")) {
      await tabTo(".card");
      await page.keyboard.press("Space");
      await until(() => !!document.querySelector("button.target"), "a card is chosen");
      await tabTo("button.target");
      await page.keyboard.press("Enter");
      await until(() => !!document.querySelector(".card.committed"), "the card is committed");
      done.commit++;
    }
    if (/Reflectie/.test(phase) && !(await has("#reflected")) && await has("input[name=refl]")) {
      await tabTo("input[name=refl]");
      await page.keyboard.press("ArrowDown"); // the next answer, chosen by arrow key
      await until(() => !!document.querySelector("input[name=refl]:checked"), "an answer is ticked");
      await tabTo("#send-reflect");
      await page.keyboard.press("Enter");
      await until(() => !!document.querySelector("#reflected"), "the answer is sent");
      done.reflect++;
    }
    await tabTo("#ready", true);
    const now = await page.$eval("#phase", (e) => e.textContent);
    await page.keyboard.press("Enter");
    // the phase moves on once the bots are ready too, or the page waits for them
    await until(new Function(`const p = document.querySelector("#phase");
      return !!document.querySelector("#unready, #outcome") || !p || p.textContent !== ${JSON.stringify(now)};`), "Klaar is taken");
    // the keyboard player is still on Klaar (or on Toch wijzigen, which took its place)
    const still = await page.evaluate(() => document.activeElement.id || document.querySelector("#outcome") && "end");
    if (!["ready", "unready", "end"].includes(still)) s.fail(`after Klaar the focus went to '${still}', not to Klaar or Toch wijzigen`);
    done.ready++;
  }
  console.log(`by keyboard: ${JSON.stringify(done)}, ${stops} focus stops checked`);
  if (!(await has("#outcome"))) s.fail("the game never reached the end screen");
  for (const k in done) if (!done[k]) s.fail(`never did '${k}' by keyboard`);
  clearTimeout(s.deadline);
  s.cleanup();
  console.log("ok: a whole game by keyboard alone, with a visible focus ring at every stop");
}
main().catch((e) => s.fail(e.stack || String(e)));
