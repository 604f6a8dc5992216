// GK701 article-reference: a reference to the 条例 names an article, paragraph (款) or item (项)
// that does not exist (第五十七条, 第二十条第（十六）项).
import { defineRule } from './types';
import { msg } from '../base/i18n';
import { referenceLabel, referenceLabelEn, resolveReference } from '../spec/law';

declare module './types' {
  interface RuleData {
    GK701: { article: number; paragraph?: number; item?: number; problem: string };
  }
}

export default defineRule({
  meta: {
    id: 'GK701',
    name: 'article-reference',
    group: 'L',
    defaultSeverity: 'error',
    description: msg(
      '引用的条例条、款、项必须存在（条例共五十六条）。',
      'A reference to the Regulation names an article, paragraph and item that exist (56 articles).',
    ),
    example: { from: '对照《条例》第二十、二十一条规定', to: '对照《条例》第六十条规定' },
  },
  check(ctx) {
    for (const ref of ctx.model.meta.lawRefs) {
      if (!ref.toRegulation) continue;
      const r = resolveReference(ref.article, ref.paragraph, ref.item);
      if (r.ok) continue;
      const label = referenceLabel(ref.article, ref.paragraph, ref.item);
      const labelEn = referenceLabelEn(ref.article, ref.paragraph, ref.item);
      ctx.emit({
        span: ref.span,
        message: msg(`引用的条例${label}不存在：${r.reason['zh-cn']}`, `The cited ${labelEn} of the Regulation does not exist: ${r.reason.en}`),
        data: { article: ref.article, paragraph: ref.paragraph, item: ref.item, problem: r.problem },
      });
    }
  },
});
