// Drives web/index.html in headless Chromium (the distribution's `chromium`,
// through puppeteer-core): loads the page from file://, loads the bundled
// example export, and checks that the findings (codes and rows) are those of
// `clausier check --format json`; types an error into the editor and sees
// its diagnostic; clicks a finding and sees its clause selected; takes
// screenshots at 1280 and 400 pixels; times a 100,000-row export; and fails
// if the page makes any network request.
//
// Usage (from the project root, after scripts/web.sh and a release build):
//   node web/test.mjs [CHROMIUM]     (run by scripts/web-test.sh)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import puppeteer from "puppeteer-core";

const root = resolve(import.meta.dirname, "..");
const chromium = process.argv[2] || "/usr/bin/chromium";
const out = resolve(root, "target/web/screenshots");
mkdirSync(out, { recursive: true });
const rules = "rules/dsi-dinsic-incubateur-2017.conv";
const example = "examples/dsi-dinsic-2017-2018.csv";
const big = process.env.CLAUSIER_WEB_BIG; // a 100,000-row export, if given

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

// What the command line finds: (code, row line) of every diagnostic.
const cli = JSON.parse(
  execFileSync(
    resolve(root, "target/release/clausier"),
    ["--lang", "fr", "check", "--format", "json", "--fail-level", "none", rules, example],
    { cwd: root, encoding: "utf-8" },
  ),
);
const expected = cli.diagnostics.map((d) => `${d.code}@${d.row ? d.row.line : ""}`);

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage();
const requests = [];
page.on("request", (r) => requests.push(r.url()));
page.on("pageerror", (e) => {
  console.log(`page error: ${e.message}`);
  failures++;
});
// A French user's browser: the page speaks French (navigator.languages).
const languages = (list) =>
  Object.defineProperty(navigator, "languages", { get: () => list });
await page.evaluateOnNewDocument(languages, ["fr-FR", "fr", "en-US"]);
await page.setViewport({ width: 1280, height: 1000 });
const url = `file://${resolve(root, "web/index.html")}`;
await page.goto(url);
await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
const loaded = requests.length;
const local = requests.every((u) => u.startsWith("file://") || u.startsWith("data:"));
check(local, `page load reads local files only (${loaded} files)`);

// The seed convention is in the editor, with no error.
const lintErrors = await page.$eval("body", (b) => b.dataset.lintErrors);
check(lintErrors === "0", "the seed convention has no error in the editor");

// The example export, through the file picker.
const input = await page.$("#file");
await input.uploadFile(resolve(root, example));
await page.waitForSelector("body[data-checked]", { timeout: 30000 });
const found = await page.$$eval("#findings tbody tr", (rows) =>
  rows.map((r) => `${r.dataset.code}@${r.dataset.line}`),
);
check(
  JSON.stringify(found) === JSON.stringify(expected),
  `the page's ${found.length} findings are the CLI's ${expected.length} (codes and rows)`,
);
if (JSON.stringify(found) !== JSON.stringify(expected)) {
  console.log(`  page: ${found.join(" ")}\n  cli:  ${expected.join(" ")}`);
}

// Counts with their plurals from the catalogues, as the command line says
// them; messages' `code` shown as code, no backquote left.
const counts = await page.$eval("#finding-count", (e) => e.textContent);
const s = cli.summary;
const plural = (n, one, many) => `${n} ${n === 1 || n === 0 ? one : many}`;
const wanted = `(${plural(s.errors, "erreur", "erreurs")}, ${plural(s.warnings, "avertissement", "avertissements")}, ${plural(s.waived, "dérogé", "dérogés")})`;
check(counts === wanted, `the counts read "${counts}" (want "${wanted}")`);
const summaryLine = await page.$eval("#summary", (e) => e.textContent);
check(!/\(s\)/.test(counts + summaryLine) && summaryLine.includes("lignes lues"), `the summary: "${summaryLine}"`);
const markdown = await page.$$eval("#findings tbody td", (tds) => ({
  code: tds.filter((td) => td.querySelector("code")).length,
  raw: tds.filter((td) => td.textContent.includes("`")).length,
}));
check(markdown.code > 0 && markdown.raw === 0, `messages show code as code (${markdown.code} cells), no raw backquote (${markdown.raw})`);
// At 1280 pixels the whole table is in its pane, the clause column too.
const fits = await page.$eval("#findings", (t) => ({
  table: t.scrollWidth,
  pane: t.parentElement.clientWidth,
  clause: t.querySelector("tbody tr td:last-child").getBoundingClientRect().right,
  right: t.parentElement.getBoundingClientRect().right,
}));
check(fits.table <= fits.pane && fits.clause <= fits.right + 1,
  `at 1280 px the table (${fits.table} px) fits its pane (${fits.pane} px), the clause column in view`);

