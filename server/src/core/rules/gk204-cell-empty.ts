import type { TextEdit } from '../base/types';
import type { Fix } from './types';
import { defineRule } from './types';
import type { TableKind } from '../spec/layout/types';
import type { Table, TableRow } from '../model/model';
import { msg } from '../base/i18n';
import { toString } from '../base/decimal';
import { fillPlan, isDerivedBlank } from '../model/fill';
import { cellNameAt, columnsOf } from '../model/cells';
import { setCellEdit } from '../model/edits';

declare module './types' {
  interface RuleData {
    GK204: { table: TableKind; row: string; col: string; value: string; derived: boolean };
  }
}

function rowEdits(table: Table, row: TableRow): TextEdit[] {
  const plan = fillPlan(table);
  return row.values.filter((c) => plan.has(c)).map((c) => setCellEdit(row, c, toString(plan.get(c)!)));
}

/** A cell that must hold a number is blank. */
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
      const plan = fillPlan(table);
      const rows = table.rows.filter((r) => r.def && r.values.some((c) => plan.has(c)));
      if (rows.length === 0) continue;
      const tableEdits = rows.flatMap((r) => rowEdits(table, r));
      for (const row of rows) {
        const edits = rowEdits(table, row);
        const columns = columnsOf(table, row);
        row.values.forEach((cell, i) => {
          const value = plan.get(cell);
          if (value === undefined) return;
          const text = toString(value);
          const derived = isDerivedBlank(table, cell);
          const where = cellNameAt(table, row, i);
          const fixes: Fix[] = [
            {
              id: derived ? 'fill-computed' : 'fill-zero',
              title: derived ? msg(`填入计算值 ${text}`, `Fill in the computed value ${text}`) : msg('填入 0', 'Fill in 0'),
              edits: [setCellEdit(row, cell, text)],
              safe: true,
              preferred: true,
              ...(derived ? { total: { table: table.kind, row: row.def!.id, col: columns[i].id } } : {}),
            },
            { id: 'fill-zero-row', title: msg('本行空白单元格全部填入数值', 'Fill every blank cell of this row'), edits, safe: false },
            { id: 'fill-zero-table', title: msg('本表空白单元格全部填入数值', 'Fill every blank cell of this table'), edits: tableEdits, safe: false },
          ];
          ctx.emit({
            span: cell.span,
            message: derived
              ? msg(`“${where['zh-cn']}”为空，按各项之和应为 ${text}`, `“${where.en}” is blank; its sum is ${text}`)
              : msg(`“${where['zh-cn']}”为空，没有发生的事项应填 0`, `“${where.en}” is blank; write 0 when nothing happened`),
            fixes,
            data: { table: table.kind, row: row.def!.id, col: columns[i].id, value: text, derived },
          });
        });
      }
    }
  },
});
