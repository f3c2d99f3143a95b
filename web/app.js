// clausier in the browser: the editor's diagnostics as one types, an export
// read from a file picker or a drop, the findings table, the statement. All
// of it runs here, in the library compiled to WebAssembly (pkg/clausier.js):
// nothing is sent anywhere.
"use strict";

const LANG = "fr";
const $ = (id) => document.getElementById(id);
const editor = $("rules");
let exportFile = null; // { name, bytes, text }

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

function cell(tr, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  tr.appendChild(td);
  return td;
}

function severityClass(d) {
  return d.waived ? "waived" : d.severity;
}

function severityText(d) {
  if (d.waived) return "dérogé";
  return d.severity === "error" ? "erreur" : "avertissement";
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
    const where = d.clause ? `ligne ${d.clause.line} — ` : "";
    li.textContent = `${where}${d.code} : ${d.message}`;
    li.addEventListener("click", () => showClause(d.clause));
    list.appendChild(li);
  }
  const s = result.summary;
  $("lint-count").textContent = `(${s.errors} erreur(s), ${s.warnings} avertissement(s))`;
  document.body.dataset.lintErrors = String(s.errors);
  return s.errors === 0;
}

// The export's line `n` (1-based), for a CSV read as text.
function exportLine(n) {
  if (!exportFile || exportFile.text === null) return null;
  const lines = exportFile.lines || (exportFile.lines = exportFile.text.split(/\r\n|\n|\r/));
  return lines[n - 1] ?? null;
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
  const body = $("findings").querySelector("tbody");
  body.textContent = "";
  for (const d of result.diagnostics) {
    const tr = document.createElement("tr");
    tr.className = severityClass(d);
    tr.dataset.code = d.code;
    tr.dataset.line = d.row ? String(d.row.line) : "";
    const code = document.createElement("code");
    code.textContent = d.code;
    tr.appendChild(document.createElement("td")).appendChild(code);
    cell(tr, severityText(d));
    cell(tr, d.waived ? `${d.message} (dérogation : ${d.waived})` : d.message);
    cell(tr, d.row ? `${d.row.file}:${d.row.line}` : "");
    cell(tr, d.clause ? `${d.clause.label} (ligne ${d.clause.line})` : "");
    tr.addEventListener("click", () => {
      for (const other of body.querySelectorAll("tr.selected")) other.classList.remove("selected");
      tr.classList.add("selected");
      showClause(d.clause);
      const line = d.row ? exportLine(d.row.line) : null;
      $("row-view").textContent = d.row
        ? `${d.row.file}, ligne ${d.row.line} :\n${line ?? "(ligne d’un tableur)"}`
        : "";
    });
    body.appendChild(tr);
  }
  const s = result.summary;
  $("finding-count").textContent =
    `(${s.errors} erreur(s), ${s.warnings} avertissement(s), ${s.waived} dérogé(s))`;
  $("summary").textContent = s.rows_read === undefined
    ? ""
    : `${s.rows_read} lignes lues : ${s.rows_checked} contrôlées, ${s.rows_rejected} rejetées, ` +
      `${s.rows_skipped} ignorées (sous-totaux), ${s.rows_out_of_scope} hors champ — ` +
      `contrôle en ${Math.round(elapsed)} ms.`;
  document.body.dataset.checked = String(result.diagnostics.length);
  document.body.dataset.checkMs = String(Math.round(elapsed));
  $("show-report").disabled = s.rows_read === undefined;
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
  const spreadsheet = /\.(xlsx|xlsm|xls|xlsb|ods)$/i.test(file.name);
  let text = null;
  if (!spreadsheet) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
    }
  }
  exportFile = { name: file.name, bytes, text };
  $("file-name").textContent = `${file.name} (${bytes.length} octets)`;
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

// The WebAssembly is in the script itself (no fetch: the page works from
// file:// and from any static host). pkg/clausier.js and seed.js are built
// from the sources (scripts/web.sh), not kept in the repository: on a fresh
// clone the page says, in French, what to run.
if (typeof wasm_bindgen === "undefined" || typeof CLAUSIER_WASM === "undefined"
    || typeof SEED_CONVENTION === "undefined") {
  const main = document.querySelector("main");
  main.innerHTML = "";
  const notice = document.createElement("section");
  notice.className = "pane notice";
  notice.setAttribute("role", "alert");
  notice.innerHTML = `<h2>Cette page est à construire</h2>
<p>Elle a besoin de la bibliothèque clausier compilée pour le navigateur
(<code>web/pkg/clausier.js</code>) et de la convention d’exemple (<code>web/seed.js</code>),
qui se construisent depuis les sources et ne sont pas dans le dépôt. Depuis le dossier du
projet, lancez une fois&nbsp;:</p>
<pre>rustup target add wasm32-unknown-unknown
cargo install wasm-bindgen-cli --version =0.2.130
scripts/web.sh</pre>
<p>puis rouvrez cette page. Rien n’est envoyé nulle part&nbsp;: la page calcule tout sur cet ordinateur.</p>`;
  main.appendChild(notice);
  document.body.dataset.ready = "unbuilt";
} else {
  wasm_bindgen({ module_or_path: CLAUSIER_WASM() }).then(() => {
    editor.value = SEED_CONVENTION;
    lintNow();
    document.body.dataset.ready = "1";
  });
}