// A finding selects its clause in the editor and shows its row.
const withClause = cli.diagnostics.findIndex((d) => d.clause && d.row);
await page.click(`#findings tbody tr:nth-child(${withClause + 1})`);
const selectedLine = await page.$eval("#rules", (e) => e.dataset.selectedLine);
check(
  selectedLine === String(cli.diagnostics[withClause].clause.line),
  `clicking ${cli.diagnostics[withClause].code} selects line ${selectedLine} of the convention`,
);
const rowView = await page.$eval("#row-view", (e) => ({
  text: e.textContent,
  cells: e.querySelectorAll("tbody tr").length,
  flagged: e.querySelectorAll("tbody tr.flagged").length,
}));
check(
  rowView.text.includes(`ligne ${cli.diagnostics[withClause].row.line}`) && rowView.cells > 5 && rowView.flagged > 0,
  `and shows its export row: ${rowView.cells} cells, ${rowView.flagged} pointed at`,
);
await page.screenshot({ path: `${out}/page-1280.png`, fullPage: true });

// The statement, in the page.
await page.click("#show-report");
await page.waitForFunction(() => document.querySelector("#report").srcdoc.includes("<svg"));
check(true, "the consumption statement is shown (an SVG chart in it)");
await page.screenshot({ path: `${out}/page-report-1280.png`, fullPage: true });

// Every finding downloaded as JSON (the command line's), CSV and SARIF.
const downloads = resolve(out, "downloads");
mkdirSync(downloads, { recursive: true });
const cdp = await page.createCDPSession();
await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
const saved = {};
for (const format of ["json", "csv", "sarif"]) {
  const file = resolve(downloads, `dsi-dinsic-2017-2018-constats.${format}`);
  rmSync(file, { force: true });
  await page.click(`button.download[data-format=${format}]`);
  for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  saved[format] = existsSync(file) ? readFileSync(file, "utf-8") : "";
}
const asJson = saved.json ? JSON.parse(saved.json).diagnostics.map((d) => `${d.code}@${d.row ? d.row.line : ""}`) : [];
check(JSON.stringify(asJson) === JSON.stringify(expected), `the JSON download holds the CLI's ${expected.length} findings`);
const csvLines = saved.csv.split("\r\n").filter((l) => l);
check(csvLines.length === expected.length + 1 && csvLines[0].startsWith("\ufeffgravité;code;"),
  `the CSV download: a header and ${csvLines.length - 1} findings`);
const sarifResults = saved.sarif ? JSON.parse(saved.sarif).runs[0].results.length : 0;
check(sarifResults === expected.length, `the SARIF download: ${sarifResults} results`);

// An error typed into the editor: its diagnostic appears.
await page.click("#rules");
await page.keyboard.down("Control");
await page.keyboard.press("End");
await page.keyboard.up("Control");
await page.keyboard.type("\nplafond AE abc\n");
await page.waitForFunction(() => document.body.dataset.lintErrors !== "0", { timeout: 10000 });
const lint = await page.$$eval("#lint li", (items) => items.map((li) => li.dataset.code));
check(lint.length > 0, `typing an error shows its diagnostic (${lint.join(", ")})`);
const stale = await page.$eval("#report-pane", (e) => e.hidden);
check(stale, "the former statement is put away once the text changes");
await page.screenshot({ path: `${out}/page-error-1280.png` });

// A narrow screen: each finding a block, nothing wider than the screen.
await page.setViewport({ width: 400, height: 900 });
const narrow = await page.$eval("#findings", (t) => ({
  display: getComputedStyle(t.querySelector("tbody td")).display,
  page: document.documentElement.scrollWidth,
  message: t.querySelector("tbody td:nth-child(3)").getBoundingClientRect().width,
}));
check(narrow.display === "block" && narrow.page <= 400 && narrow.message > 250,
  `at 400 px findings are stacked (message ${Math.round(narrow.message)} px wide, page ${narrow.page} px)`);
await page.screenshot({ path: `${out}/page-400.png`, fullPage: true });

