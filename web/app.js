// clausier in the browser: the editor's diagnostics as one types, an export
// read from a file picker or a drop, the findings table, the statement. All
// of it runs here, in the library compiled to WebAssembly (pkg/clausier.js):
// nothing is sent anywhere.
"use strict";

// The language: `?lang=fr` or `?lang=en` in the address, else the first of
// the browser's languages that clausier speaks, else English (as the
// command line without a French locale).
const LANG = (() => {
  const asked = new URLSearchParams(location.search).get("lang");
  const wanted = [asked, ...(navigator.languages || [navigator.language])];
  for (const tag of wanted) {
    const code = String(tag || "").slice(0, 2).toLowerCase();
    if (code === "fr" || code === "en") return code;
  }
  return "en";
})();
document.documentElement.lang = LANG;
let W = {}; // the page's words in LANG (catalogue entries), once loaded
const word = (id, fallback) => W[id] || fallback;
const $ = (id) => document.getElementById(id);
const editor = $("rules");
let exportFile = null; // { name, bytes }

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// The offset in the editor's text of a 1-based line and column (columns
// in characters, as the JSON gives them).
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const rest = Array.from(text.slice(offset));
  return offset + rest.slice(0, Math.max(0, column - 1)).join("").length;
}

// Selects a clause (1-based line and column) in the editor, to its line's end.
function showClause(clause) {
  if (!clause) return;
  const text = editor.value;
  const start = offsetOf(text, clause.line, clause.column);
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  editor.focus();
  editor.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 18;
  editor.scrollTop = Math.max(0, (clause.line - 4) * lineHeight);
  editor.dataset.selectedLine = String(clause.line);
}

// `text` into `el`, its `backquoted` parts as code (messages are Markdown's
// inline code and nothing else); never as HTML.
function inline(el, text) {
  String(text).split("`").forEach((part, i) => {
    if (i % 2 === 1) {
      const code = document.createElement("code");
      code.textContent = part;
      el.appendChild(code);
    } else if (part) {
      el.appendChild(document.createTextNode(part));
    }
  });
  return el;
}

// A column's title before its value, as each language writes it
// (`gravité : `, `severity: `).
const label = (column) => `${word(column, column)}${LANG === "fr" ? "\u00a0: " : ": "}`;

// A cell of the findings table, labelled by its column's title (shown
// before it when the table is stacked on a narrow screen).
function cell(tr, text, column) {
  const td = document.createElement("td");
  inline(td, text);
  td.dataset.label = label(column);
  tr.appendChild(td);
  return td;
}

// The words of the page in LANG, where an element names them (`data-w`).
function translate() {
  W = JSON.parse(wasm_bindgen.words(LANG));
  for (const el of document.querySelectorAll("[data-w]")) {
    if (W[el.dataset.w]) el.textContent = W[el.dataset.w];
  }
  document.title = W["page-title"] || document.title;
  $("report").title = W["page-report"] || $("report").title;
}

// A finding's row as its cells: the column's title, its value, the cells
// the finding points at marked; the same for a CSV and a spreadsheet.
function showRow(d) {
  const view = $("row-view");
  view.textContent = "";
  if (!d.row) return;
  const title = document.createElement("p");
  title.textContent = wasm_bindgen.row_text(LANG, d.row.file, d.row.line);
  view.appendChild(title);
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const id of ["page-cell-column", "page-cell-value"]) {
    const th = document.createElement("th");
    th.textContent = word(id, id);
    head.appendChild(th);
  }
  if (!d.row.cells) {
    const note = document.createElement("p");
    note.className = "muted";
    note.textContent = word("page-no-cells", "");
    view.appendChild(note);
    return;
  }
  const body = table.createTBody();
  for (const c of d.row.cells) {
    const tr = body.insertRow();
    if (c.flagged) tr.className = "flagged";
    tr.insertCell().textContent = c.title;
    tr.insertCell().textContent = c.value;
  }
  view.appendChild(table);
}

function severityClass(d) {
  return d.waived ? "waived" : d.severity;
}

function severityText(d) {
  if (d.waived) return word("page-waived", "dérogé");
  return d.severity === "error"
    ? word("severity-error", "erreur")
    : word("severity-warning", "avertissement");
}

// The editor's own diagnostics, as one types.
function lintNow() {
  const result = JSON.parse(wasm_bindgen.lint(editor.value, LANG, today()));
  const list = $("lint");
  list.textContent = "";
  for (const d of result.diagnostics) {
    const li = document.createElement("li");
    li.className = severityClass(d);
    li.dataset.code = d.code;
    const where = d.clause ? `${wasm_bindgen.at_line(LANG, d.clause.line)} — ` : "";
    const code = document.createElement("code");
    code.textContent = d.code;
    li.append(where, code, LANG === "fr" ? "\u00a0: " : ": ");
    inline(li, d.message);
    li.addEventListener("click", () => showClause(d.clause));
    list.appendChild(li);
  }
  const s = result.summary;
  $("lint-count").textContent = wasm_bindgen.lint_count(LANG, s.errors, s.warnings);
  document.body.dataset.lintErrors = String(s.errors);
  return s.errors === 0;
}

