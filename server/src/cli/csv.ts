// `--format csv`: one row per report, for the evaluators who compile a province's statistics in a
// spreadsheet. The columns: what the report is (file, agency, issuer kind, year, layout, dates and
// the deadline as GK502 decides it), how many findings it has per rule group, then every table cell
// under a stable name `t<part>.<row>.<column>` taken from the layout declarations (both official
// layouts: a cell of a layout the report does not use stays empty). UTF-8 with a BOM (Excel then reads
// the Chinese right), RFC 4180 quoting, CRLF line ends. docs/csv-columns.md lists the columns.
import {
  allRules,
  cellOf,
  deadlineCheck,
  decimalText,
  formatDateEn,
  layouts,
  localize,
  type Cell,
  type Finding,
  type LayoutDef,
  type Locale,
  type Localized,
  type ReportModel,
  type RuleGroup,
  type TableKind,
} from '../core';
import type { FailedFile } from './format';

/** One table cell's column: its name and where it comes from. */
export interface CellColumn {
  name: string;
  part: number;
  kind: TableKind;
  row: string;
  col: string;
  /** `表三 / 一、本年新收政府信息公开申请数量 / 自然人` and the English. */
  label: Localized;
  /** The layouts that have the cell. */
  layouts: string[];
}

/** The rule groups in catalogue order (S T N P D C L X), from the rules. */
export function ruleGroups(): RuleGroup[] {
  return [...new Set(allRules.map((r) => r.meta.group))];
}

/** The columns before the cells, with what each holds. */
export function reportColumns(): { name: string; about: Localized }[] {
  const m = (name: string, zh: string, en: string) => ({ name, about: { 'zh-cn': zh, en } });
  return [
    m('file', '文件路径（与命令行输入的写法相同）', 'the file, as given or found'),
    m('status', '`checked` 已检查；`failed` 无法读取（原因见 note）', '`checked`, or `failed` when the file could not be read (note says why)'),
    m('note', '无法读取的原因', 'why the file could not be read'),
    m('agency', '发布机关（取自标题或开头“现公布……”）', 'the issuing agency (from the title or the preamble)'),
    m('issuerKind', '机关类别：government 人民政府、office 办公室（厅）、department 部门、subdistrict 街道办事处、unknown 未识别', 'kind of issuer: government, office, department, subdistrict, unknown'),
    m('year', '报告年度', 'the report year'),
    m('layout', '统计表所用版式（2021、2019；混用时如 2019+2021）', 'the layout the tables are written in (2021, 2019; mixed: 2019+2021)'),
    m('signed', '落款日期（YYYY-MM-DD）', 'the signature date (YYYY-MM-DD)'),
    m('published', '发布日期（YYYY-MM-DD）', 'the publication date (YYYY-MM-DD)'),
    m('deadline', '法定期限（条例第四十九条，同 GK502）', 'the statutory deadline (Art. 49, as GK502 decides it)'),
    m('onTime', '`yes` 落款和发布日期都不晚于期限；`no` 晚于期限；空：年度不确定或没有日期', '`yes` when no date is after the deadline, `no` when one is; empty when the year is unsettled or there is no date'),
    m('errors', '错误数', 'error-severity findings'),
    m('warnings', '警告数', 'warning-severity findings'),
    m('infos', '提示数（info 和 hint）', 'info and hint findings'),
    ...ruleGroups().flatMap((g) => [
      m(`errors.${g}`, `${g} 组规则的错误数`, `errors of the rules of group ${g}`),
      m(`warnings.${g}`, `${g} 组规则的警告数`, `warnings of the rules of group ${g}`),
    ]),
  ];
}

const TABLE_NAMES: Record<number, [string, string]> = { 2: ['表二', 'Table 2'], 3: ['表三', 'Table 3'], 4: ['表四', 'Table 4'] };

/**
 * Every table cell's column, from the layout declarations: tables by part, then each layout newest
 * first, its rows in order, each row's columns (a row's own columns, else the table's). A cell two
 * layouts share (same part, row and column ids) is one column.
 */
export function cellColumns(all: readonly LayoutDef[] = layouts()): CellColumn[] {
  let cached = columnCache.get(all);
  if (!cached) columnCache.set(all, (cached = deriveCellColumns(all)));
  return cached;
}

