import type { Rule } from './types';
import { msg } from '../base/i18n';
import { checkSums } from './sums';

/** A 小计 column a report adds (法人或其他组织 小计) must equal its parts. */
export const subtotal: Rule = {
  meta: {
    id: 'GK305',
    name: 'subtotal',
    group: 'N',
    defaultSeverity: 'error',
    description: msg('报告自行增加的“小计”列（如法人或其他组织小计）应等于其各组成列之和。', 'A 小计 (subtotal) column a report adds must equal the sum of its parts.'),
  },
  check: (ctx) => checkSums(ctx, 'GK305', () => msg('法人或其他组织小计', 'the organisations subtotal')),
};
