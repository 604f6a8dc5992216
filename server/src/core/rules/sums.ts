// The check every totals rule shares: a derived cell must equal the sum of its terms (exact decimals).
// A sum is known only when every term holds a number as written: a blank, a placeholder (—, /, 无) or
// text is never counted as 0 behind the user's back. Then the finding says which cell it could not
// read, and offers no fix: the written total may be the only figure the missing one can be recovered from.
import type { Localized } from '../base/types';
import type { RuleContext } from './types';
import type { CellRef, ColumnDef, SumRelation, SumRole, TableKind } from '../spec/layout/types';
import type { Cell, Table } from '../model/model';
import { msg } from '../base/i18n';
import { type Decimal, compare, equals, toString } from '../base/decimal';
import { assumedSum, blankSumsOf, cellValue, isDerivedBlank } from '../model/fill';
import { cellName, cellOf, columnsOf, readableValue, relationsWithRole, rowName, rowOf, sumValues, writtenAs } from '../model/cells';
import { setCellEdit } from '../model/edits';

const MAX_TERMS_SHOWN = 8;
/** Unreadable cells a message names one by one; more are counted. */
const MAX_NAMED = 3;

/** What a totals finding carries: the derived cell, its sum and what it holds. */
export interface SumFindingData {
  table: TableKind;
  row: string;
  col: string;
  /** The sum of the terms; absent when a term holds no number. */
  expected?: string;
  actual: string;
  /** The terms that hold no number (`row/col`), when there are any. */
  unreadable?: string[];
}

/**
 * How a message names the checked cell: by its column's name (`总计`, `行政复议总计`: the row is where
 * the squiggle is) or by row and column (`（七）总计 / 自然人`).
 */
export type TargetNaming = 'column' | 'cell';

/** A column's name, with its group when another column of the row has the same label (表四's three 结果维持). */
function columnName(table: Table, columns: ColumnDef[], column: ColumnDef): Localized {
  if (column.name) return column.name;
  const twin = columns.some((c) => c !== column && c.label === column.label);
  const group = twin ? table.def.columnGroups.find((g) => g.id === column.group) : undefined;
  return msg(`${group?.label ?? ''}${column.label}`, column.en);
}

function targetName(table: Table, relation: SumRelation, naming: TargetNaming): Localized {
  const row = rowOf(table, relation.target.row);
  const columns = row ? columnsOf(table, row) : [];
  const column = columns.find((c) => c.id === relation.target.col);
  if (naming === 'column' && column) return columnName(table, columns, column);
  return cellName(table, relation.target.row, relation.target.col);
}

/** A term by what tells it from the other terms: its column in a row sum, its row in a column sum. */
function termName(table: Table, relation: SumRelation, term: CellRef): Localized {
  const row = rowOf(table, term.row);
  if (row && relation.terms.every((t) => t.row === term.row)) {
    const columns = columnsOf(table, row);
    const column = columns.find((c) => c.id === term.col);
    if (column) return columnName(table, columns, column);
  }
  if (row && relation.terms.every((t) => t.col === term.col)) return rowName(table, row);
  return cellName(table, term.row, term.col);
}

/** `“自然人”为“—”、“科研机构”为空`, and `等 5 项` past the first few. */
function listUnreadable(table: Table, relation: SumRelation, unreadable: { ref: CellRef; cell: Cell }[]): Localized {
  const named = unreadable.slice(0, MAX_NAMED).map(({ ref, cell }) => {
    const name = termName(table, relation, ref);
    const how = writtenAs(cell);
    return msg(`“${name['zh-cn']}”${how['zh-cn']}`, `“${name.en}” ${how.en}`);
  });
  const more = unreadable.length - named.length;
  return msg(
    named.map((n) => n['zh-cn']).join('、') + (more > 0 ? ` 等 ${unreadable.length} 项没有数字` : ''),
    named.map((n) => n.en).join(', ') + (more > 0 ? ` and ${more} more cells hold no number` : ''),
  );
}

/**
 * Why the blank derived cell `target` has no computed value: the terms of its first sum that hold no
 * number, named as in a totals message, and whether they are all blank (then the sum with blanks as 0
 * may be said, as what it is).
 */
export function unreadableTerms(table: Table, target: Cell): { list: Localized; allBlank: boolean } {
  // The sums whose total is this blank, as fill found them (not a search of every relation of the table).
  for (const relation of blankSumsOf(table, target)) {
    const missing = relation.terms.flatMap((ref) => {
      const cell = cellOf(table, ref.row, ref.col);
      return cell && cell.kind !== 'number' ? [{ ref, cell }] : [];
    });
    if (missing.length > 0) return { list: listUnreadable(table, relation, missing), allBlank: missing.every(({ cell }) => cell.kind === 'blank') };
  }
  return { list: msg('有的项不是数字', 'some of its terms hold no number'), allBlank: false };
}

