import { defineRule } from './types';
import type { TableKind } from '../spec/layout/types';
import { msg } from '../base/i18n';
import { layoutForYear, tableDef, tableKindOfPart } from '../spec/layout';
import { renderTable } from '../spec/templates';
import { writable } from '../model/edits';
import { insertLinesAfter } from '../model/edits';

declare module './types' {
  interface RuleData {
    GK201: { part: number; table: TableKind; layout: string };
  }
}

/** Parts 二, 三 and 四 must each hold their standard table. */
export default defineRule({
  meta: {
    id: 'GK201',
    name: 'table-missing',
    group: 'T',
    defaultSeverity: 'error',
    description: msg('第二、三、四部分应各有一张标准统计表（表二、表三、表四）。', 'Parts 2, 3 and 4 must each contain their standard table.'),
  },
  check(ctx) {
    const { model } = ctx;
    const layout = layoutForYear(model.meta.reportYear);
    const syntax = writable(model.tables[0]?.syntax ?? 'markdown');
    for (const part of model.parts) {
      const kind = tableKindOfPart(part.index);
      if (!kind || model.tables.some((t) => t.kind === kind)) continue;
      if (model.parts.find((p) => p.index === part.index) !== part) continue; // a duplicate heading: GK103
      const def = tableDef(layout.id, kind);
      ctx.emit({
        span: part.heading.span,
        message: msg(
          `第${'一二三四五六'[part.index - 1]}部分缺少${def.title['zh-cn']}（${layout.docNumber}）`,
          `Part ${part.index} has no ${def.title.en} (${layout.docNumber})`,
        ),
        fixes: () => [
          {
            id: 'insert-table',
            title: msg(`插入空白${def.title['zh-cn']}（${layout.id}年版）`, `Insert a blank ${def.title.en} (${layout.id} layout)`),
            edits: [insertLinesAfter(model, part.heading.line, renderTable(def, syntax))],
            safe: false,
          },
        ],
        data: { part: part.index, table: kind, layout: layout.id },
      });
    }
  },
});