const columnCache = new WeakMap<readonly LayoutDef[], CellColumn[]>();
const tableColumnCache = new WeakMap<readonly CellColumn[], Map<string, CellColumn[]>>();

/** The cell columns of each layout's table (`2021:requests`). */
function columnsByTable(): Map<string, CellColumn[]> {
  const all = cellColumns();
  let byTable = tableColumnCache.get(all);
  if (byTable) return byTable;
  byTable = new Map();
  for (const column of all) {
    for (const layout of column.layouts) {
      const key = `${layout}:${column.kind}`;
      byTable.set(key, [...(byTable.get(key) ?? []), column]);
    }
  }
  tableColumnCache.set(all, byTable);
  return byTable;
}

function deriveCellColumns(all: readonly LayoutDef[]): CellColumn[] {
  const parts = [...new Set(all.flatMap((l) => l.tables.map((t) => t.part)))].sort((a, b) => a - b);
  const columns = new Map<string, CellColumn>();
  for (const part of parts) {
    for (const layout of all) {
      for (const table of layout.tables.filter((t) => t.part === part)) {
        for (const row of table.rows) {
          for (const col of row.columns ?? table.columns) {
            const name = `t${part}.${row.id}.${col.id}`;
            const known = columns.get(name);
            if (known) {
              if (!known.layouts.includes(layout.id)) known.layouts.push(layout.id);
              continue;
            }
            const [zh, en] = TABLE_NAMES[part] ?? [`表${part}`, `Table ${part}`];
            const rowZh = row.label || localize(table.title, 'zh-cn');
            const rowEn = row.label ? row.en : localize(table.title, 'en');
            columns.set(name, {
              name,
              part,
              kind: table.kind,
              row: row.id,
              col: col.id,
              label: { 'zh-cn': `${zh} / ${rowZh} / ${col.name ? localize(col.name, 'zh-cn') : col.label}`, en: `${en} / ${rowEn} / ${col.en}` },
              layouts: [layout.id],
            });
          }
        }
      }
    }
  }
  return [...columns.values()];
}

/** The header: the report columns, then the cells. */
export function csvHeader(): string[] {
  return [...reportColumns().map((c) => c.name), ...cellColumns().map((c) => c.name)];
}

/** What a CSV row (and the summary page) says about a report, read from its model. */
export interface ReportFacts {
  agency: string;
  issuerKind: string;
  year: string;
  layout: string;
  signed: string;
  published: string;
  deadline: string;
  /** 'yes', 'no', or '' when it cannot be told. */
  onTime: '' | 'yes' | 'no';
  /** Cell column name → value. */
  cells: Record<string, string>;
}

/** A cell's value: a number as a plain decimal (full-width digits, separators normalised), else the text written. */
function cellValue(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.kind === 'number' && cell.value) return decimalText(cell.value);
  return cell.raw.trim();
}

