import { defineRule } from './types';
import { msg } from '../base/i18n';
import { toChineseNumeral } from '../base/numerals';

declare module './types' {
  interface RuleData {
    GK103: { part: number };
  }
}

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
        message: msg(`第${toChineseNumeral(part.index)}部分重复出现`, `Part ${part.index} appears again`),
        related: [{ span: earlier.heading.span, message: msg('第一次出现', 'first occurrence') }],
        data: { part: part.index },
      });
    }
  },
});
