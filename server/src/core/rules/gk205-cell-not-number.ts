import { defineRule } from './types';
import type { TableKind } from '../spec/layout/types';
import { msg } from '../base/i18n';
import { cellNameAt } from '../model/cells';
import { setCellEdit } from '../model/edits';

declare module './types' {
  interface RuleData {
    GK205: { table: TableKind; row?: string; written: string };
  }
}

/** A count cell holds text (`—`, `/`, `无`, `十二`). */
export default defineRule({
  meta: {
    id: 'GK205',
    name: 'cell-not-number',
    group: 'T',
    defaultSeverity: 'error',
    description: msg('数值单元格中填写了文字（如“—”“/”“无”“十二”）。', 'A count cell holds text (—, /, 无, 十二).'),
    example: { from: '规章 | 0 | 0 | 0 |', to: '规章 | 0 | 无 | 0 |' },
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        row.values.forEach((cell, i) => {
          if (cell.kind !== 'text' && cell.kind !== 'placeholder') return;
          const where = cellNameAt(table, row, i);
          ctx.emit({
            span: cell.contentSpan,
            message: msg(`“${where['zh-cn']}”应填数字，实际为“${cell.raw}”`, `“${where.en}” must be a number, found “${cell.raw}”`),
            fixes:
              cell.kind === 'placeholder'
                ? [{ id: 'placeholder-to-zero', title: msg(`将“${cell.raw}”改为 0`, `Replace “${cell.raw}” with 0`), edits: [setCellEdit(row, cell, '0')], safe: false }]
                : [],
            data: { table: table.kind, row: row.def?.id, written: cell.raw },
          });
        });
      }
    }
  },
});
