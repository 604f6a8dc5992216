import type { Rule } from './types';
import { msg } from '../base/i18n';
import { checkSums } from './sums';
import { cellName } from '../model/cells';

/** Table 三: (七)总计 in each column is the sum of every result row above it. */
export const columnTotal: Rule = {
  meta: {
    id: 'GK302',
    name: 'column-total',
    group: 'N',
    defaultSeverity: 'error',
    description: msg(
      '表三：“（七）总计”每列应等于（一）至（六）各办理结果行之和。',
      'Table 3: “(7) total” in each column must equal the sum of all result rows (1)–(6).',
    ),
  },
  check: (ctx) =>
    checkSums(ctx, 'GK302', (table, relation) => {
      const name = cellName(table, relation.target.row, relation.target.col)['zh-cn'];
      return msg(name, name);
    }),
};
