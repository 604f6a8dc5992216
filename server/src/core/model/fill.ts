// What each blank cell of a table should hold: 0 for a count, the computed sum for a derived cell —
// computed only from cells that hold numbers, never from a guess — and whether writing 0 agrees
// with the totals the table writes.
import type { Cell, Table } from './model';
import type { CellRef, Relation, SumRelation } from '../spec/layout/types';
import type { Decimal } from '../base/decimal';
import { ZERO, add, equals } from '../base/decimal';
import { cellOf, placedRows, readableValue, trustedRelations } from './cells';

interface Fill {
  /** Blank cell → the value to write; a derived blank whose terms are not all numbers has none. */
  plan: Map<Cell, Decimal>;
  /** Blank cells that are totals of other cells. */
  derived: Set<Cell>;
  /** The trusted sums whose total is blank, in the layout's order, with that cell. */
  blankSums: { relation: SumRelation; target: Cell }[];
  /** Blank cell → the relations it takes part in (as a term of a sum, or in a balance): built when first asked. */
  partOf: Map<Cell, Relation[]> | undefined;
  /** Derived blank → its sum with every blank count, placeholder and text taken as 0. */
  assumed: Map<Cell, Decimal>;
  /** Relation → whether it holds with every cell that holds no number taken as 0 (asked per blank cell: kept). */
  holdsAssumed: Map<Relation, boolean>;
}

const cache = new WeakMap<Table, Fill>();

/** Blank value cells → the value to write: 0, or for a derived cell the sum of its terms when they all hold numbers. */
export function fillPlan(table: Table): Map<Cell, Decimal> {
  return fillOf(table).plan;
}

/** A blank cell that is the total of other cells. */
export function isDerivedBlank(table: Table, cell: Cell): boolean {
  return fillOf(table).derived.has(cell);
}

/** The trusted sums whose total is the blank cell, in the layout's order (none for any other cell). */
export function blankSumsOf(table: Table, cell: Cell): SumRelation[] {
  const out: SumRelation[] = [];
  for (const s of fillOf(table).blankSums) if (s.target === cell) out.push(s.relation);
  return out;
}

/** Every blank value cell of the table's placed rows, in row order (derived ones included, computable or not). */
export function blankCells(table: Table): Cell[] {
  return placedRows(table).flatMap((row) => row.values.filter((c) => c.kind === 'blank'));
}

function fillOf(table: Table): Fill {
  const cached = cache.get(table);
  if (cached) return cached;
  const plan = new Map<Cell, Decimal>();
  const derived = new Set<Cell>();
  // The sums whose total is blank, with that cell: the only ones the passes below fill.
  const blankSums: { relation: SumRelation; target: Cell }[] = [];
  for (const r of trustedRelations(table)) {
    if (r.kind === 'sum') {
      const target = cellOf(table, r.target.row, r.target.col);
      if (target?.kind === 'blank') {
        derived.add(target);
        blankSums.push({ relation: r, target });
      }
    }
  }
  for (const row of placedRows(table)) {
    for (const cell of row.values) if (cell.kind === 'blank' && !derived.has(cell)) plan.set(cell, ZERO);
  }
  // A blank total is the sum of its terms when every term is a number as written: a blank term or a
  // placeholder (—, 无) would make the sum a guess. (Recompute-all fills totals depth by depth.)
  for (const { relation, target } of blankSums) {
    if (plan.has(target)) continue;
    const sum = sumOf(table, relation.terms, (cell) => readableValue(cell));
    if (sum !== undefined) plan.set(target, sum);
  }
  // What the table says if every cell that holds no number meant 0: derived blanks settle depth by depth.
  const assumed = new Map<Cell, Decimal>();
  const zeroed = (c: Cell): Decimal | undefined => (c.kind === 'number' ? c.value : derived.has(c) ? assumed.get(c) : ZERO);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { relation, target } of blankSums) {
      if (assumed.has(target)) continue;
      const sum = sumOf(table, relation.terms, zeroed);
      if (sum === undefined) continue;
      assumed.set(target, sum);
      changed = true;
    }
  }
  const fill: Fill = { plan, derived, blankSums, partOf: undefined, assumed, holdsAssumed: new Map<Relation, boolean>() };
  cache.set(table, fill);
  return fill;
}

