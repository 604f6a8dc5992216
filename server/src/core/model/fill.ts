// What each blank cell of a table should hold: 0 for a count, the computed sum for a derived cell.
import type { Cell, Table } from './model';
import type { Decimal } from '../base/decimal';
import { ZERO } from '../base/decimal';
import { cellOf, placedRows, sumValues, termValue, trustedRelations } from './cells';

interface Fill {
  /** Blank cell → the value to write. */
  plan: Map<Cell, Decimal>;
  /** Blank cells that are totals of other cells. */
  derived: Set<Cell>;
}

const cache = new WeakMap<Table, Fill>();

/** Blank value cells → the value to write, derived cells computed in dependency order. */
export function fillPlan(table: Table): Map<Cell, Decimal> {
  return fillOf(table).plan;
}

/** A blank cell that is the total of other cells. */
export function isDerivedBlank(table: Table, cell: Cell): boolean {
  return fillOf(table).derived.has(cell);
}

function fillOf(table: Table): Fill {
  const cached = cache.get(table);
  if (cached) return cached;
  const plan = new Map<Cell, Decimal>();
  const sums = trustedRelations(table).filter((r) => r.kind === 'sum');
  const derived = new Set<Cell>();
  for (const r of sums) {
    if (r.kind !== 'sum') continue;
    const target = cellOf(table, r.target.row, r.target.col);
    if (target?.kind === 'blank') derived.add(target);
  }
  for (const row of placedRows(table)) {
    for (const cell of row.values) if (cell.kind === 'blank' && !derived.has(cell)) plan.set(cell, ZERO);
  }
  const known = (cell: Cell | undefined): Decimal | undefined =>
    cell === undefined ? undefined : cell.kind === 'blank' ? plan.get(cell) : termValue(cell);
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of sums) {
      if (r.kind !== 'sum') continue;
      const target = cellOf(table, r.target.row, r.target.col);
      if (!target || !derived.has(target) || plan.has(target)) continue;
      const values = r.terms.map((t) => known(cellOf(table, t.row, t.col)));
      if (values.some((v) => v === undefined)) continue;
      plan.set(target, sumValues(values as Decimal[]));
      changed = true;
    }
  }
  for (const cell of derived) if (!plan.has(cell)) plan.set(cell, ZERO);
  const fill = { plan, derived };
  cache.set(table, fill);
  return fill;
}

/** What a cell counts for in a check: a blank counts as what it should hold (0, or its computed sum). */
export function cellValue(table: Table, cell: Cell): Decimal | undefined {
  return cell.kind === 'blank' ? fillPlan(table).get(cell) ?? ZERO : termValue(cell);
}
