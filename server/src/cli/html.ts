// `--format html`: one self-contained summary page (inline CSS and JavaScript, no remote resource; a
// Content-Security-Policy forbids any): totals, a sortable and filterable table of the reports, the
// findings per rule as a bar chart (inline SVG), and per report its findings with the tables they are
// in, the faulty cells marked. Each report's part is made where the report was checked (a worker or
// the main thread); the page is put together from the parts in input order.
import { LineIndex, allRules, localize, publish, type Finding, type Locale, type PublishedTable, type ReportModel } from '../core';
// The page's parts, not the export module: that holds the Word writer, which the CLI loads only to export.
import { escapeHtml, tableHtml } from '../export/html';
import { DOCUMENT_CSS } from '../export/style';
import { TOOL_NAME, VERSION } from '../contract/version';
import type { ReportFacts } from './csv';
import type { CheckedFile, FailedFile } from './format';
import { oneLine } from './format';


/** What the page needs of one report, made where it was checked. */
export interface HtmlReport {
  /** Position among the inputs: the report's anchor (`r12`). */
  id: number;
  file: string;
  agency: string;
  year: string;
  layout: string;
  onTime: '' | 'yes' | 'no';
  deadline: string;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings per rule: [errors, warnings, infos]. */
  byRule: Record<string, [number, number, number]>;
  /** The report's findings and tables, as HTML. */
  section: string;
}

type Words = Record<string, [string, string]>;
const WORDS = {
  title: ['政府信息公开工作年度报告检查汇总', 'Annual report check: summary'],
  reports: ['报告', 'Reports'],
  withErrors: ['有错误的报告', 'Reports with errors'],
  errors: ['错误', 'Errors'],
  warnings: ['警告', 'Warnings'],
  infos: ['提示', 'Infos'],
  onTime: ['按期', 'On time'],
  late: ['逾期', 'Late'],
  unknown: ['—', '—'],
  undetermined: ['无法判断', 'Undetermined'],
  failed: ['无法读取', 'Unreadable'],
  byRule: ['各规则问题数', 'Findings per rule'],
  list: ['报告列表', 'Reports'],
  file: ['文件', 'File'],
  agency: ['发布机关', 'Agency'],
  year: ['年度', 'Year'],
  layout: ['版式', 'Layout'],
  deadline: ['期限', 'Deadline'],
  filter: ['按文件或机关筛选', 'Filter by file or agency'],
  allLayouts: ['全部版式', 'All layouts'],
  allDeadlines: ['全部', 'All'],
  errorsOnly: ['只看有错误的', 'Errors only'],
  shown: ['显示', 'Showing'],
  details: ['各报告的问题', 'Findings by report'],
  noFindings: ['没有问题。', 'No findings.'],
  inTable: ['见表', 'in the table'],
  unreadable: ['无法读取的文件', 'Files that could not be read'],
  sortHint: ['点击列标题排序', 'Click a column header to sort'],
  none: ['没有问题', 'No findings'],
  error: ['错误', 'error'],
  warning: ['警告', 'warning'],
  info: ['提示', 'info'],
  hint: ['提示', 'hint'],
} satisfies Words;

const word = (key: keyof typeof WORDS, locale: Locale) => WORDS[key][locale === 'zh-cn' ? 0 : 1];

/** Characters of the line shown either side of a finding that is not in a table. */
const EXCERPT = 60;

/** The finding's line with its span marked. */
function excerpt(text: string, index: LineIndex, finding: Finding): string {
  const { line } = index.positionAt(finding.span.start);
  const lineStart = index.offsetAt({ line, character: 0 });
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const start = finding.span.start;
  const end = Math.min(Math.max(finding.span.end, start), lineEnd);
  const from = Math.max(lineStart, start - EXCERPT);
  const to = Math.min(lineEnd, Math.max(end, start) + EXCERPT);
  const before = (from > lineStart ? '…' : '') + text.slice(from, start);
  const after = text.slice(end, to) + (to < lineEnd ? '…' : '');
  return `<div class="excerpt">${escapeHtml(before)}<mark>${escapeHtml(text.slice(start, end)) || '&#8203;'}</mark>${escapeHtml(after)}</div>`;
}

