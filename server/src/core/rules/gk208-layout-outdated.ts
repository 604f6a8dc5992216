import type { Localized } from '../base/types';
import type { Fix } from './types';
import { defineRule } from './types';
import type { ColumnDef, RowDef, TableDef, TableKind } from '../spec/layout/types';
import type { ReportModel, Table, TableRow } from '../model/model';
import { msg } from '../base/i18n';
import { layoutForYear, tableDef } from '../spec/layout';
import { renderTable } from '../spec/templates';
import { writable } from '../model/edits';
import { columnsOf } from '../model/cells';
import { dataNumbers, eolOf } from '../base/text';

declare module './types' {
  interface RuleData {
    GK208: { table: TableKind; layout: string; expected: string };
  }
}

/** What converting one table to another carries and loses. */
interface Conversion {
  pairs: Set<string>;
  lost: { columns: ColumnDef[]; rows: RowDef[] };
}

/** Conversions by target and source table: layout data, so worked out once per process. Callers must not change them. */
const conversions = new WeakMap<TableDef, WeakMap<TableDef, Conversion>>();

function conversion(target: TableDef, from: TableDef): Conversion {
  let byFrom = conversions.get(target);
  if (!byFrom) conversions.set(target, (byFrom = new WeakMap()));
  let known = byFrom.get(from);
  if (!known) {
    const pairs = carried(target, from);
    byFrom.set(from, (known = { pairs, lost: notCarried(target, from, pairs) }));
  }
  return known;
}

/** What a conversion carries: source (row id, column id) pairs the target reads, by its carryOver. */
function carried(target: TableDef, from: TableDef): Set<string> {
  const carry = target.carryOver!;
  const out = new Set<string>();
  for (const row of target.rows) {
    for (const col of row.columns ?? target.columns) out.add(`${carry.rows?.[row.id] ?? row.id}\u0000${carry.columns?.[col.id] ?? col.id}`);
  }
  // Only pairs the source table has.
  const has = new Set(from.rows.flatMap((r) => (r.columns ?? from.columns).map((c) => `${r.id}\u0000${c.id}`)));
  return new Set([...out].filter((k) => has.has(k)));
}

/** The source's columns no target column reads, and its rows no target row reads (table 二 of 2019: 上一年项目数量…, 政府集中采购). */
function notCarried(target: TableDef, from: TableDef, pairs: Set<string>): { columns: ColumnDef[]; rows: RowDef[] } {
  // The column of each carried pair (row id NUL column id; ids hold no NUL), once rather than per cell.
  const carriedColumns = new Set([...pairs].map((k) => k.slice(k.indexOf('\u0000') + 1)));
  const columns = new Map<string, ColumnDef>();
  for (const r of from.rows) for (const c of r.columns ?? from.columns) if (!c.optional && !carriedColumns.has(c.id)) columns.set(c.label, c);
  const read = new Set(target.rows.map((r) => target.carryOver?.rows?.[r.id] ?? r.id));
  return { columns: [...columns.values()], rows: from.rows.filter((r) => !read.has(r.id)) };
}

/** A placed row whose every written cell lands in the converted table. */
function fullyCarried(table: Table, row: TableRow, pairs: Set<string>): boolean {
  if (!row.def || table.byRow.get(row.def.id) !== row || row.extraCells.length > 0) return false;
  const columns = columnsOf(table, row);
  return row.values.every((cell, i) => cell.kind === 'blank' || pairs.has(`${row.def!.id}\u0000${columns[i]?.id}`));
}

/**
 * The lines of the table that the converted table does not hold: rows with a cell it does not carry
 * (a 2019-only column or row, an extra cell, a repeated row) and rows it could not place, as written.
 * Header rows, group labels, label pieces and page numbers hold no figure of the report and go.
 */
function keptLines(model: ReportModel, table: Table, pairs: Set<string>): string[] {
  const dropped = new Set(table.rows.filter((r) => fullyCarried(table, r, pairs)).map((r) => r.line));
  const kept: string[] = [];
  for (let n = table.lines.first; n <= table.lines.last; n++) {
    if (dropped.has(n)) continue;
    const text = model.lines[n].text;
    if (dataNumbers(text).length > 0) kept.push(text);
  }
  return kept;
}

const quoted = (labels: string[]) => labels.map((l) => `“${l}”`).join('');
const quotedEn = (labels: string[]) => labels.map((l) => `“${l}”`).join(', ');

