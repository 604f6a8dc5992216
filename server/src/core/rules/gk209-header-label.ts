import { defineRule, type RuleContext, type RuleData } from './types';
import type { Table } from '../model/model';
import type { TableKind } from '../spec/layout/types';
import { msg } from '../base/i18n';

declare module './types' {
  interface RuleData {
    GK209: { table: TableKind; canonical: string };
  }
}

/** A column header that is a truncation of its standard text (`结果` for `结果纠正`). */
export default defineRule({
  meta: {
    id: 'GK209',
    name: 'header-label',
    group: 'T',
    defaultSeverity: 'info',
    description: msg('列标题被截断或不规范（如“结果”应为“结果纠正”）。', 'A column header is truncated or non-standard (结果 for 结果纠正).'),
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      for (const header of table.headerCells) {
        if (!header.exact) report(ctx, table, header);
      }
    }
  },
});

/** The finding, built apart from the loop (most headers are exact): its optimised code stays small. */
function report(ctx: RuleContext<RuleData['GK209']>, table: Table, header: Table['headerCells'][number]): void {
  ctx.emit({
    span: header.cell.contentSpan,
    message: msg(`列标题“${header.cell.raw}”应为“${header.canonical}”`, `Column header “${header.cell.raw}” should read “${header.canonical}”`),
    fixes: [
      {
        id: 'canonical-header',
        title: msg(`改为“${header.canonical}”`, `Use “${header.canonical}”`),
        edits: [{ span: header.cell.contentSpan, newText: header.canonical }],
        safe: true,
      },
    ],
    data: { table: table.kind, canonical: header.canonical },
  });
}