export function checkSums(ctx: RuleContext<SumFindingData>, role: SumRole, naming: TargetNaming): void {
  const tables = ctx.model.tables;
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t];
    const relations = relationsWithRole(table, role);
    for (let r = 0; r < relations.length; r++) {
      const relation = relations[r];
      if (relation.kind !== 'sum') continue;
      const target = cellOf(table, relation.target.row, relation.target.col);
      if (!target || target.kind !== 'number' || !target.value) continue;
      // Taking every cell that holds no number as 0, the total holds: then they can only be 0 (counts
      // are never negative), and GK204/GK205 say what to write in them. Most totals hold: asked first,
      // in one sum over the terms (no arrays of cells for a total that holds).
      const assumed = assumedSum(table, relation.terms);
      if (assumed === undefined || equals(assumed, target.value)) continue;
      reportSum(ctx, table, relation, target, target.value, naming);
    }
  }
}

/**
 * The finding for a total that does not hold (rare: kept out of the loop above, so that its optimised
 * code stays small).
 */
function reportSum(ctx: RuleContext<SumFindingData>, table: Table, relation: SumRelation, target: Cell, value: Decimal, naming: TargetNaming): void {
  const cells = relation.terms.map((t) => cellOf(table, t.row, t.col)!);
  // A blank total among the terms counts as its sum when that is computed from numbers; any other
  // blank, a placeholder or text is unreadable.
  const known = cells.map((c) => (c.kind === 'blank' && isDerivedBlank(table, c) ? cellValue(table, c) : readableValue(c)));
  const unreadable = relation.terms.flatMap((ref, i) => (known[i] === undefined ? [{ ref, cell: cells[i] }] : []));
  const readable = known.filter((v): v is Decimal => v !== undefined);
  const sum = sumValues(readable);
  const n = targetName(table, relation, naming);
  const act = toString(value);
  const row = rowOf(table, relation.target.row)!;
  const related = relation.terms.map((t, i) => ({ span: cells[i].contentSpan, message: cellName(table, t.row, t.col) }));
  const formula = readable.length <= MAX_TERMS_SHOWN ? readable.map((v) => toString(v)).join('+') : undefined;
  if (unreadable.length > 0) {
    // The written total stands: no guessed sum is presented, and nothing is offered to overwrite it.
    const list = listUnreadable(table, relation, unreadable);
    const others = readable.length;
    const over = compare(sum, value) > 0;
    const rest =
      others === 0
        ? msg('', '')
        : msg(
            `；其余 ${others} 项之和为 ${toString(sum)}${formula && others > 1 ? `（${formula}）` : ''}${over ? `，已超过${n['zh-cn']}` : ''}`,
            `; the other ${others} add up to ${toString(sum)}${formula && others > 1 ? ` (${formula})` : ''}${over ? `, more than ${n.en}` : ''}`,
          );
    ctx.emit({
      span: target.contentSpan,
      message: msg(
        `${n['zh-cn']}为 ${act}，无法核对：${list['zh-cn']}${rest['zh-cn']}`,
        `${n.en} is ${act} and cannot be verified: ${list.en}${rest.en}`,
      ),
      related,
      fixes: [],
      data: { table: table.kind, row: relation.target.row, col: relation.target.col, actual: act, unreadable: unreadable.map(({ ref }) => `${ref.row}/${ref.col}`) },
    });
    return;
  }
  const exp = toString(sum);
  // The total is set only from terms that are all numbers as written; a blank total among them is
  // filled first (GK204), and the next check offers this fix.
  const blankTotals = cells.some((c) => c.kind !== 'number');
  ctx.emit({
    span: target.contentSpan,
    message: msg(
      `${n['zh-cn']}应为 ${exp}（${formula ?? `${readable.length} 项之和`}），实际为 ${act}${blankTotals ? '；其中有按各项计算的空白合计，请先填写' : ''}`,
      `${n.en} should be ${exp} (${formula ?? `sum of ${readable.length} cells`}), found ${act}${blankTotals ? '; some terms are blank totals counted as their sums: fill them in first' : ''}`,
    ),
    related,
    fixes: blankTotals
      ? []
      : [
          {
            id: 'set-total',
            title: msg(`将${n['zh-cn']}改为 ${exp}`, `Set ${n.en} to ${exp}`),
            edits: [setCellEdit(row, target, exp)],
            safe: true,
            preferred: true,
            total: { table: table.kind, row: relation.target.row, col: relation.target.col },
          },
        ],
    data: { table: table.kind, row: relation.target.row, col: relation.target.col, expected: exp, actual: act },
  });
}
