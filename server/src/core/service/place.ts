// Where an offset of the text is, in the report's own terms: `表三 （二）部分公开 / 总计`, `表四 表头`,
// `第五部分`. Used to name a finding's place when the text was converted from Word, a web page or PDF,
// where the converted text's line numbers mean nothing to the user.
import type { Localized } from '../base/types';
import type { ReportModel, Table } from '../model/model';
import { msg } from '../base/i18n';
import { toChineseNumeral } from '../base/numerals';
import { cellNameAt, columnsOf, rowName } from '../model/cells';

/** A table's short name, by the part that holds it: 表三, table 3. */
export function tableShortName(table: Table): Localized {
  return msg(`表${toChineseNumeral(table.def.part)}`, `table ${table.def.part}`);
}

const within = (span: { start: number; end: number }, offset: number) => offset >= span.start && offset <= span.end;

/** A place in the report: the table (or part) it is in, and what in it (a cell, a row, the header). */
export interface Place {
  /** 表三, 第五部分. */
  area: Localized;
  /** （二）部分公开 / 总计, 表头; absent for a part. */
  detail?: Localized;
}

function placeInTable(table: Table, offset: number): Place {
  const area = tableShortName(table);
  if (table.headerCells.some((h) => within(h.cell.span, offset))) return { area, detail: msg('表头', 'header') };
  const row = [...table.rows, ...table.unplaced].find((r) => within(r.span, offset));
  if (!row) return { area };
  const index = row.values.findIndex((c) => within(c.span, offset));
  if (index >= 0 && row.def && table.def.labelless) {
    // A row without a label (表四): the column under its band, `复议后起诉 结果维持`.
    const column = columnsOf(table, row)[index];
    const band = table.def.columnGroups.find((g) => g.id === column?.group);
    if (column) return { area, detail: band ? msg(`${band.label} ${column.label}`, column.en) : msg(column.label, column.en) };
  }
  if (index >= 0 && row.def) return { area, detail: cellNameAt(table, row, index) };
  return { area, detail: row.def ? rowName(table, row) : msg(row.label, row.label) };
}

/** The place of an offset: the table cell or row it is in, else the part, else undefined (the title, the preamble). */
export function placeAt(model: ReportModel, offset: number): Place | undefined {
  const table = model.tables.find((t) => within(t.span, offset));
  if (table) return placeInTable(table, offset);
  let part: number | undefined;
  for (const p of model.parts) if (offset >= p.heading.span.start && offset <= p.body.end) part = p.index;
  return part === undefined ? undefined : { area: msg(`第${toChineseNumeral(part)}部分`, `part ${part}`) };
}
