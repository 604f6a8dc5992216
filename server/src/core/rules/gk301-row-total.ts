import { defineRule } from './types';
import { msg } from '../base/i18n';
import { checkSums, type SumFindingData } from './sums';

declare module './types' {
  interface RuleData {
    GK301: SumFindingData;
  }
}

/** Table 三: each row's 总计 is the sum of the six applicant columns. */
export default defineRule({
  meta: {
    id: 'GK301',
    name: 'row-total',
    group: 'N',
    defaultSeverity: 'error',
    relation: 'row-total',
    description: msg(
      '表三：每行“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。',
      'Table 3: each row’s total must equal the sum of the six applicant columns.',
    ),
    example: { from: '一、本年新收政府信息公开申请数量 | 17 | 3 | 0 | 0 | 0 | 0 | 20 | ||', to: '一、本年新收政府信息公开申请数量 | 17 | 3 | 0 | 0 | 0 | 0 | 21 | ||' },
  },
  check: (ctx) => checkSums(ctx, 'row-total', 'column'),
});
