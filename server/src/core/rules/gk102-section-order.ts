import { defineRule } from './types';
import { msg } from '../base/i18n';
import { toChineseNumeral } from '../base/numerals';

declare module './types' {
  interface RuleData {
    GK102: { part: number; after: number };
  }
}

/** Parts out of order. */
export default defineRule({
  meta: {
    id: 'GK102',
    name: 'section-order',
    group: 'S',
    defaultSeverity: 'warning',
    description: msg('六个部分的顺序不正确。', 'The parts are out of order.'),
  },
  check(ctx) {
    const seen = new Set<number>();
    let highest = 0;
    for (const part of [...ctx.model.parts].sort((a, b) => a.heading.span.start - b.heading.span.start)) {
      if (seen.has(part.index)) continue; // duplicates: GK103
      seen.add(part.index);
      if (part.index < highest) {
        ctx.emit({
          span: part.heading.span,
          message: msg(
            `第${toChineseNumeral(part.index)}部分出现在第${toChineseNumeral(highest)}部分之后`,
            `Part ${part.index} comes after part ${highest}`,
          ),
          data: { part: part.index, after: highest },
        });
      }
      highest = Math.max(highest, part.index);
    }
  },
});
