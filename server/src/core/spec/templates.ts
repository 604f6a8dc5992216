// Blank standard tables and rows, rendered from the layout declarations (never typed by hand).
import type { RowSyntax } from '../model/model';
import type { RowDef, TableDef } from './layout/types';

/** The syntax an inserted row or table is written in ('spaced' PDF text becomes pipe rows). */
export type WritableSyntax = 'pipe' | 'markdown' | 'tab';

export function writable(syntax: RowSyntax): WritableSyntax {
  return syntax === 'spaced' ? 'pipe' : syntax;
}

/** One row: `a | b | c |` (pipe), `| a | b | c |` (markdown), `a\tb\tc` (tab). */
export function renderRow(syntax: WritableSyntax, cells: string[]): string {
  if (syntax === 'tab') return cells.join('\t');
  const body = cells.map((c) => (c === '' ? ' ' : c)).join(' | ');
  return syntax === 'markdown' ? `| ${body} |` : `${body} |`;
}

function separator(width: number): string {
  return `|${'---|'.repeat(width)}`;
}

/** Label of a table 三 row as one cell: sub-rows carry their group's label. */
function flatLabel(def: TableDef, row: RowDef, first: boolean): string {
  const group = def.groups.find((g) => g.id === row.group);
  return group && first && group.id !== 'results' ? `${group.label} ${row.label}` : row.label;
}

/** A blank row for `row`, as written in a table of this definition. */
export function blankRow(def: TableDef, row: RowDef, syntax: WritableSyntax): string {
  const width = (row.columns ?? def.columns.filter((c) => !c.optional)).length;
  return renderRow(syntax, [row.label, ...Array(width).fill('')]);
}

/** Text for the cell (row, column) of the rendered table; blank when undefined. */
export type CellText = (rowId: string, colId: string) => string | undefined;

/** The whole table as lines, blank or filled by `valueOf`. */
export function renderTable(def: TableDef, syntax: WritableSyntax, valueOf: CellText = () => undefined): string[] {
  const lines: string[] = [];
  const header = (cells: string[]) => {
    lines.push(renderRow(syntax, cells));
    if (syntax === 'markdown' && lines.length === 1) lines.push(separator(cells.length));
  };
  if (def.kind === 'active') {
    for (const block of def.blocks ?? []) {
      const rows = block.rows.map((id) => def.rows.find((r) => r.id === id)!);
      const columns = rows[0].columns ?? [];
      const width = columns.length + 1;
      lines.push(renderRow(syntax, [block.heading, ...Array(width - 1).fill('')]));
      if (syntax === 'markdown') lines.push(separator(width));
      lines.push(renderRow(syntax, ['信息内容', ...columns.map((c) => c.label)]));
      for (const r of rows) lines.push(renderRow(syntax, [r.label, ...columns.map((c) => valueOf(r.id, c.id) ?? '')]));
      if (syntax === 'markdown') lines.push('');
    }
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
  const columns = def.columns.filter((c) => !c.optional);
  if (def.kind === 'requests') {
    header([def.knownHeaders[0], ...columns.map((c) => c.label)]);
    let lastGroup: string | undefined;
    for (const row of def.rows) {
      const first = row.group !== lastGroup;
      lastGroup = row.group;
      lines.push(renderRow(syntax, [flatLabel(def, row, first), ...columns.map((c) => valueOf(row.id, c.id) ?? '')]));
    }
    return lines;
  }
  // Table 四: three header rows, then one data row without a label.
  const band = (i: number) => def.headerBands[i];
  const pad = (cells: string[]) => [...cells, ...Array(columns.length - cells.length).fill('')];
  header(pad(['行政复议', '', '', '', '', '行政诉讼']));
  lines.push(renderRow(syntax, pad([...band(1).slice(0, 5), band(1)[5], '', '', '', '', band(1)[6]])));
  lines.push(renderRow(syntax, band(3)));
  lines.push(renderRow(syntax, columns.map((c) => valueOf(def.rows[0].id, c.id) ?? '')));
  return lines;
}
