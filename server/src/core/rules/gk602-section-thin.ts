import { defineRule } from './types';
import { msg } from '../base/i18n';

declare module './types' {
  interface RuleData {
    GK602: { part: number; length: number };
  }
}

const MIN_CHARS = 20;

/** Part 五 that says only 无 or a few words. */
export default defineRule({
  meta: {
    id: 'GK602',
    name: 'section-thin',
    group: 'C',
    defaultSeverity: 'info',
    description: msg('第五部分（存在的主要问题及改进情况）过于简略（“无”或不足20字）。', 'Part 5 (problems and improvements) is “无” or under 20 characters.'),
  },
  check(ctx) {
    const { model } = ctx;
    for (const part of model.parts) {
      if (part.index !== 5) continue;
      const body = model.text.slice(part.body.start, part.body.end).replace(/\s/g, '');
      if (body === '' || body.length >= MIN_CHARS) continue; // empty: GK105
      ctx.emit({
        span: part.heading.span,
        message: msg(`第五部分只有 ${body.length} 个字，应具体说明存在的问题和改进情况`, `Part 5 has only ${body.length} characters; describe the problems and improvements`),
        data: { part: 5, length: body.length },
      });
    }
  },
});
