import type { TextEdit } from '../base/types';
import type { Fix } from './types';
import { defineRule } from './types';
import type { TableKind } from '../spec/layout/types';
import type { Cell, Table, TableRow } from '../model/model';
import { msg } from '../base/i18n';
import { toString } from '../base/decimal';
import { assumedValue, fillPlan, isDerivedBlank, zeroFillAgrees } from '../model/fill';
import { cellNameAt, columnsOf } from '../model/cells';
import { setCellEdit } from '../model/edits';
import { unreadableTerms } from './sums';

declare module './types' {
  interface RuleData {
    /** `value`: what the fix writes; absent for a blank total whose terms are not all numbers. */
    GK204: { table: TableKind; row: string; col: string; value?: string; derived: boolean };
  }
}

function rowEdits(table: Table, row: TableRow): TextEdit[] {
  const plan = fillPlan(table);
  return row.values.filter((c) => plan.has(c)).map((c) => setCellEdit(row, c, toString(plan.get(c)!)));
}

/** The row has a blank value cell that must hold a number (a loop: no array of its blanks). */
function hasBlank(row: TableRow): boolean {
  if (!row.def) return false;
  for (const c of row.values) if (c.kind === 'blank') return true;
  return false;
}

/**
 * A cell that must hold a number is blank. A blank count is filled with 0 — automatically only when
 * 0 agrees with the totals the table writes; a blank total with its sum — only when every term is a
 * number as written.
 */
export default defineRule({
  meta: {
    id: 'GK204',
    name: 'cell-empty',
    group: 'T',
    defaultSeverity: 'warning',
    description: msg('应填数字的单元格为空（没有发生的事项应填 0）。', 'A cell that must hold a number is blank (write 0 when nothing happened).'),
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      const rows = table.rows.filter(hasBlank);
      if (rows.length === 0) continue;
      const plan = fillPlan(table);
      let tableEdits: TextEdit[] | undefined;
      for (const row of rows) {
        let edits: TextEdit[] | undefined;
        const columns = columnsOf(table, row);
        row.values.forEach((cell, i) => {
          if (cell.kind !== 'blank') return;
          const value = plan.get(cell);
          const text = value === undefined ? undefined : toString(value);
          const derived = isDerivedBlank(table, cell);
          const where = cellNameAt(table, row, i);
          const fixes = (): Fix[] => {
            const out: Fix[] = [];
            if (text !== undefined) {
              out.push({
                id: derived ? 'fill-computed' : 'fill-zero',
                title: derived ? msg(`填入计算值 ${text}`, `Fill in the computed value ${text}`) : msg('填入 0', 'Fill in 0'),
                edits: [setCellEdit(row, cell, text)],
                safe: derived || zeroFillAgrees(table, cell),
                preferred: true,
                ...(derived ? { total: { table: table.kind, row: row.def!.id, col: columns[i].id } } : {}),
              });
            }
            edits ??= rowEdits(table, row);
            tableEdits ??= rows.flatMap((r) => rowEdits(table, r));
            if (edits.length > 0) out.push({ id: 'fill-zero-row', title: msg('本行空白单元格全部填入数值', 'Fill every blank cell of this row'), edits, safe: false });
            if (tableEdits.length > 0) out.push({ id: 'fill-zero-table', title: msg('本表空白单元格全部填入数值', 'Fill every blank cell of this table'), edits: tableEdits, safe: false });
            return out;
          };
          ctx.emit({
            span: cell.span,
            message: message(table, cell, where, text, derived),
            fixes,
            data: { table: table.kind, row: row.def!.id, col: columns[i].id, value: text, derived },
          });
        });
      }
    }
  },
});

function message(table: Table, cell: Cell, where: { 'zh-cn': string; en: string }, text: string | undefined, derived: boolean) {
  if (derived && text !== undefined) return msg(`“${where['zh-cn']}”为空，按各项之和应为 ${text}`, `“${where.en}” is blank; its sum is ${text}`);
  if (derived) {
    // The sum would need a cell that holds no number: say which, and write nothing. When they are
    // all blank, the sum with blanks as 0 is said as what it is, a sum under that reading.
    const { list, allBlank } = unreadableTerms(table, cell);
    if (allBlank) {
      const sum = toString(assumedValue(table, cell));
      return msg(
        `“${where['zh-cn']}”为空；${list['zh-cn']}，空白按 0 计时各项之和为 ${sum}，请先填写空白的项`,
        `“${where.en}” is blank; ${list.en}: counting blanks as 0 its sum is ${sum}; fill in the blank terms first`,
      );
    }
    return msg(`“${where['zh-cn']}”为空；${list['zh-cn']}，无法计算应填的合计`, `“${where.en}” is blank; ${list.en}, so its sum cannot be computed`);
  }
  if (zeroFillAgrees(table, cell)) return msg(`“${where['zh-cn']}”为空，没有发生的事项应填 0`, `“${where.en}” is blank; write 0 when nothing happened`);
  return msg(
    `“${where['zh-cn']}”为空；填 0 与表中所写的合计不符，请核实应填的数字`,
    `“${where.en}” is blank; 0 would not agree with the totals the table writes: check what belongs here`,
  );
}
