// The page as a fresh clone has it, before scripts/web.sh: without
// pkg/clausier.js and seed.js it must not stay blank, but say in French what
// to run. Copies the page's own files into a temporary folder and opens it
// from file:// in headless Chromium (puppeteer-core).
//
// Usage (from the project root): node web/unbuilt.mjs [CHROMIUM]
//   (run by scripts/web-test.sh before the built page's tests)
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer from "puppeteer-core";

const root = resolve(import.meta.dirname, "..");
const chromium = process.argv[2] || "/usr/bin/chromium";
const dir = mkdtempSync(join(tmpdir(), "clausier-page-"));
for (const file of ["index.html", "app.js", "style.css"]) {
  copyFileSync(resolve(root, "web", file), join(dir, file));
}
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
};
// The browser's languages as a French or an English user's browser has
// them: the notice is in the first that clausier speaks.
for (const [languages, words, what] of [
  [["fr-FR", "fr", "en"], "Cette page est à construire", "French"],
  [["de-DE", "en-US"], "This page is to be built", "English"],
]) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument((languages) => {
    Object.defineProperty(navigator, "languages", { get: () => languages });
  }, languages);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`file://${join(dir, "index.html")}`);
  await page.waitForSelector("body[data-ready='unbuilt']", { timeout: 10000 });
  const notice = await page.$eval("[role=alert]", (e) => e.innerText);
  check(notice.includes(words), `an unbuilt page says so, in ${what} (${languages})`);
  check(notice.includes("scripts/web.sh"), "and what to run: scripts/web.sh");
  check(errors.length === 0, `no script error (${errors.join("; ") || "none"})`);
  await page.close();
}
await browser.close();
process.exit(failures ? 1 : 0);
