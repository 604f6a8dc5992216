import { defineRule } from './types';
import type { TableKind } from '../spec/layout/types';
import { msg } from '../base/i18n';
import { blankRow } from '../spec/templates';
import { writable } from '../model/edits';
import { insertLinesAfter, insertLinesBefore } from '../model/edits';

declare module './types' {
  interface RuleData {
    GK202: { table: TableKind; row: string };
  }
}

/** Every standard row of a readable table must be present. */
export default defineRule({
  meta: {
    id: 'GK202',
    name: 'row-missing',
    group: 'T',
    defaultSeverity: 'error',
    description: msg('统计表缺少标准行（如“3.危及“三安全一稳定””）。', 'A standard row of a table is missing.'),
    example: { from: '3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n', to: '' },
  },
  check(ctx) {
    const { model } = ctx;
    for (const table of model.tables) {
      if (table.unreadable || table.def.labelless) continue;
      const order = table.def.rows;
      order.forEach((def, i) => {
        if (table.byRow.has(def.id)) return;
        const before = order.slice(0, i).reverse().find((d) => table.byRow.has(d.id));
        const after = order.slice(i + 1).find((d) => table.byRow.has(d.id));
        const anchor = table.byRow.get((before ?? after)!.id)!;
        const line = blankRow(table.def, def, writable(table.syntax));
        const where = before
          ? msg(`，应位于“${before.label}”之后`, `, expected after “${before.label}”`)
          : msg(`，应位于“${after!.label}”之前`, `, expected before “${after!.label}”`);
        ctx.emit({
          span: anchor.labelCells[0]?.contentSpan ?? anchor.span,
          message: msg(`${table.def.title['zh-cn']}缺少“${def.label}”行${where['zh-cn']}`, `${table.def.title.en} lacks the row “${def.label}”${where.en}`),
          fixes: [
            {
              id: 'insert-row',
              title: msg(`插入“${def.label}”行`, `Insert the row “${def.label}”`),
              edits: [before ? insertLinesAfter(model, anchor.line, [line]) : insertLinesBefore(model, anchor.line, [line])],
              safe: false,
            },
          ],
          data: { table: table.kind, row: def.id },
        });
      });
    }
  },
});