// The findings of the last check, those the filters leave (indices), and
// the row selected (an index into `findings`).
let findings = [];
let shown = [];
let selected = -1;
// Past this many findings the table is virtual: only the rows in view
// (and a margin) are in the document, each one line high.
const VIRTUAL = 200;
const ROW_HEIGHT = 24;
const MARGIN = 20;

// One finding's row of the table.
function findingRow(i) {
  const d = findings[i];
  const tr = document.createElement("tr");
  tr.className = severityClass(d) + (i === selected ? " selected" : "");
  tr.dataset.index = String(i);
  tr.dataset.code = d.code;
  tr.dataset.line = d.row ? String(d.row.line) : "";
  const code = document.createElement("code");
  code.textContent = d.code;
  tr.appendChild(document.createElement("td")).appendChild(code);
  tr.lastChild.dataset.label = label("page-column-code");
  cell(tr, severityText(d), "page-column-severity");
  const message = d.waived ? wasm_bindgen.waiver_text(LANG, d.message, d.waived) : d.message;
  cell(tr, message, "page-column-message").title = message;
  // The row's number (its file is the export loaded, named above).
  const row = cell(tr, d.row ? String(d.row.line) : "", "page-column-row");
  if (d.row) row.title = `${d.row.file}:${d.row.line}`;
  cell(
    tr,
    d.clause ? wasm_bindgen.clause_text(LANG, d.clause.label, d.clause.line) : "",
    "page-column-clause",
  );
  return tr;
}

// A row of the given height standing for the rows not drawn.
function spacer(height) {
  const tr = document.createElement("tr");
  tr.className = "spacer";
  const td = document.createElement("td");
  td.colSpan = 5;
  td.style.height = `${height}px`;
  tr.appendChild(td);
  return tr;
}

// Draws the findings the filters leave: all of them when few, else the
// rows in view only.
function drawFindings() {
  const table = $("findings");
  const body = table.querySelector("tbody");
  const virtual = shown.length > VIRTUAL;
  // Where the pane is scrolled, read before the rows are taken away (an
  // empty table would bring it back to the top).
  const pane = table.parentElement;
  const first = Math.max(0, Math.floor(pane.scrollTop / ROW_HEIGHT) - MARGIN);
  const count = Math.ceil(pane.clientHeight / ROW_HEIGHT) + 2 * MARGIN;
  const last = Math.min(shown.length, first + count);
  table.classList.toggle("virtual", virtual);
  if (!virtual) {
    body.textContent = "";
    for (const i of shown) body.appendChild(findingRow(i));
    return;
  }
  // The new rows are built apart, then put in at once.
  const rows = document.createDocumentFragment();
  rows.appendChild(spacer(first * ROW_HEIGHT));
  for (let k = first; k < last; k++) rows.appendChild(findingRow(shown[k]));
  rows.appendChild(spacer((shown.length - last) * ROW_HEIGHT));
  body.replaceChildren(rows);
}

// The filters applied: by severity (waived apart) and by code.
function applyFilters() {
  const severity = $("filter-severity").value;
  const code = $("filter-code").value;
  shown = [];
  findings.forEach((d, i) => {
    if (severity && severityClass(d) !== severity) return;
    if (code && d.code !== code) return;
    shown.push(i);
  });
  $("findings").parentElement.scrollTop = 0;
  $("shown-count").textContent = shown.length === findings.length
    ? "" : wasm_bindgen.shown_line(LANG, shown.length, findings.length);
  document.body.dataset.shown = String(shown.length);
  drawFindings();
}

