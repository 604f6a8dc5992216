import type { Rule } from './types';
import { msg } from '../base/i18n';
import { columnsOf, setCellEdit } from '../model/cells';

/** A count cell holds text (`—`, `/`, `无`, `十二`). */
export const cellNotNumber: Rule = {
  meta: {
    id: 'GK205',
    name: 'cell-not-number',
    group: 'T',
    defaultSeverity: 'error',
    description: msg('数值单元格中填写了文字（如“—”“/”“无”“十二”）。', 'A count cell holds text (—, /, 无, 十二).'),
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        const columns = columnsOf(table, row);
        row.values.forEach((cell, i) => {
          if (cell.kind !== 'text' && cell.kind !== 'placeholder') return;
          const where = `${row.def?.label || table.def.title['zh-cn']} / ${columns[i]?.label ?? ''}`;
          ctx.emit({
            span: cell.contentSpan,
            message: msg(`“${where}”应填数字，实际为“${cell.raw}”`, `“${where}” must be a number, found “${cell.raw}”`),
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
};