/**
 * The conversion of a table to `target`'s layout, carrying over what its declaration maps. What it
 * cannot carry is kept as written after the converted table, under a line that says so; the title
 * names the columns and rows of the old layout that have no place in the new one.
 */
function convertFix(model: ReportModel, table: Table, targetLayout: string): Fix | undefined {
  const target = tableDef(targetLayout, table.kind);
  const carry = target.carryOver;
  if (!carry || carry.from !== table.layout) return undefined;
  const { pairs, lost } = conversion(target, table.def);
  const valueOf = (rowId: string, colId: string) => {
    const source = table.byRow.get(carry.rows?.[rowId] ?? rowId);
    if (!source) return undefined;
    const index = columnsOf(table, source).findIndex((c) => c.id === (carry.columns?.[colId] ?? colId));
    const cell = index >= 0 ? source.values[index] : undefined;
    return cell && cell.kind !== 'blank' ? cell.raw : undefined;
  };
  const eol = eolOf(model.text);
  const kept = keptLines(model, table, pairs);
  const from = table.layout;
  const notes: Localized[] = [];
  if (lost.columns.length > 0) {
    notes.push(msg(`${from}年版的${quoted(lost.columns.map((c) => c.label))}栏在${targetLayout}年版中没有对应栏目`, `the ${from} columns ${quotedEn(lost.columns.map((c) => c.en))} have no place in the ${targetLayout} layout`));
  }
  if (lost.rows.length > 0) notes.push(msg(`${quoted(lost.rows.map((r) => r.label))}行没有对应行`, `nor the rows ${quotedEn(lost.rows.map((r) => r.en))}`));
  if (kept.length > 0) notes.push(msg(`未能转换的 ${kept.length} 行原样保留在表后`, `${kept.length} rows it cannot carry stay as written after the table`));
  const note = notes.length > 0 ? msg(`（${notes.map((n) => n['zh-cn']).join('；')}）`, ` (${notes.map((n) => n.en).join('; ')})`) : msg('', '');
  const lines = renderTable(target, writable(table.syntax), valueOf);
  if (kept.length > 0) {
    lines.push(`（以下 ${kept.length} 行未能转换为${targetLayout}年版格式，已原样保留，请核对后并入上表或删除）`, ...kept);
  }
  return {
    id: 'convert-layout',
    title: msg(`将${target.title['zh-cn']}转换为${targetLayout}年版格式${note['zh-cn']}`, `Convert ${target.title.en} to the ${targetLayout} layout${note.en}`),
    edits: [{ span: { start: model.lines[table.lines.first].start, end: model.lines[table.lines.last].end }, newText: lines.join(eol) }],
    // A conversion rebuilds the table: never applied without review.
    safe: false,
  };
}

/** A table in the layout of another period than the report year's. */
export default defineRule({
  meta: {
    id: 'GK208',
    name: 'layout-outdated',
    group: 'T',
    defaultSeverity: 'warning',
    description: msg(
      '统计表格式与报告年度不符：2021年度起应使用国办公开办函〔2021〕30号格式，2019—2020年度使用国办公开办函〔2019〕60号格式。',
      'A table uses the layout of another period: 2021 on uses 国办公开办函〔2021〕30号, 2019–2020 uses 国办公开办函〔2019〕60号.',
    ),
  },
  check(ctx) {
    const year = ctx.model.meta.reportYear;
    if (year === undefined) return;
    const expected = layoutForYear(year);
    for (const table of ctx.model.tables) {
      if (table.layout === expected.id || table.kind === 'review') continue;
      // The first row that shows the table's layout, else its first row.
      const telltale = (table.def.telltales.rows ?? []).map((id) => table.byRow.get(id)).find((row) => row !== undefined) ?? table.rows[0];
      if (!telltale) continue;
      const why = table.def.telltales.shows;
      ctx.emit({
        span: telltale.labelCells[0]?.contentSpan ?? telltale.span,
        message: msg(
          `${table.def.title['zh-cn']}使用了${table.layout}年版格式${why['zh-cn']}，${year}年度报告应使用${expected.id}年版格式（${expected.docNumber}）`,
          `${table.def.title.en} uses the ${table.layout} layout${why.en}; a ${year} report must use the ${expected.id} layout (${expected.docNumber})`,
        ),
        fixes: () => {
          const fix = convertFix(ctx.model, table, expected.id);
          return fix ? [fix] : [];
        },
        data: { table: table.kind, layout: table.layout, expected: expected.id },
      });
    }
  },
});