/** The sum of the cells at `refs` as `valueOf` reads them; undefined when a cell is missing or has no value. */
function sumOf(table: Table, refs: readonly CellRef[], valueOf: (cell: Cell) => Decimal | undefined): Decimal | undefined {
  let sum = ZERO;
  for (const ref of refs) {
    const cell = cellOf(table, ref.row, ref.col);
    const value = cell && valueOf(cell);
    if (value === undefined) return undefined;
    sum = add(sum, value);
  }
  return sum;
}

/**
 * What a cell counts for where a blank means "nothing happened": a blank count is 0, a blank total
 * its computed sum (undefined when that cannot be computed); placeholders and text are unknown.
 */
export function cellValue(table: Table, cell: Cell): Decimal | undefined {
  return cell.kind === 'blank' ? fillPlan(table).get(cell) : readableValue(cell);
}

/**
 * What a cell counts for when every cell that holds no number means 0: a number as written; 0 for a
 * blank count, a placeholder or text; for a blank total, the sum of its terms so taken. A relation
 * that holds with these values holds whatever the unreadable cells were meant to be, as long as
 * counts are not negative (they all were 0); one that does not hold is a finding.
 */
export function assumedValue(table: Table, cell: Cell): Decimal {
  if (cell.kind === 'number' && cell.value) return cell.value;
  return cell.kind === 'blank' && isDerivedBlank(table, cell) ? (fillOf(table).assumed.get(cell) ?? ZERO) : ZERO;
}

/**
 * Writing 0 into a blank count agrees with what the table writes: every total it is a term of that
 * holds a written number still adds up, and every balance it is part of still holds, with the other
 * cells that hold no number as 0 — then 0 is the only value the cell can have. When a written total
 * says otherwise (`— | 123 | … | 2670`, or a blank where 2446 belongs), 0 is a guess: not safe.
 */
export function zeroFillAgrees(table: Table, cell: Cell): boolean {
  const fill = fillOf(table);
  for (const r of (fill.partOf ??= partOfMap(table)).get(cell) ?? []) {
    let holds = fill.holdsAssumed.get(r);
    if (holds === undefined) {
      holds = holdsAssumed(table, r);
      fill.holdsAssumed.set(r, holds);
    }
    if (!holds) return false;
  }
  return true;
}

/** Blank cell → the trusted relations it takes part in (as a term of a sum, or in a balance), in their order. */
function partOfMap(table: Table): Map<Cell, Relation[]> {
  const partOf = new Map<Cell, Relation[]>();
  for (const r of trustedRelations(table)) {
    if (r.kind === 'sum') {
      for (const t of r.terms) notePart(partOf, cellOf(table, t.row, t.col), r);
    } else {
      for (const c of r.left) notePart(partOf, cellOf(table, c.row, c.col), r);
      for (const c of r.right) notePart(partOf, cellOf(table, c.row, c.col), r);
    }
  }
  return partOf;
}

function notePart(partOf: Map<Cell, Relation[]>, cell: Cell | undefined, relation: Relation): void {
  if (cell === undefined || cell.kind !== 'blank') return;
  const list = partOf.get(cell);
  if (list) list.push(relation);
  else partOf.set(cell, [relation]);
}

/** A relation holds with every cell that holds no number as 0; a sum with no written total holds. */
function holdsAssumed(table: Table, r: Relation): boolean {
  const assumed = (cell: Cell) => assumedValue(table, cell);
  if (r.kind === 'sum') {
    const target = cellOf(table, r.target.row, r.target.col);
    if (target?.kind !== 'number' || !target.value) return true; // nothing written to contradict
    const terms = sumOf(table, r.terms, assumed);
    return terms !== undefined && equals(terms, target.value);
  }
  const left = sumOf(table, r.left, assumed);
  const right = sumOf(table, r.right, assumed);
  return left !== undefined && right !== undefined && equals(left, right);
}