/**
 * The report's tables in the official layout (the renderer the preview and the exports use), each with
 * the findings (0-based positions) it shows: on its cells, or on the table itself.
 */
function publishedTables(model: ReportModel, findings: readonly Finding[]): { table: PublishedTable; shows: Set<number> }[] {
  const doc = publish(model, findings);
  const tables = [...doc.front, ...doc.sections.flatMap((s) => s.blocks)].filter((b): b is PublishedTable => b.type === 'table');
  return tables.map((table) => {
    const shows = new Set<number>();
    for (const marks of [table.marks, ...table.rows.flatMap((r) => r.cells.map((c) => c.marks))]) for (const m of marks?.messages ?? []) shows.add(m.index);
    return { table, shows };
  });
}

/** The page's part for one report (a JSON text, so it crosses from a worker as it is). */
export function htmlPiece(id: number, checked: CheckedFile, model: ReportModel, facts: ReportFacts, locale: Locale): string {
  const { file, text, findings } = checked;
  const index = new LineIndex(text);
  const byRule: HtmlReport['byRule'] = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const tables = publishedTables(model, findings);
  const items: string[] = [];
  findings.forEach((f, n) => {
    const slot = f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2;
    (byRule[f.ruleId] ??= [0, 0, 0])[slot]++;
    if (slot === 0) errors++;
    else if (slot === 1) warnings++;
    else infos++;
    const t = tables.findIndex((p) => p.shows.has(n));
    const where =
      t < 0 ? '' : ` <a class="goto" href="#r${id}-t${t}" data-f="${n + 1}">${escapeHtml(word('inTable', locale))}${escapeHtml(localize(tables[t].table.title, locale).split(/\s/)[0])}</a>`;
    const { line, character } = index.positionAt(f.span.start);
    items.push(
      `<li class="f sev-${f.severity}" id="r${id}-f${n + 1}"><span class="n">${n + 1}</span><span class="sev">${escapeHtml(word(f.severity, locale))}</span>` +
        `<code>${f.ruleId}</code><span class="loc">${line + 1}:${character + 1}</span> ${escapeHtml(oneLine(localize(f.message, locale)))}${where}` +
        (t < 0 ? excerpt(text, index, f) : '') +
        '</li>',
    );
  });
  const shown = tables
    .map(({ table, shows }, i) =>
      shows.size > 0
        ? `<div class="table-wrap" id="r${id}-t${i}"><p class="caption">${escapeHtml(localize(table.title, locale))}</p>${tableHtml(table, { marks: true, numbers: true, locale })}</div>`
        : '',
    )
    .join('');
  const section = findings.length === 0 ? `<p class="none">${escapeHtml(word('noFindings', locale))}</p>` : `<ol class="findings">${items.join('')}</ol>${shown}`;
  const report: HtmlReport = {
    id,
    file,
    agency: facts.agency,
    year: facts.year,
    layout: facts.layout,
    onTime: facts.onTime,
    deadline: facts.deadline,
    errors,
    warnings,
    infos,
    byRule,
    section,
  };
  return JSON.stringify(report);
}

