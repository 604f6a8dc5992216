// Queries on a table of the model: finding cells by row and column id, naming them in both
// languages from the layout data, reading what they count for, and the relations that may be trusted.
import type { Cell, Table, TableRow } from './model';
import type { ColumnDef, Relation } from '../spec/layout/types';
import type { Localized } from '../base/types';
import { type Decimal, ZERO, add } from '../base/decimal';
import { relationsOf } from '../spec/layout';
import { msg } from '../base/i18n';

export function columnsOf(table: Table, row: TableRow): ColumnDef[] {
  return row.def?.columns ?? table.columns;
}

/** Column id → position, per column list (the lists are few and shared: layout data or a table's). */
const columnIndexes = new WeakMap<ColumnDef[], Map<string, number>>();

/** The list asked last and its index: a rule asks for the cells of one table in a row (no WeakMap lookup then). */
let lastColumns: ColumnDef[] | undefined;
let lastIndex: Map<string, number> | undefined;

function columnIndex(columns: ColumnDef[], colId: string): number {
  const index = columns === lastColumns ? lastIndex! : indexOf(columns);
  return index.get(colId) ?? -1;
}

function indexOf(columns: ColumnDef[]): Map<string, number> {
  let index = columnIndexes.get(columns);
  if (!index) {
    index = new Map();
    for (let i = 0; i < columns.length; i++) if (!index.has(columns[i].id)) index.set(columns[i].id, i); // the first column of an id, as a search would find
    columnIndexes.set(columns, index);
  }
  lastColumns = columns;
  lastIndex = index;
  return index;
}

/** The cell at (row, column), or undefined when the row is missing or its cells cannot be trusted. */
export function cellOf(table: Table, rowId: string, colId: string): Cell | undefined {
  const row = table.byRow.get(rowId);
  if (!row || row.countMismatch) return undefined;
  const index = columnIndex(columnsOf(table, row), colId);
  return index < 0 ? undefined : row.values[index];
}

/** A row's name: its canonical label, or the table's title for a row without one (表四). */
export function rowName(table: Table, row: TableRow | undefined): Localized {
  const def = row?.def;
  return def && def.label !== '' ? msg(def.label, def.en) : table.def.title;
}

/** `（七）总计 / 自然人`, `(7) Total / Natural persons`. */
function joinNames(row: Localized, column: ColumnDef | undefined): Localized {
  return column ? msg(`${row['zh-cn']} / ${column.label}`, `${row.en} / ${column.en}`) : row;
}

/** The name of the cell (row id, column id). */
export function cellName(table: Table, rowId: string, colId: string): Localized {
  const row = table.byRow.get(rowId);
  const column = row ? columnsOf(table, row).find((c) => c.id === colId) : undefined;
  return joinNames(rowName(table, row), column);
}

/** The name of the value cell at a position of a row. */
export function cellNameAt(table: Table, row: TableRow, index: number): Localized {
  return joinNames(rowName(table, row), columnsOf(table, row)[index]);
}

/**
 * The value a cell holds when it holds a number: blanks, placeholders (—, /, 无) and text are not
 * readable, and a sum that needs one of them is not known (never guessed as 0).
 */
export function readableValue(cell: Cell): Decimal | undefined {
  return cell.kind === 'number' ? cell.value : undefined;
}

/** How a message says what an unreadable cell holds: `为空`, `为“—”`. */
export function writtenAs(cell: Cell): Localized {
  return cell.kind === 'blank' ? msg('为空', 'is blank') : msg(`为“${cell.raw}”`, `holds “${cell.raw}”`);
}

/** Rows whose cells every relation may read. */
export function placedRows(table: Table): TableRow[] {
  return table.rows.filter((r) => r.def);
}

/** Relations whose cells can be trusted: all of them, or only single-row ones when the table was not fully read. */
export function trustedRelations(table: Table): Relation[] {
  const all = relationsOf(table.def);
  if (!table.unreadable) return all;
  return all.filter((r) => {
    const cells = r.kind === 'sum' ? [r.target, ...r.terms] : [...r.left, ...r.right];
    return cells.every((c) => c.row === cells[0].row);
  });
}

/** A layout's relations by role, for fully read tables (the layout's list does not change: not to be changed by callers). */
const relationsByRole = new WeakMap<Relation[], Map<Relation['role'], Relation[]>>();

/** Trusted relations of a table with one role (`row-total`, `balance`…). */
export function relationsWithRole(table: Table, role: Relation['role']): readonly Relation[] {
  if (table.unreadable) return trustedRelations(table).filter((r) => r.role === role);
  const all = relationsOf(table.def);
  let roles = relationsByRole.get(all);
  if (!roles) relationsByRole.set(all, (roles = new Map()));
  let withRole = roles.get(role);
  if (!withRole) roles.set(role, (withRole = all.filter((r) => r.role === role)));
  return withRole;
}

export function sumValues(values: Decimal[]): Decimal {
  return values.reduce(add, ZERO);
}

/** The row holding a cell of the table. */
export function rowOf(table: Table, rowId: string): TableRow | undefined {
  return table.byRow.get(rowId);
}
