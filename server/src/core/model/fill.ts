// What each blank cell of a table should hold: 0 for a count, the computed sum for a derived cell —
// computed only from cells that hold numbers, never from a guess — and whether writing 0 agrees
// with the totals the table writes.
import type { Cell, Table } from './model';
import type { CellRef, Relation, SumRelation } from '../spec/layout/types';
import type { Decimal } from '../base/decimal';
import { ZERO, add, equals } from '../base/decimal';
import { cellOf, placedRows, readableValue, trustedRelations } from './cells';

/** What is worked out once per table: see the fields. A class, not a literal: one shape for every table. */
class Fill {
  /** Blank cell → the value to write; a derived blank whose terms are not all numbers has none. */
  readonly plan = new Map<Cell, Decimal>();
  /** Blank cells that are totals of other cells. */
  readonly derived = new Set<Cell>();
  /** The trusted sums whose total is blank, in the layout's order, and that cell (same position in `blankTargets`). */
  readonly blankSums: SumRelation[] = [];
  readonly blankTargets: Cell[] = [];
  /** Blank cell → the relations it takes part in (as a term of a sum, or in a balance): built when first asked. */
  partOf: Map<Cell, Relation[]> | undefined = undefined;
  /** Derived blank → its sum with every blank count, placeholder and text taken as 0. */
  readonly assumed = new Map<Cell, Decimal>();
  /** Relation → whether it holds with every cell that holds no number taken as 0 (asked per blank cell: kept). */
  readonly holdsAssumed = new Map<Relation, boolean>();
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
  const { blankSums, blankTargets } = fillOf(table);
  const out: SumRelation[] = [];
  for (let i = 0; i < blankTargets.length; i++) if (blankTargets[i] === cell) out.push(blankSums[i]);
  return out;
}

/** Every blank value cell of the table's placed rows, in row order (derived ones included, computable or not). */
export function blankCells(table: Table): Cell[] {
  const out: Cell[] = [];
  const rows = placedRows(table);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r].values;
    for (let i = 0; i < values.length; i++) if (values[i].kind === 'blank') out.push(values[i]);
  }
  return out;
}

function fillOf(table: Table): Fill {
  const cached = cache.get(table);
  if (cached) return cached;
  const fill = new Fill();
  const { plan, derived, blankSums, blankTargets, assumed } = fill;
  // The sums whose total is blank, with that cell: the only ones the passes below fill.
  const relations = trustedRelations(table);
  for (let i = 0; i < relations.length; i++) {
    const r = relations[i];
    if (r.kind !== 'sum') continue;
    const target = cellOf(table, r.target.row, r.target.col);
    if (target?.kind === 'blank') {
      derived.add(target);
      blankSums.push(r);
      blankTargets.push(target);
    }
  }
  const rows = placedRows(table);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r].values;
    for (let i = 0; i < values.length; i++) if (values[i].kind === 'blank' && !derived.has(values[i])) plan.set(values[i], ZERO);
  }
  // A blank total is the sum of its terms when every term is a number as written: a blank term or a
  // placeholder (—, 无) would make the sum a guess. (Recompute-all fills totals depth by depth.)
  for (let i = 0; i < blankSums.length; i++) {
    if (plan.has(blankTargets[i])) continue;
    const sum = sumCells(table, blankSums[i].terms, readableValue, undefined);
    if (sum !== undefined) plan.set(blankTargets[i], sum);
  }
  // What the table says if every cell that holds no number meant 0: derived blanks settle depth by depth.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < blankSums.length; i++) {
      if (assumed.has(blankTargets[i])) continue;
      const sum = sumCells(table, blankSums[i].terms, settlingValue, fill);
      if (sum === undefined) continue;
      assumed.set(blankTargets[i], sum);
      changed = true;
    }
  }
  cache.set(table, fill);
  return fill;
}

/**
 * The sum of the cells at `refs` as `valueOf` reads each (handed `context`); undefined when a cell is
 * missing or has no value. The readers are module functions, not closures made per call.
 */