// The codes of the findings, most frequent first, to filter by.
function fillCodes() {
  const select = $("filter-code");
  const all = select.options[0];
  select.textContent = "";
  select.appendChild(all);
  const counts = new Map();
  for (const d of findings) counts.set(d.code, (counts.get(d.code) || 0) + 1);
  for (const [code, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const option = document.createElement("option");
    option.value = code;
    option.textContent = `${code} (${n})`;
    select.appendChild(option);
  }
  select.value = "";
}

function checkNow() {
  if (!exportFile) return;
  const started = performance.now();
  const result = JSON.parse(
    wasm_bindgen.check(editor.value, exportFile.name, exportFile.bytes, LANG, today()),
  );
  const elapsed = performance.now() - started;
  // What was shown of the former text no longer holds.
  $("row-view").textContent = "";
  $("report-pane").hidden = true;
  findings = result.diagnostics;
  selected = -1;
  fillCodes();
  $("filter-severity").value = "";
  applyFilters();
  const s = result.summary;
  $("finding-count").textContent =
    wasm_bindgen.check_count(LANG, s.errors, s.warnings, s.waived);
  $("summary").textContent = s.rows_read === undefined
    ? ""
    : wasm_bindgen.rows_line(LANG, s.rows_read, s.rows_checked, s.rows_rejected,
      s.rows_skipped, s.rows_out_of_scope, Math.round(elapsed));
  document.body.dataset.checked = String(result.diagnostics.length);
  document.body.dataset.checkMs = String(Math.round(elapsed));
  $("show-report").disabled = s.rows_read === undefined;
  for (const b of document.querySelectorAll("button.download")) b.disabled = false;
}

// Every finding as a file: JSON as `clausier check --format json`, SARIF,
// or a CSV French Excel opens; made in the page, saved by the browser.
function download(format) {
  if (!exportFile) return;
  const text = wasm_bindgen.export_findings(
    editor.value, exportFile.name, exportFile.bytes, LANG, today(), format,
  );
  const types = { json: "application/json", sarif: "application/sarif+json", csv: "text/csv" };
  const url = URL.createObjectURL(new Blob([text], { type: `${types[format]};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${exportFile.name.replace(/\.[^.]*$/, "")}-constats.${format === "sarif" ? "sarif" : format}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function showReport() {
  if (!exportFile) return;
  const html = wasm_bindgen.report(editor.value, exportFile.name, exportFile.bytes, LANG, today());
  $("report").srcdoc = html;
  $("report-pane").hidden = false;
  $("report-pane").scrollIntoView();
}

async function load(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  exportFile = { name: file.name, bytes };
  $("file-name").textContent = wasm_bindgen.file_line(LANG, file.name, bytes.length);
  checkNow();
}

let timer = null;
editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    lintNow();
    checkNow();
  }, 150);
});
$("file").addEventListener("change", (e) => {
  if (e.target.files.length) load(e.target.files[0]);
});
const drop = $("drop");
drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer.files.length) load(e.dataTransfer.files[0]);
});
$("show-report").addEventListener("click", showReport);
$("filter-severity").addEventListener("change", applyFilters);
$("filter-code").addEventListener("change", applyFilters);
for (const b of document.querySelectorAll("button.download")) {
  b.addEventListener("click", () => download(b.dataset.format));
}
$("findings").parentElement.addEventListener("scroll", () => {
  if (shown.length > VIRTUAL) drawFindings();
});
// A click on a finding selects its clause and shows its row.
$("findings").querySelector("tbody").addEventListener("click", (e) => {
  const tr = e.target.closest("tr[data-index]");
  if (!tr) return;
  selected = Number(tr.dataset.index);
  for (const other of tr.parentElement.querySelectorAll("tr.selected")) {
    other.classList.remove("selected");
  }
  tr.classList.add("selected");
  const d = findings[selected];
  showClause(d.clause);
  showRow(d);
});

// The WebAssembly is in the script itself (no fetch: the page works from
// file:// and from any static host). pkg/clausier.js and seed.js are built
// from the sources (scripts/web.sh), not kept in the repository: on a fresh
// clone the page says, in its language, what to run.
if (typeof wasm_bindgen === "undefined" || typeof CLAUSIER_WASM === "undefined"
    || typeof SEED_CONVENTION === "undefined") {
  const main = document.querySelector("main");
  main.innerHTML = "";
  const notice = document.createElement("section");
  notice.className = "pane notice";
  notice.setAttribute("role", "alert");
  const commands = `<pre>rustup target add wasm32-unknown-unknown
cargo install wasm-bindgen-cli --version =0.2.130
scripts/web.sh</pre>`;
  notice.innerHTML = LANG === "fr"
    ? `<h2>Cette page est à construire</h2>
<p>Elle a besoin de la bibliothèque clausier compilée pour le navigateur
(<code>web/pkg/clausier.js</code>) et de la convention d’exemple (<code>web/seed.js</code>),
qui se construisent depuis les sources et ne sont pas dans le dépôt. Depuis le dossier du
projet, lancez une fois&nbsp;:</p>
${commands}
<p>puis rouvrez cette page. Rien n’est envoyé nulle part&nbsp;: la page calcule tout sur cet ordinateur.</p>`
    : `<h2>This page is to be built</h2>
<p>It needs the clausier library compiled for the browser
(<code>web/pkg/clausier.js</code>) and the example convention (<code>web/seed.js</code>),
which are built from the sources and are not in the repository. From the project's folder,
run once:</p>
${commands}
<p>then open this page again. Nothing is sent anywhere: the page computes everything on this computer.</p>`;
  main.appendChild(notice);
  document.body.dataset.ready = "unbuilt";
} else {
  wasm_bindgen({ module_or_path: CLAUSIER_WASM() }).then(() => {
    translate();
    editor.value = SEED_CONVENTION;
    lintNow();
    document.body.dataset.ready = "1";
  });
}