// A spreadsheet's row is shown as its cells too.
await page.setViewport({ width: 1280, height: 1000 });
await page.goto(url);
await page.waitForSelector("body[data-ready='1']");
await (await page.$("#file")).uploadFile(resolve(root, "tests/cases/import/infbud.xlsx"));
await page.waitForSelector("body[data-checked]", { timeout: 30000 });
await page.click("#findings tbody tr:nth-child(1)");
const sheetRow = await page.$eval("#row-view", (e) => ({
  cells: e.querySelectorAll("tbody tr").length,
  flagged: [...e.querySelectorAll("tbody tr.flagged")].map((r) => r.textContent),
}));
check(sheetRow.cells > 5 && sheetRow.flagged.length > 0,
  `an XLSX row is shown as its ${sheetRow.cells} cells (pointed at: ${sheetRow.flagged.join(", ")})`);
await page.screenshot({ path: `${out}/page-xlsx-1280.png`, fullPage: true });

// 100,000 findings: the table holds only the rows in view, scrolling
// draws the others, a filter narrows them.
const many = resolve(root, "target/web/findings-100000.csv");
if (!existsSync(many)) {
  const lines = ["date;type;n_ej;n_dp;montant;programme;centre_financier;domaine_fonctionnel;activite;centre_de_couts;fournisseur"];
  for (let i = 0; i < 100000; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const ej = String(i).padStart(8, "0");
    lines.push(`${day}/07/2017;AE;21${ej};#;1,00;124;0124-CDAF-CDSI;0124-11;012460111304;DININCUB75;1001091655`);
  }
  writeFileSync(many, lines.join("\n") + "\n");
}
await page.goto(url);
await page.waitForSelector("body[data-ready='1']");
const manyStarted = Date.now();
await (await page.$("#file")).uploadFile(many);
await page.waitForSelector("body[data-checked]", { timeout: 300000 });
const manyMs = Date.now() - manyStarted;
const drawn = async () => page.$$eval("#findings tbody tr[data-index]", (rows) => ({
  rows: rows.length,
  first: Number(rows[0]?.dataset.index ?? -1),
  all: document.querySelectorAll("tr").length,
}));
const total = await page.$eval("body", (b) => Number(b.dataset.checked));
const top = await drawn();
let most = top.all;
for (const fraction of [0.25, 0.5, 0.999]) {
  await page.$eval("#findings", (t, f) => { t.parentElement.scrollTop = f * t.parentElement.scrollHeight; }, fraction);
  await new Promise((r) => setTimeout(r, 100));
  const now = await drawn();
  most = Math.max(most, now.all);
}
const bottom = await drawn();
check(total === 100000 && most < 500 && bottom.first > 99000,
  `100,000 findings (${manyMs} ms): at most ${most} rows in the document while scrolling, the last ones drawn from ${bottom.first}`);
await page.select("#filter-code", "term.before-start");
const filtered = await page.$eval("body", (b) => Number(b.dataset.shown));
check(filtered === 100000, `filtering by code leaves ${filtered}`);
await page.select("#filter-severity", "warning");
const none = await page.$eval("body", (b) => Number(b.dataset.shown));
check(none === 0, `and by severity (warnings): ${none}`);

// An English user's browser: the page in English.
const english = await browser.newPage();
english.on("request", (r) => requests.push(r.url()));
await english.evaluateOnNewDocument(languages, ["en-GB", "en"]);
await english.goto(url);
await english.waitForSelector("body[data-ready='1']");
const heading = await english.$eval("#data-pane h2", (e) => e.textContent);
check(heading === "CHORUS export", `with English languages the page is in English ("${heading}")`);
await english.close();

// A 100,000-row export, timed in the page.
if (big && existsSync(big)) {
  await page.setViewport({ width: 1280, height: 1000 });
  await page.goto(url);
  await page.waitForSelector("body[data-ready='1']");
  const started = Date.now();
  await (await page.$("#file")).uploadFile(big);
  await page.waitForSelector("body[data-checked]", { timeout: 300000 });
  const ms = await page.$eval("body", (b) => b.dataset.checkMs);
  const rows = await page.$eval("#summary", (e) => e.textContent);
  console.log(`100,000-row export: check ${ms} ms in the page (${Date.now() - started} ms with reading the file); ${rows}`);
}

const wasm = statSync(resolve(root, "web/pkg/clausier.js")).size;
console.log(`web/pkg/clausier.js: ${wasm} bytes`);
const remote = requests.filter((u) => !u.startsWith("file://") && !u.startsWith("data:"));
check(remote.length === 0, `no network request (${requests.length} requests, all local)`);
await browser.close();
console.log(`screenshots in ${out}`);
process.exit(failures ? 1 : 0);
