import { defineRule } from './types';
import { msg } from '../base/i18n';
import { feeSentence } from '../spec/parts';
import { eolOf } from '../base/text';

declare module './types' {
  interface RuleData {
    GK601: { year: number };
  }
}

const FEE_WORDS = ['处理费', '收费', '信息公开费'];

/** From 2021 on, part 六 must say whether an information processing fee was charged (国办函〔2020〕109号). */
export default defineRule({
  meta: {
    id: 'GK601',
    name: 'fee-not-reported',
    group: 'C',
    defaultSeverity: 'warning',
    description: msg(
      '2021年度起，第六部分应说明是否收取信息处理费（国办函〔2020〕109号）。',
      'From 2021, part 6 must state whether information processing fees were charged (国办函〔2020〕109号).',
    ),
    example: { from: '(一)信息处理费用情况。本年度安宁市人民政府办公室未收取信息处理费。\n', to: '' },
  },
  check(ctx) {
    const { model } = ctx;
    const year = model.meta.reportYear;
    if (year === undefined || year < 2021) return;
    const part = model.parts.find((p) => p.index === 6);
    if (!part) return;
    const body = model.text.slice(part.body.start, part.body.end);
    if (FEE_WORDS.some((w) => body.includes(w)) || (body.includes('收取') && body.includes('费'))) return;
    const eol = eolOf(model.text);
    let end = part.body.end;
    while (end > part.body.start && /\s/.test(model.text[end - 1])) end--;
    ctx.emit({
      span: part.heading.span,
      message: msg(
        `${year}年度报告第六部分未说明信息处理费收取情况（国办函〔2020〕109号）`,
        `Part 6 of the ${year} report does not say whether information processing fees were charged (国办函〔2020〕109号)`,
      ),
      fixes: [
        {
          id: 'insert-fee-sentence',
          title: msg('插入信息处理费说明（待填写）', 'Insert a fee statement (to complete)'),
          edits: [{ span: { start: end, end }, newText: eol + feeSentence(String(year)) }],
          safe: false,
        },
      ],
      data: { year },
    });
  },
});
