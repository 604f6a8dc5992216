import type { Rule } from './types';
import { msg } from '../base/i18n';
import { checkSums } from './sums';

const GROUPS: Record<string, [string, string]> = {
  review: ['行政复议总计', 'the administrative review total'],
  direct: ['未经复议直接起诉总计', 'the total of lawsuits filed directly'],
  afterReview: ['复议后起诉总计', 'the total of lawsuits after review'],
};

/** Table 四: in each of the three groups, 总计 = 维持 + 纠正 + 其他结果 + 尚未审结. */
export const reviewLitigationTotal: Rule = {
  meta: {
    id: 'GK304',
    name: 'review-litigation-total',
    group: 'N',
    defaultSeverity: 'error',
    description: msg(
      '表四：行政复议、未经复议直接起诉、复议后起诉各自的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。',
      'Table 4: each total (review, direct lawsuits, lawsuits after review) must equal upheld + corrected + other + pending.',
    ),
  },
  check: (ctx) =>
    checkSums(ctx, 'GK304', (_table, relation) => {
      const [zh, en] = GROUPS[relation.target.col.replace(/Total$/, '')];
      return msg(zh, en);
    }),
};
