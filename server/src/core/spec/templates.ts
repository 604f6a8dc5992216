// Blank or filled standard tables as report text, rendered from the layout declarations (never typed by
// hand). Text has one label cell per row, so a row of table 三 carries its group's label in front of
// its own on the group's first row; header merges become empty cells after the merged cell's text.
import type { HeaderCellDef, RowDef, TableDef } from './layout/types';

/** The table syntaxes the tool writes (a table read from PDF text is written back as pipe rows). */
export type WritableSyntax = 'pipe' | 'markdown' | 'tab';

/**
 * One row: `a | b | c |` (pipe), `| a | b | c |` (markdown), `a\tb\tc` (tab). A pipe row whose first
 * cell is blank (table 四's blank data row) is written with a bar in front: written without one it
 * would read as a Markdown row, one cell short.
 */
export function renderRow(syntax: WritableSyntax, cells: string[]): string {
  if (syntax === 'tab') return cells.join('\t');
  const body = cells.map((c) => (c === '' ? ' ' : c)).join(' | ');
  return syntax === 'markdown' || cells[0] === '' ? `| ${body} |` : `${body} |`;
}

function separator(width: number): string {
  return `|${'---|'.repeat(width)}`;
}

/** Label of a row as one cell: a row of a sub-group carries the group's label on the group's first row. */
function flatLabel(def: TableDef, row: RowDef, first: boolean): string {
  const group = def.groups.find((g) => g.id === row.group);
  return group && first && group.parent !== undefined ? `${group.label} ${row.label}` : row.label;
}

/** The value columns a blank table has (a column a report may add is left out). */
const requiredColumns = (def: TableDef) => def.columns.filter((c) => !c.optional);

/** A blank row for `row`, as written in a table of this definition. */
export function blankRow(def: TableDef, row: RowDef, syntax: WritableSyntax): string {
  const width = (row.columns ?? requiredColumns(def)).length;
  return renderRow(syntax, [row.label, ...Array(width).fill('')]);
}

/** Text for the cell (row, column) of the rendered table; blank when undefined. */
export type CellText = (rowId: string, colId: string) => string | undefined;

/** A printed header row as text cells: a merged cell's text, then an empty cell for each column it also covers. */
function headerTexts(cells: HeaderCellDef[]): string[] {
  return cells.flatMap((c) => [c.text, ...Array(Math.max(0, (c.colSpan ?? 1) - 1)).fill('')]);
}

/**
 * The header as text rows. A table with row labels writes one row: its label header, then every
 * column's label. A table without row labels (表四) writes the printed rows that group the columns,
 * then one row naming every column.
 */
function headerRows(def: TableDef): string[][] {
  const columns = requiredColumns(def).map((c) => c.label);
  const header = def.printed.header;
  if (header.length === 0) return [];
  if (def.printed.labelColumns > 0) return [[header[0][0].text, ...columns]];
  return [...header.slice(0, -1).map((cells) => {
    const texts = headerTexts(cells);
    return [...texts, ...Array(Math.max(0, columns.length - texts.length)).fill('')];
  }), columns];
}

/** The whole table as lines, blank or filled by `valueOf`. */
export function renderTable(def: TableDef, syntax: WritableSyntax, valueOf: CellText = () => undefined): string[] {
  const lines: string[] = [];
  if (def.blocks) {
    const blockHeader = def.printed.blockHeader?.text ?? '';
    for (const block of def.blocks) {
      const rows = block.rows.map((id) => def.rows.find((r) => r.id === id)!);
      const columns = rows[0].columns ?? [];
      const width = columns.length + 1;
      lines.push(renderRow(syntax, [block.heading, ...Array(width - 1).fill('')]));
      if (syntax === 'markdown') lines.push(separator(width));
      lines.push(renderRow(syntax, [blockHeader, ...columns.map((c) => c.label)]));
      for (const r of rows) lines.push(renderRow(syntax, [r.label, ...columns.map((c) => valueOf(r.id, c.id) ?? '')]));
      if (syntax === 'markdown') lines.push('');
    }
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
  const columns = requiredColumns(def);
  headerRows(def).forEach((cells, i) => {
    lines.push(renderRow(syntax, cells));
    if (syntax === 'markdown' && i === 0) lines.push(separator(cells.length));
  });
  let lastGroup: string | undefined;
  for (const row of def.rows) {
    const first = row.group !== lastGroup;
    lastGroup = row.group;
    const values = columns.map((c) => valueOf(row.id, c.id) ?? '');
    lines.push(renderRow(syntax, def.labelless ? values : [flatLabel(def, row, first), ...values]));
  }
  return lines;
}
