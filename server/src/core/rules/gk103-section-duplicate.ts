import { defineRule } from './types';
import { msg } from '../base/i18n';
import { toChineseNumeral } from '../base/numerals';

declare module './types' {
  interface RuleData {
    GK103: { part: number };
  }
}

const FIRST = msg('第一次出现', 'first occurrence');
/** One message per part (a text of repeated headings repeats them). */
const AGAIN = [1, 2, 3, 4, 5, 6].map((i) => msg(`第${toChineseNumeral(i)}部分重复出现`, `Part ${i} appears again`));

/** A part appears twice. */
export default defineRule({
  meta: {
    id: 'GK103',
    name: 'section-duplicate',
    group: 'S',
    defaultSeverity: 'warning',
    description: msg('同一部分出现了两次。', 'A part appears twice.'),
    example: { from: '(一)信息处理费用情况。', to: '六、其他需要报告的事项\n(一)信息处理费用情况。' },
  },
  check(ctx) {
    const first = new Map<number, (typeof ctx.model.parts)[number]>();
    for (const part of ctx.model.parts) {
      const earlier = first.get(part.index);
      if (!earlier) {
        first.set(part.index, part);
        continue;
      }
      ctx.emit({
        span: part.heading.span,
        message: AGAIN[part.index - 1] ?? msg(`第${toChineseNumeral(part.index)}部分重复出现`, `Part ${part.index} appears again`),
        related: [{ span: earlier.heading.span, message: FIRST }],
        data: { part: part.index },
      });
    }
  },
});
