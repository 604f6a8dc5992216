import { type RuleContext, type RuleData, defineRule } from './types';
import type { BalanceRelation, TableKind } from '../spec/layout/types';
import type { Cell, Table } from '../model/model';
import { msg } from '../base/i18n';
import { type Decimal, compare, equals, sub, toString, ZERO } from '../base/decimal';
import { cellName, cellOf, columnsOf, relationsWithRole, rowOf, writtenAs } from '../model/cells';
import { setCellEdit } from '../model/edits';
import { assumedSum, cellValue, isDerivedBlank } from '../model/fill';

declare module './types' {
  interface RuleData {
    GK303: { table: TableKind; col: string; left: string; right: string };
  }
}

/** Table 三 per column: 一、新收 + 二、上年结转 = （七）总计 + 四、结转下年度 (the table's own 勾稽关系 note). */
export default defineRule({
  meta: {
    id: 'GK303',
    name: 'balance',
    group: 'N',
    defaultSeverity: 'error',
    relation: 'balance',
    description: msg(
      '表三每列：一、本年新收 + 二、上年结转 应等于 三、（七）总计 + 四、结转下年度继续办理。',
      'Table 3, per column: new + carried over must equal (7) total + carried forward.',
    ),
    example: { from: '四、结转下年继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', to: '四、结转下年继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |' },
  },
  check(ctx) {
    const tables = ctx.model.tables;
    for (let t = 0; t < tables.length; t++) {
      const table = tables[t];
      const relations = relationsWithRole(table, 'balance');
      for (let i = 0; i < relations.length; i++) {
        const relation = relations[i];
        if (relation.kind !== 'balance') continue;
        // 0 for every cell that holds no number decides whether the column balances anyway (most do:
        // asked first, without arrays of cells).
        const l = assumedSum(table, relation.left);
        const r = l && assumedSum(table, relation.right);
        if (!l || !r) continue;
        const target = cellOf(table, relation.solveFor.row, relation.solveFor.col)!;
        if (target.kind === 'blank') continue; // GK204 reports it
        if (!equals(l, r)) report(ctx, table, relation, target, l, r);
      }
    }
  },
});

/** The finding for a column that does not balance (rare: kept out of the loop, so that its optimised code stays small). */
function report(ctx: RuleContext<RuleData['GK303']>, table: Table, relation: BalanceRelation, target: Cell, l: Decimal, r: Decimal): void {
  const refs = [...relation.left, ...relation.right];
  const cells = refs.map((c) => cellOf(table, c.row, c.col)!);
  // A blank total counts as its sum when that is computed from numbers; a blank count, —, 无 and
  // text are not read as anything.
  const known = cells.map((c) => (c.kind === 'blank' && !isDerivedBlank(table, c) ? undefined : cellValue(table, c)));
  const values = known.map((v) => v ?? ZERO);
  const solveRow = rowOf(table, relation.solveFor.row)!;
  const column = columnsOf(table, solveRow).find((c) => c.id === relation.solveFor.col);
  const related = refs.map((c, i) => ({ span: cells[i].contentSpan, message: cellName(table, c.row, c.col) }));
  const data = { table: table.kind, col: relation.solveFor.col, left: toString(l), right: toString(r) };
  const unknown = refs.flatMap((ref, i) => (known[i] === undefined ? [{ ref, cell: cells[i] }] : []));
  if (unknown.length > 0) {
    const names = unknown.map(({ ref, cell }) => {
      const name = cellName(table, ref.row, ref.col);
      const how = writtenAs(cell);
      return msg(`“${name['zh-cn']}”${how['zh-cn']}`, `“${name.en}” ${how.en}`);
    });
    ctx.emit({
      span: target.contentSpan,
      message: msg(
        `“${column?.label ?? ''}”列勾稽关系无法核对：${names.map((n) => n['zh-cn']).join('、')}`,
        `The balance of column “${column?.en ?? ''}” cannot be checked: ${names.map((n) => n.en).join(', ')}`,
      ),
      related,
      fixes: [],
      data: { table: table.kind, col: relation.solveFor.col, left: '', right: '' },
    });
    return;
  }
  const show = (i: number) => toString(values[i]);
  const zh = `“${column?.label ?? ''}”列勾稽关系不成立：一+二 = ${show(0)}+${show(1)} = ${toString(l)}，（七）+四 = ${show(2)}+${show(3)} = ${toString(r)}`;
  const en = `Column “${column?.en ?? ''}” does not balance: new + carried = ${show(0)}+${show(1)} = ${toString(l)}, (7) total + forward = ${show(2)}+${show(3)} = ${toString(r)}`;
  const solved = sub(l, values[2]);
  const fixes =
    compare(solved, ZERO) >= 0
      ? [
          {
            id: 'set-carried-forward',
            title: msg(`将“结转下年度继续办理”改为 ${toString(solved)}`, `Set “carried forward” to ${toString(solved)}`),
            edits: [setCellEdit(solveRow, target, toString(solved))],
            safe: false,
            total: { table: table.kind, row: relation.solveFor.row, col: relation.solveFor.col },
          },
        ]
      : [];
  ctx.emit({ span: target.contentSpan, message: msg(zh, en), related, fixes, data });
}