const STYLE = `
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--line:#d0d7de;--bg:#f6f8fa;--mark:#ffe08a;--cur:#ff9800}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",system-ui,sans-serif;color:#1f2328;background:#fff}
header{padding:16px 24px;background:#24292f;color:#fff}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#c9d1d9;font-size:12px}
main{padding:16px 24px;max-width:1400px}
h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 16px;min-width:120px;background:var(--bg)}
.card b{display:block;font-size:24px}
.card.err b{color:var(--err)}.card.warn b{color:var(--warn)}.card.info b{color:var(--info)}
.controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0}
.controls input[type=search]{padding:4px 8px;min-width:260px;border:1px solid var(--line);border-radius:4px}
.controls select{padding:4px;border:1px solid var(--line);border-radius:4px}
table.list{border-collapse:collapse;width:100%}
table.list th,table.list td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left}
table.list th{background:var(--bg);cursor:pointer;user-select:none;white-space:nowrap}
table.list th[aria-sort=ascending]::after{content:" ▲"}table.list th[aria-sort=descending]::after{content:" ▼"}
table.list td.num{text-align:right;font-variant-numeric:tabular-nums}
table.list td.e{color:var(--err);font-weight:bold}table.list td.w{color:var(--warn)}
.late{color:var(--err);font-weight:bold}.ontime{color:#1a7f37}
details.report{border:1px solid var(--line);border-radius:6px;margin:8px 0}
details.report>summary{padding:6px 12px;background:var(--bg);cursor:pointer}
details.report>summary .counts{color:#57606a;margin-left:8px}
details.report>div{padding:8px 12px}
ol.findings{padding-left:0;list-style:none;margin:0}
li.f{padding:4px 0;border-bottom:1px dashed var(--line)}
li.f .n{display:inline-block;min-width:24px;color:#57606a}
li.f .sev{display:inline-block;min-width:40px;font-weight:bold}
li.sev-error .sev{color:var(--err)}li.sev-warning .sev{color:var(--warn)}li.sev-info .sev,li.sev-hint .sev{color:var(--info)}
li.f code{background:var(--bg);padding:0 4px;margin-right:6px;border-radius:3px}
li.f .loc{color:#57606a;margin-right:6px}
li.f.current{background:#fff4e5}
.excerpt{margin:2px 0 2px 28px;color:#57606a;font-size:13px;white-space:pre-wrap}
.excerpt mark{background:var(--mark)}
.table-wrap{overflow-x:auto;margin:12px 0;max-width:60em}
.table-wrap .caption{font-weight:bold;margin:4px 0}
.table-wrap .gk-table{font-size:12px;line-height:1.4;margin:0}
.gk-table .gk-mark{background:var(--mark);outline:2px solid #e0a800}
.gk-table .current{background:var(--cur);outline:2px solid #c65d00}
svg text{font-size:12px;fill:#1f2328}
.muted{color:#57606a}
`;

const SCRIPT = `
(function () {
  var table = document.getElementById('reports');
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  var state = { col: -1, dir: 1 };
  function value(row, i, num) {
    var cell = row.cells[i];
    var v = cell.getAttribute('data-v');
    if (v === null) v = cell.textContent;
    return num ? (v === '' ? -Infinity : Number(v)) : v;
  }
  for (var i = 0; i < headers.length; i++) {
    headers[i].addEventListener('click', (function (col) {
      return function () {
        var num = headers[col].getAttribute('data-type') === 'num';
        state.dir = state.col === col ? -state.dir : (num ? -1 : 1);
        state.col = col;
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, col, num), y = value(b, col, num);
          var c = num ? x - y : String(x).localeCompare(String(y), 'zh-CN');
          return c * state.dir || Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
        });
        rows.forEach(function (r) { body.appendChild(r); });
        for (var k = 0; k < headers.length; k++) headers[k].removeAttribute('aria-sort');
        headers[col].setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
      };
    })(i));
  }
  var text = document.getElementById('filter-text');
  var layout = document.getElementById('filter-layout');
  var deadline = document.getElementById('filter-deadline');
  var errorsOnly = document.getElementById('filter-errors');
  var shown = document.getElementById('shown');
  function filter() {
    var q = text.value.trim().toLowerCase();
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var ok = (!q || (r.getAttribute('data-file') + ' ' + r.getAttribute('data-agency')).toLowerCase().indexOf(q) >= 0) &&
        (!layout.value || r.getAttribute('data-layout') === layout.value) &&
        (!deadline.value || r.getAttribute('data-ontime') === deadline.value) &&
        (!errorsOnly.checked || Number(r.getAttribute('data-errors')) > 0);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = String(n);
  }
  [text, layout, deadline, errorsOnly].forEach(function (el) { el.addEventListener('input', filter); el.addEventListener('change', filter); });
  function open(hash) {
    var target = hash && document.getElementById(hash.slice(1));
    var details = target && (target.tagName === 'DETAILS' ? target : target.closest('details'));
    if (details) details.open = true;
  }
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a');
    if (!link) return;
    var href = link.getAttribute('href') || '';
    if (href.charAt(0) === '#') open(href);
    if (!link.classList.contains('goto')) return;
    e.preventDefault();
    var wrap = document.getElementById(href.slice(1));
    Array.prototype.forEach.call(document.querySelectorAll('.current'), function (el) { el.classList.remove('current'); });
    var item = link.closest('li');
    if (item) item.classList.add('current');
    var cell = wrap && wrap.querySelector('[data-f~="' + link.getAttribute('data-f') + '"]');
    if (cell) { cell.classList.add('current'); cell.scrollIntoView({ block: 'center' }); }
  });
  open(location.hash);
})();
`;

