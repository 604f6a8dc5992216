import { defineRule } from './types';
import type { TableKind } from '../spec/layout/types';
import type { Unreadable } from '../model/model';
import { msg } from '../base/i18n';

declare module './types' {
  interface RuleData {
    GK210: { table: TableKind; reason: Unreadable['reason']; count: number };
  }
}

/** One message for every unrecognised row (a table may have thousands). */
const UNRECOGNISED = msg('无法识别的行', 'unrecognised row');

/** A table the parser could not rebuild: said once, instead of a flood of total errors. */
export default defineRule({
  meta: {
    id: 'GK210',
    name: 'table-unreadable',
    group: 'T',
    defaultSeverity: 'warning',
    description: msg(
      '统计表无法完整识别（行标签缺失或错位），未核对其合计与勾稽关系。',
      'A table could not be fully read (labels missing or misplaced); its totals were not checked.',
    ),
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      if (!table.unreadable) continue;
      const first = table.rows[0] ?? table.unplaced[0];
      const { reason, count } = table.unreadable;
      const why = {
        unplaced: msg(`${count} 行无法对应到标准行`, `${count} rows match no standard row`),
        'few-rows': msg(`只识别出 ${count} 个标准行`, `only ${count} standard rows were found`),
        'data-rows': msg(`数据行应为 1 行 15 个数或 3 行各 5 个数，实际为 ${count} 行`, `the data should be one row of 15 numbers or three rows of 5, found ${count} rows`),
      }[reason];
      ctx.emit({
        span: first ? first.span : table.span,
        message: msg(
          `${table.def.title['zh-cn']}无法完整识别（${why['zh-cn']}），未核对合计与勾稽关系；请检查表格的行标签和单元格`,
          `${table.def.title.en} could not be fully read (${why.en}); its totals and balance were not checked`,
        ),
        related: table.unplaced.map((r) => ({ span: r.span, message: UNRECOGNISED })),
        data: { table: table.kind, reason, count },
      });
    }
  },
});