function sumCells<C>(table: Table, refs: readonly CellRef[], valueOf: (cell: Cell, context: C) => Decimal | undefined, context: C): Decimal | undefined {
  let sum = ZERO;
  for (let i = 0; i < refs.length; i++) {
    const cell = cellOf(table, refs[i].row, refs[i].col);
    const value = cell && valueOf(cell, context);
    if (value === undefined) return undefined;
    sum = add(sum, value);
  }
  return sum;
}

/** A cell as zeroedValue reads it while the derived blanks are still settling (one not settled yet: no value). */
const settlingValue = (cell: Cell, fill: Fill): Decimal | undefined => zeroedValue(fill, cell, undefined);

function zeroedValue(fill: Fill, cell: Cell, unsettled: Decimal | undefined): Decimal | undefined {
  if (cell.kind === 'number') return cell.value ?? unsettled;
  return fill.derived.has(cell) ? (fill.assumed.get(cell) ?? unsettled) : ZERO;
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
  return cell.kind === 'blank' ? zeroedValue(fillOf(table), cell, ZERO)! : ZERO;
}

/** The sum of the cells at `refs` with every cell that holds no number as 0 (see assumedValue); undefined when a cell is missing. */
export function assumedSum(table: Table, refs: readonly CellRef[]): Decimal | undefined {
  return sumCells(table, refs, assumedIn, table);
}

const assumedIn = (cell: Cell, table: Table): Decimal => assumedValue(table, cell);

/**
 * Writing 0 into a blank count agrees with what the table writes: every total it is a term of that
 * holds a written number still adds up, and every balance it is part of still holds, with the other
 * cells that hold no number as 0 — then 0 is the only value the cell can have. When a written total
 * says otherwise (`— | 123 | … | 2670`, or a blank where 2446 belongs), 0 is a guess: not safe.
 */
export function zeroFillAgrees(table: Table, cell: Cell): boolean {
  const fill = fillOf(table);
  const relations = (fill.partOf ??= partOfMap(table)).get(cell);
  if (relations === undefined) return true;
  for (let i = 0; i < relations.length; i++) {
    let holds = fill.holdsAssumed.get(relations[i]);
    if (holds === undefined) {
      holds = holdsAssumed(table, relations[i]);
      fill.holdsAssumed.set(relations[i], holds);
    }
    if (!holds) return false;
  }
  return true;
}

/** Blank cell → the trusted relations it takes part in (as a term of a sum, or in a balance), in their order. */
function partOfMap(table: Table): Map<Cell, Relation[]> {
  const partOf = new Map<Cell, Relation[]>();
  const relations = trustedRelations(table);
  for (let i = 0; i < relations.length; i++) {
    const r = relations[i];
    if (r.kind === 'sum') notePart(partOf, table, r.terms, r);
    else {
      notePart(partOf, table, r.left, r);
      notePart(partOf, table, r.right, r);
    }
  }
  return partOf;
}

/** Notes the relation for each blank cell at `refs`. */
function notePart(partOf: Map<Cell, Relation[]>, table: Table, refs: readonly CellRef[], relation: Relation): void {
  for (let i = 0; i < refs.length; i++) {
    const cell = cellOf(table, refs[i].row, refs[i].col);
    if (cell === undefined || cell.kind !== 'blank') continue;
    const list = partOf.get(cell);
    if (list) list.push(relation);
    else partOf.set(cell, Array.of(relation)); // not a literal: its allocation site, once pretenured, deoptimised this function
  }
}

/** A relation holds with every cell that holds no number as 0; a sum with no written total holds. */
function holdsAssumed(table: Table, r: Relation): boolean {
  if (r.kind === 'sum') {
    const target = cellOf(table, r.target.row, r.target.col);
    if (target?.kind !== 'number' || !target.value) return true; // nothing written to contradict
    const terms = assumedSum(table, r.terms);
    return terms !== undefined && equals(terms, target.value);
  }
  const left = assumedSum(table, r.left);
  const right = assumedSum(table, r.right);
  return left !== undefined && right !== undefined && equals(left, right);
}
