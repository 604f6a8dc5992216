import { defineRule, type RuleContext, type RuleData } from './types';
import type { RowDef, TableKind } from '../spec/layout/types';
import type { Table, TableRow } from '../model/model';
import { msg } from '../base/i18n';
import { labelSegments } from '../parse/tables';

declare module './types' {
  interface RuleData {
    GK203: { table: TableKind; row?: string; canonical: string };
  }
}

const REPORT_THRESHOLD = 0.7;

/** A row label that is close to, but not, a standard label (typo, truncation, old wording). */
export default defineRule({
  meta: {
    id: 'GK203',
    name: 'row-label',
    group: 'T',
    defaultSeverity: 'warning',
    description: msg('行标签与标准行标签不一致（错别字、截断、旧称如“规范性文件”）。', 'A row label differs from the standard label (typo, truncation, old wording).'),
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        for (const group of row.groupLabels) {
          if (!group.exact) reportGroup(ctx, table, group);
        }
        // A faint resemblance (a label broken by PDF extraction) places the row but is not worth a warning.
        if (row.match !== 'fuzzy' || (row.matchScore ?? 0) < REPORT_THRESHOLD || !row.def || row.labelCells.length === 0) continue;
        reportRow(ctx, table, row, row.def);
      }
    }
  },
});

// The findings are built apart from the loop above (most rows have none): its optimised code stays small.

function reportGroup(ctx: RuleContext<RuleData['GK203']>, table: Table, group: TableRow['groupLabels'][number]): void {
  ctx.emit({
    span: group.cell.contentSpan,
    message: msg(`行标签“${group.cell.raw}”应为“${group.canonical}”`, `Row label “${group.cell.raw}” should read “${group.canonical}”`),
    fixes: [replaceFix(group.cell.contentSpan, group.canonical)],
    data: { table: table.kind, canonical: group.canonical },
  });
}

function reportRow(ctx: RuleContext<RuleData['GK203']>, table: Table, row: TableRow, def: RowDef): void {
  const cell = row.labelCells[row.labelCells.length - 1];
  const segments = labelSegments(cell.raw);
  // Keep the group label written in the same cell; replace only the row's own label.
  const newText = segments.length > 1 ? `${segments.slice(0, -1).join('')} ${def.label}` : def.label;
  const written = segments[segments.length - 1] ?? cell.raw;
  ctx.emit({
    span: cell.contentSpan,
    message: msg(`行标签“${written}”应为“${def.label}”`, `Row label “${written}” should read “${def.label}”`),
    fixes: [replaceFix(cell.contentSpan, newText)],
    data: { table: table.kind, row: def.id, canonical: def.label },
  });
}

function replaceFix(span: { start: number; end: number }, text: string) {
  return {
    id: 'canonical-label',
    title: msg(`改为标准行标签“${text.trim()}”`, `Use the standard label “${text.trim()}”`),
    edits: [{ span, newText: text }],
    safe: false,
  };
}
