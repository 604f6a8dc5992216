import { type RuleContext, type RuleData, defineRule } from './types';
import type { ColumnDef, TableKind } from '../spec/layout/types';
import type { Cell, NumberFormatIssue, Table, TableRow } from '../model/model';
import { msg } from '../base/i18n';
import { toString } from '../base/decimal';
import { columnsOf } from '../model/cells';

declare module './types' {
  interface RuleData {
    GK207: { table: TableKind; row?: string; issues?: NumberFormatIssue[] };
  }
}

const WORDS: Record<NumberFormatIssue, [string, string]> = {
  negative: ['负数', 'a negative count'],
  'decimal-in-count': ['件数带小数', 'a decimal in a count'],
  'thousands-separator': ['千分位分隔符', 'a thousands separator'],
  'full-width': ['全角数字', 'full-width digits'],
  'leading-zero': ['前导零', 'leading zeros'],
};
/** Faults that change only how a number is written, not its value: safe to normalise. */
const COSMETIC: NumberFormatIssue[] = ['thousands-separator', 'full-width', 'leading-zero'];

/** Negative counts, decimals in count columns, separators, full-width digits or bars, leading zeros. */
export default defineRule({
  meta: {
    id: 'GK207',
    name: 'number-format',
    group: 'T',
    defaultSeverity: 'warning',
    description: msg(
      '数字格式不规范：负数、件数带小数、千分位分隔符、全角数字或竖线、前导零（万元金额列允许小数）。',
      'Irregular numbers: negative or decimal counts, separators, full-width digits or bars, leading zeros (万元 amounts may have decimals).',
    ),
    example: { from: '行政许可 | 0 |', to: '行政许可 | 1,２00 |' },
  },
  check(ctx) {
    for (const table of ctx.model.tables) {
      for (const row of table.rows) {
        if (row.fullWidthBars.length > 0) {
          ctx.emit({
            span: row.fullWidthBars[0],
            message: msg(`本行用了 ${row.fullWidthBars.length} 个全角竖线“｜”分隔单元格`, `This row separates cells with ${row.fullWidthBars.length} full-width bars “｜”`),
            fixes: [
              {
                id: 'normalize-bars',
                title: msg('改为半角竖线“|”', 'Use ASCII bars “|”'),
                edits: row.fullWidthBars.map((span) => ({ span, newText: '|' })),
                safe: true,
              },
            ],
            data: { table: table.kind, row: row.def?.id },
          });
        }
        const columns = columnsOf(table, row);
        const values = row.values;
        for (let i = 0; i < values.length; i++) {
          const cell = values[i];
          // Most numbers are written as they should be: the issues are listed only for one that is not.
          if (cell.kind !== 'number' || !cell.value) continue;
          if (cell.formatIssues.length > 0 || (cell.value.scale > 0 && !columns[i]?.amount)) report(ctx, table, row, cell, columns[i]);
        }
      }
    }
  },
});

/** The finding for a number with format issues, unless they are all allowed in its column (a signed one). */
function report(ctx: RuleContext<RuleData['GK207']>, table: Table, row: TableRow, cell: Cell, column: ColumnDef | undefined): void {
  const issues = cell.formatIssues.filter((f) => !(f === 'negative' && column?.signed));
  if (cell.value!.scale > 0 && !column?.amount) issues.push('decimal-in-count');
  if (issues.length === 0) return;
  const normal = toString(cell.value!) + (cell.unit ?? '');
  const cosmetic = issues.every((f) => COSMETIC.includes(f));
  ctx.emit({
    span: cell.contentSpan,
    message: msg(
      `数字“${cell.raw}”格式不规范：${issues.map((f) => WORDS[f][0]).join('、')}`,
      `Number “${cell.raw}” is irregular: ${issues.map((f) => WORDS[f][1]).join(', ')}`,
    ),
    fixes: cosmetic
      ? [{ id: 'normalize-number', title: msg(`改为 ${normal}`, `Write ${normal}`), edits: [{ span: cell.contentSpan, newText: normal }], safe: true, preferred: true }]
      : [],
    data: { table: table.kind, row: row.def?.id, issues },
  });
}