export function reportFacts(model: ReportModel): ReportFacts {
  const { meta } = model;
  const deadline = deadlineCheck(meta);
  const date = (d: typeof meta.signed) => (d?.valid ? formatDateEn(d) : '');
  const cells: Record<string, string> = {};
  const byTable = columnsByTable();
  const seen = new Set<TableKind>();
  for (const table of model.tables) {
    // The first table of each kind is the report's (a second one is GK103's business).
    if (seen.has(table.kind)) continue;
    seen.add(table.kind);
    for (const column of byTable.get(`${table.layout}:${table.kind}`) ?? []) {
      const value = cellValue(cellOf(table, column.row, column.col));
      if (value !== '') cells[column.name] = value;
    }
  }
  const layoutIds = [...new Set(model.tables.map((t) => t.layout))].sort();
  return {
    agency: meta.agency ?? '',
    issuerKind: meta.issuerKind,
    year: meta.reportYear === undefined ? '' : String(meta.reportYear),
    layout: layoutIds.join('+'),
    signed: date(meta.signed),
    published: date(meta.published),
    deadline: deadline ? formatDateEn(deadline.deadline) : '',
    onTime: !deadline || deadline.dates.length === 0 ? '' : deadline.dates.some((d) => d.late) ? 'no' : 'yes',
    cells,
  };
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text a spreadsheet would take for a formula (=, +, -, @ first) is kept as text with a leading apostrophe. */
function textField(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const CSV_BOM = '\ufeff';
const EOL = '\r\n';

export const csvLine = (fields: readonly string[]) => fields.map(csvField).join(',') + EOL;

/** Errors, warnings and infos per group, and in all. */
function groupCounts(findings: readonly Finding[]): Map<string, number> {
  const groupOf = new Map(allRules.map((r) => [r.meta.id, r.meta.group]));
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const f of findings) {
    const severity = f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos';
    bump(severity);
    const group = groupOf.get(f.ruleId);
    if (group && severity !== 'infos') bump(`${severity}.${group}`);
  }
  return counts;
}

/** The row of a checked report. */
export function csvRow(file: string, facts: ReportFacts, findings: readonly Finding[]): string {
  const counts = groupCounts(findings);
  const values: Record<string, string> = {
    file: textField(file),
    status: 'checked',
    note: '',
    agency: textField(facts.agency),
    issuerKind: facts.issuerKind,
    year: facts.year,
    layout: facts.layout,
    signed: facts.signed,
    published: facts.published,
    deadline: facts.deadline,
    onTime: facts.onTime,
  };
  const fields = reportColumns().map(({ name }) => values[name] ?? String(counts.get(name) ?? 0));
  for (const column of cellColumns()) fields.push(facts.cells[column.name] ?? '');
  return csvLine(fields);
}

/** The row of a file that could not be read. */
export function csvFailedRow(failed: FailedFile, locale: Locale): string {
  const fields = reportColumns().map(({ name }) => (name === 'file' ? textField(failed.file) : name === 'status' ? 'failed' : name === 'note' ? localize(failed.reason, locale) : ''));
  for (let i = cellColumns().length; i > 0; i--) fields.push('');
  return csvLine(fields);
}

/** The whole CSV: BOM, header, the rows in input order, then the files that could not be read. */
export function assembleCsv(rows: readonly string[], failed: readonly FailedFile[], locale: Locale): string {
  return CSV_BOM + csvLine(csvHeader()) + rows.join('') + failed.map((f) => csvFailedRow(f, locale)).join('');
}

/** docs/csv-columns.md: every column with what it holds (generated by scripts/gen-docs.ts; a test keeps it fresh). */
export function csvColumnsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [
    '# CSV 列 · CSV columns',
    '',
    '<!-- Generated by scripts/gen-docs.ts from the layout declarations; do not edit by hand. -->',
    '',
    '`gkreport --format csv` 每份报告输出一行（UTF-8 带 BOM，RFC 4180 引号规则，CRLF 换行）。列名稳定：表格单元格为',
    '`t<部分>.<行>.<列>`，行、列编号取自版式声明（`server/src/core/spec/layout/`）；报告未使用的版式的单元格为空。',
    '数字单元格输出规范化的数值（全角数字、千分位等已统一），其他单元格输出原文。以 `=`、`+`、`-`、`@` 开头的文件名和机关名前加 `\'`。',
    '',
    '`gkreport --format csv` writes one row per report (UTF-8 with a BOM, RFC 4180 quoting, CRLF line ends). Column',
    'names are stable: a table cell is `t<part>.<row>.<column>` with the row and column ids of the layout declarations;',
    'the cells of a layout the report does not use are empty. A number is written as a plain decimal (full-width digits',
    'and separators normalised); any other cell as written. A file or agency name starting with `=`, `+`, `-` or `@` gets a leading `\'`.',
    '',
    '## 报告 · The report',
    '',
    '| 列 column | 说明 | meaning |',
    '|---|---|---|',
    ...reportColumns().map((c) => `| \`${c.name}\` | ${esc(c.about['zh-cn'])} | ${esc(c.about.en)} |`),
    '',
    '## 表格单元格 · Table cells',
    '',
    '| 列 column | 单元格 | cell | 版式 layouts |',
    '|---|---|---|---|',
    ...cellColumns().map((c) => `| \`${c.name}\` | ${esc(c.label['zh-cn'])} | ${esc(c.label.en)} | ${c.layouts.join(', ')} |`),
    '',
  ];
  return out.join('\n');
}