/** The findings per rule as horizontal bars (errors, warnings, infos stacked), widest first. */
function ruleChart(totals: Map<string, [number, number, number]>, locale: Locale): string {
  const rows = [...totals].filter(([, c]) => c[0] + c[1] + c[2] > 0).sort((a, b) => b[1][0] + b[1][1] + b[1][2] - (a[1][0] + a[1][1] + a[1][2]) || a[0].localeCompare(b[0]));
  if (rows.length === 0) return `<p class="muted">${escapeHtml(word('none', locale))}</p>`;
  const names = new Map<string, string>(allRules.map((r) => [r.meta.id, r.meta.name]));
  const max = Math.max(...rows.map(([, c]) => c[0] + c[1] + c[2]));
  const labelWidth = 230;
  const barWidth = 520;
  const rowHeight = 22;
  const height = rows.length * rowHeight + 28;
  const colors = ['#c62828', '#e69500', '#1e88e5'];
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 80}" height="${height}" role="img" aria-label="${escapeHtml(word('byRule', locale))}">`];
  rows.forEach(([ruleId, counts], i) => {
    const y = i * rowHeight + 4;
    out.push(`<text x="0" y="${y + 14}">${ruleId} ${escapeHtml(names.get(ruleId) ?? '')}</text>`);
    let x = labelWidth;
    counts.forEach((n, k) => {
      if (n === 0) return;
      const w = Math.max(1, (n / max) * barWidth);
      out.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="16" fill="${colors[k]}"><title>${ruleId}: ${n} ${escapeHtml(word(k === 0 ? 'errors' : k === 1 ? 'warnings' : 'infos', locale))}</title></rect>`);
      x += w;
    });
    out.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 14}">${counts[0] + counts[1] + counts[2]}</text>`);
  });
  const legendY = rows.length * rowHeight + 20;
  (['errors', 'warnings', 'infos'] as const).forEach((key, k) => {
    const x = labelWidth + k * 110;
    out.push(`<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${colors[k]}"/><text x="${x + 16}" y="${legendY}">${escapeHtml(word(key, locale))}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** The whole page from the reports' parts (in input order) and the files that could not be read. */
export function assembleHtml(pieces: readonly string[], failed: readonly FailedFile[], locale: Locale): string {
  const reports = pieces.map((p) => JSON.parse(p) as HtmlReport);
  const w = (key: keyof typeof WORDS) => escapeHtml(word(key, locale));
  const totals = new Map<string, [number, number, number]>();
  for (const r of reports) {
    for (const [ruleId, c] of Object.entries(r.byRule)) {
      const t = totals.get(ruleId) ?? [0, 0, 0];
      totals.set(ruleId, [t[0] + c[0], t[1] + c[1], t[2] + c[2]]);
    }
  }
  const sum = (f: (r: HtmlReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const card = (label: string, n: number, cls = '') => `<div class="card ${cls}"><span>${label}</span><b>${n}</b></div>`;
  const deadlineText = (r: HtmlReport) => (r.onTime === 'yes' ? w('onTime') : r.onTime === 'no' ? w('late') : w('unknown'));
  const layouts = [...new Set(reports.map((r) => r.layout).filter((l) => l !== ''))].sort();
  const rows = reports.map(
    (r, i) =>
      `<tr data-i="${i}" data-file="${escapeHtml(r.file)}" data-agency="${escapeHtml(r.agency)}" data-layout="${escapeHtml(r.layout)}" data-ontime="${r.onTime || 'unknown'}" data-errors="${r.errors}">` +
      `<td><a href="#r${r.id}">${escapeHtml(r.file)}</a></td><td>${escapeHtml(r.agency)}</td><td class="num">${escapeHtml(r.year)}</td><td>${escapeHtml(r.layout)}</td>` +
      `<td class="num${r.errors > 0 ? ' e' : ''}">${r.errors}</td><td class="num${r.warnings > 0 ? ' w' : ''}">${r.warnings}</td>` +
      `<td data-v="${r.onTime === 'no' ? 0 : r.onTime === 'yes' ? 1 : 2}" class="${r.onTime === 'no' ? 'late' : r.onTime === 'yes' ? 'ontime' : ''}" title="${escapeHtml(r.deadline)}">${deadlineText(r)}</td></tr>`,
  );
  const sections = reports.map(
    (r) =>
      `<details class="report" id="r${r.id}"><summary><b>${escapeHtml(r.file)}</b> ${escapeHtml(r.agency)} ${escapeHtml(r.year)}` +
      `<span class="counts">${w('errors')} ${r.errors} · ${w('warnings')} ${r.warnings} · ${w('infos')} ${r.infos}</span></summary><div>${r.section}</div></details>`,
  );
  const failedList =
    failed.length === 0
      ? ''
      : `<h2>${w('unreadable')}</h2><ul>${failed.map((f) => `<li><code>${escapeHtml(f.file)}</code> ${escapeHtml(localize(f.reason, locale))}</li>`).join('')}</ul>`;
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${label}</option>`;
  return `<!DOCTYPE html>
<html lang="${locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${TOOL_NAME} ${VERSION}">
<title>${w('title')}</title>
<style>${DOCUMENT_CSS}${STYLE}</style>
</head>
<body>
<header><h1>${w('title')}</h1><p>${TOOL_NAME} ${VERSION}</p></header>
<main>
<section class="cards" id="totals">
${card(w('reports'), reports.length)}${card(w('withErrors'), reports.filter((r) => r.errors > 0).length, 'err')}${card(w('errors'), sum((r) => r.errors), 'err')}${card(w('warnings'), sum((r) => r.warnings), 'warn')}${card(w('infos'), sum((r) => r.infos), 'info')}${card(w('onTime'), reports.filter((r) => r.onTime === 'yes').length)}${card(w('late'), reports.filter((r) => r.onTime === 'no').length, 'err')}${card(w('failed'), failed.length, failed.length > 0 ? 'err' : '')}
</section>
<h2>${w('byRule')}</h2>
<section id="chart">${ruleChart(totals, locale)}</section>
<h2>${w('list')}</h2>
<div class="controls">
<input type="search" id="filter-text" placeholder="${w('filter')}" aria-label="${w('filter')}">
<select id="filter-layout" aria-label="${w('layout')}">${option('', w('allLayouts'))}${layouts.map((l) => option(l, escapeHtml(l))).join('')}</select>
<select id="filter-deadline" aria-label="${w('deadline')}">${option('', w('allDeadlines'))}${option('yes', w('onTime'))}${option('no', w('late'))}${option('unknown', w('undetermined'))}</select>
<label><input type="checkbox" id="filter-errors"> ${w('errorsOnly')}</label>
<span class="muted">${w('shown')} <span id="shown">${reports.length}</span> / ${reports.length} · ${w('sortHint')}</span>
</div>
<table class="list" id="reports">
<thead><tr><th data-type="text">${w('file')}</th><th data-type="text">${w('agency')}</th><th data-type="num">${w('year')}</th><th data-type="text">${w('layout')}</th><th data-type="num">${w('errors')}</th><th data-type="num">${w('warnings')}</th><th data-type="num">${w('deadline')}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${failedList}
<h2>${w('details')}</h2>
${sections.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
