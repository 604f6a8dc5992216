// One report table as plain HTML, for the summary page: the header lines and rows as the report
// writes them, each value cell titled with its row and column, the cells of findings marked. This is
// the one function to swap for the official-layout renderer (core/service/publish.ts) when it comes.
import { localize, type Cell, type Locale, type Table, type TableRow } from '../core';

/** Findings (their numbers in the report's list) on cells, on rows, anywhere in the table. */
export interface TableMarks {
  cells: Map<Cell, number[]>;
  rows: Map<TableRow, number[]>;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function marked(numbers: number[] | undefined): string {
  return numbers && numbers.length > 0 ? ` class="mark" data-f="${numbers.join(' ')}"` : '';
}

/** A table of the report as HTML, its cells of findings marked (`class="mark" data-f="3 5"`). */
export function tableView(table: Table, marks: TableMarks, locale: Locale, lineOf: (offset: number) => number): string {
  const columnsOf = (row: TableRow) => row.def?.columns ?? table.columns;
  const cellTitle = (row: TableRow, i: number) => {
    const column = columnsOf(row)[i];
    const rowName = row.def?.label || localize(table.def.title, locale);
    return column ? `${rowName} / ${column.label}` : rowName;
  };
  // Header lines as written, then the rows (placed or not) in the order of the text.
  const headerLines = new Map<number, Cell[]>();
  for (const h of table.headerCells) {
    const line = lineOf(h.cell.span.start);
    headerLines.set(line, [...(headerLines.get(line) ?? []), h.cell]);
  }
  const rows = [...table.rows, ...table.unplaced].sort((a, b) => a.line - b.line);
  // Label cells a row takes: its own, else one for its label (none in a table without labels, 表四).
  const labelWidth = (r: TableRow) => (r.labelCells.length > 0 ? r.labelCells.length : table.def.labelless ? 0 : 1);
  const width = Math.max(1, ...rows.map((r) => labelWidth(r) + r.values.length + r.extraCells.length), ...[...headerLines.values()].map((c) => c.length));
  const td = (cell: Cell, title?: string) => `<td${marked(marks.cells.get(cell))}${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(cell.raw.trim())}</td>`;
  const out: string[] = [`<table class="report-table"><caption>${escapeHtml(localize(table.def.title, locale))}</caption>`];
  if (headerLines.size > 0) {
    out.push('<thead>');
    for (const [, cells] of [...headerLines].sort((a, b) => a[0] - b[0])) {
      const pad = width - cells.length;
      out.push(`<tr>${cells.map((c) => `<th${marked(marks.cells.get(c))}>${escapeHtml(c.raw.trim())}</th>`).join('')}${pad > 0 ? `<th colspan="${pad}"></th>` : ''}</tr>`);
    }
    out.push('</thead>');
  }
  out.push('<tbody>');
  for (const row of rows) {
    const labels = row.labelCells.length > 0 ? row.labelCells : [];
    const label = labels.length > 0 ? labels.map((c) => `<th${marked(marks.cells.get(c))}>${escapeHtml(c.raw.trim())}</th>`).join('') : table.def.labelless ? '' : `<th>${escapeHtml(row.label)}</th>`;
    const used = labelWidth(row) + row.values.length + row.extraCells.length;
    const cells = [...row.values.map((c, i) => td(c, cellTitle(row, i))), ...row.extraCells.map((c) => td(c))].join('');
    const pad = width - used;
    // Values line up on the right: rows with fewer label cells (表三) are padded after the label.
    out.push(`<tr${marked(marks.rows.get(row))}${row.def ? '' : ' data-unplaced=""'}>${label}${pad > 0 ? `<td class="pad" colspan="${pad}"></td>` : ''}${cells}</tr>`);
  }
  out.push('</tbody></table>');
  return out.join('');
}
