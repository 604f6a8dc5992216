import type { Rule } from '../types';
import { msg } from '../i18n';

/** A table the parser could not rebuild: said once, instead of a flood of total errors. */
export const tableUnreadable: Rule = {
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
      ctx.emit({
        span: first ? first.span : table.span,
        message: msg(
          `${table.def.title['zh-cn']}无法完整识别（${table.unplaced.length > 0 ? `${table.unplaced.length} 行无法对应到标准行` : '识别出的标准行过少'}），未核对列合计与勾稽关系；请检查行标签`,
          `${table.def.title.en} could not be fully read (${table.unplaced.length > 0 ? `${table.unplaced.length} rows match no standard row` : 'too few standard rows found'}); column totals and the balance were not checked`,
        ),
        related: table.unplaced.map((r) => ({ span: r.span, message: msg('无法识别的行', 'unrecognised row') })),
        data: { table: table.kind, reason: table.unreadable },
      });
    }
  },
};
