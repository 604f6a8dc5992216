import { defineRule } from './types';
import { msg } from '../base/i18n';
import { checkSums, type SumFindingData } from './sums';

declare module './types' {
  interface RuleData {
    GK304: SumFindingData;
  }
}

/** Table 四: in each of the three groups, 总计 = 维持 + 纠正 + 其他结果 + 尚未审结. */
export default defineRule({
  meta: {
    id: 'GK304',
    name: 'review-litigation-total',
    group: 'N',
    defaultSeverity: 'error',
    relation: 'review-total',
    description: msg(
      '表四：行政复议、未经复议直接起诉、复议后起诉各自的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。',
      'Table 4: each total (review, direct lawsuits, lawsuits after review) must equal upheld + corrected + other + pending.',
    ),
  },
  check: (ctx) => checkSums(ctx, 'review-total', 'column'),
});
