import { defineRule } from './types';
import type { TableKind } from '../spec/layout/types';
import { msg } from '../base/i18n';
import { columnsOf, rowName } from '../model/cells';

declare module './types' {
  interface RuleData {
    GK206: { table: TableKind; row?: string; expected: number; actual: number };
  }
}

/** A row has more or fewer value cells than its table has columns; its totals are not checked. */
export default defineRule({
  meta: {
    id: 'GK206',
    name: 'cell-count',
    group: 'T',
    defaultSeverity: 'error',
    description: msg('某行的数值单元格个数与表格列数不符。', 'A row has more or fewer value cells than the table has columns.'),
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        if (!row.countMismatch) continue;
        const expected = columnsOf(table, row).length;
        const actual = row.values.length + row.extraCells.length;
        const name = rowName(table, row);
        ctx.emit({
          span: row.span,
          message: msg(
            `“${name['zh-cn']}”行应有 ${expected} 个数值单元格，实际为 ${actual} 个；该行未参与合计核对`,
            `Row “${name.en}” should have ${expected} value cells, found ${actual}; its totals were not checked`,
          ),
          related: row.extraCells.map((c) => ({ span: c.contentSpan, message: msg('多出的单元格', 'extra cell') })),
          data: { table: table.kind, row: row.def?.id, expected, actual },
        });
      }
    }
  },
});
