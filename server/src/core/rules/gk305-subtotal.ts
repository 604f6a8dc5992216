import { defineRule } from './types';
import { msg } from '../base/i18n';
import { checkSums, type SumFindingData } from './sums';

declare module './types' {
  interface RuleData {
    GK305: SumFindingData;
  }
}

/** A 小计 column a report adds (法人或其他组织 小计) must equal its parts. */
export default defineRule({
  meta: {
    id: 'GK305',
    name: 'subtotal',
    group: 'N',
    defaultSeverity: 'error',
    relation: 'subtotal',
    description: msg('报告自行增加的“小计”列（如法人或其他组织小计）应等于其各组成列之和。', 'A 小计 (subtotal) column a report adds must equal the sum of its parts.'),
  },
  check: (ctx) => checkSums(ctx, 'subtotal', 'column'),
});
