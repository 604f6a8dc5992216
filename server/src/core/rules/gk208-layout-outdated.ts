import type { Fix } from './types';
import { defineRule } from './types';
import type { TableKind } from '../spec/layout/types';
import type { Table } from '../model/model';
import { msg } from '../base/i18n';
import { layoutForYear, tableDef } from '../spec/layout';
import { renderTable } from '../spec/templates';
import { writable } from '../model/edits';
import { columnsOf } from '../model/cells';
import { eolOf } from '../base/text';

declare module './types' {
  interface RuleData {
    GK208: { table: TableKind; layout: string; expected: string };
  }
}

/** The conversion of a table to `target`'s layout, carrying over what its declaration maps. */
function convertFix(table: Table, targetLayout: string, text: string, lines: { start: number; end: number }[]): Fix | undefined {
  const target = tableDef(targetLayout, table.kind);
  const carry = target.carryOver;
  if (!carry || carry.from !== table.layout) return undefined;
  const valueOf = (rowId: string, colId: string) => {
    const source = table.byRow.get(carry.rows?.[rowId] ?? rowId);
    if (!source) return undefined;
    const index = columnsOf(table, source).findIndex((c) => c.id === (carry.columns?.[colId] ?? colId));
    const cell = index >= 0 ? source.values[index] : undefined;
    return cell && cell.kind !== 'blank' ? cell.raw : undefined;
  };
  const eol = eolOf(text);
  return {
    id: 'convert-layout',
    title: msg(`将${target.title['zh-cn']}转换为${targetLayout}年版格式`, `Convert ${target.title.en} to the ${targetLayout} layout`),
    edits: [{ span: { start: lines[table.lines.first].start, end: lines[table.lines.last].end }, newText: renderTable(target, writable(table.syntax), valueOf).join(eol) }],
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
      const fix = convertFix(table, expected.id, ctx.text, ctx.model.lines);
      ctx.emit({
        span: telltale.labelCells[0]?.contentSpan ?? telltale.span,
        message: msg(
          `${table.def.title['zh-cn']}使用了${table.layout}年版格式${why['zh-cn']}，${year}年度报告应使用${expected.id}年版格式（${expected.docNumber}）`,
          `${table.def.title.en} uses the ${table.layout} layout${why.en}; a ${year} report must use the ${expected.id} layout (${expected.docNumber})`,
        ),
        fixes: fix ? [fix] : [],
        data: { table: table.kind, layout: table.layout, expected: expected.id },
      });
    }
  },
});
