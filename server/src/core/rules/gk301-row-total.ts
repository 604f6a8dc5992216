import type { Rule } from './types';
import { msg } from '../base/i18n';
import { checkSums } from './sums';

/** Table 三: each row's 总计 is the sum of the six applicant columns. */
export const rowTotal: Rule = {
  meta: {
    id: 'GK301',
    name: 'row-total',
    group: 'N',
    defaultSeverity: 'error',
    description: msg(
      '表三：每行“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。',
      'Table 3: each row’s total must equal the sum of the six applicant columns.',
    ),
  },
  check: (ctx) => checkSums(ctx, 'GK301', () => msg('总计', 'the total')),
};
