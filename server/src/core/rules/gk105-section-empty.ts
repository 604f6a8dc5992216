import { defineRule } from './types';
import { msg } from '../base/i18n';
import { tableKindOfPart } from '../spec/layout';
import { toChineseNumeral } from '../base/numerals';

declare module './types' {
  interface RuleData {
    GK105: { part: number };
  }
}

/** One message per part (a text of repeated headings repeats them). */
const EMPTY = [1, 2, 3, 4, 5, 6].map((i) => msg(`第${toChineseNumeral(i)}部分没有内容`, `Part ${i} is empty`));

/** A part with no text and no table (parts that lack their table are GK201's). */
export default defineRule({
  meta: {
    id: 'GK105',
    name: 'section-empty',
    group: 'S',
    defaultSeverity: 'warning',
    description: msg('某部分没有任何内容。', 'A part has no text and no table.'),
  },
  check(ctx) {
    const { model } = ctx;
    for (const part of model.parts) {
      if (tableKindOfPart(part.index)) continue;
      if (model.text.slice(part.body.start, part.body.end).trim() !== '') continue;
      ctx.emit({
        span: part.heading.span,
        message: EMPTY[part.index - 1] ?? msg(`第${toChineseNumeral(part.index)}部分没有内容`, `Part ${part.index} is empty`),
        data: { part: part.index },
      });
    }
  },
});
