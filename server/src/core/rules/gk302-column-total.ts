import { defineRule } from './types';
import { msg } from '../base/i18n';
import { checkSums, type SumFindingData } from './sums';

declare module './types' {
  interface RuleData {
    GK302: SumFindingData;
  }
}

/** Table 三: (七)总计 in each column is the sum of every result row above it. */
export default defineRule({
  meta: {
    id: 'GK302',
    name: 'column-total',
    group: 'N',
    defaultSeverity: 'error',
    relation: 'column-total',
    description: msg(
      '表三：“（七）总计”每列应等于（一）至（六）各办理结果行之和。',
      'Table 3: “(7) total” in each column must equal the sum of all result rows (1)–(6).',
    ),
    example: { from: '(七)总计 | 16 | 3 | 0 | 0 | 0 | 0 | 19 | ||', to: '(七)总计 | 15 | 3 | 0 | 0 | 0 | 0 | 19 | ||' },
  },
  check: (ctx) => checkSums(ctx, 'column-total', 'cell'),
});
