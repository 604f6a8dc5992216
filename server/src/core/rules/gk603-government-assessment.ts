import { defineRule } from './types';
import { msg } from '../base/i18n';

declare module './types' {
  interface RuleData {
    GK603: Record<string, never>;
  }
}

const WORDS = ['考核', '评议', '责任追究'];

/** A people's government must report 工作考核、社会评议和责任追究 results (条例第五十条第（四）项). */
export default defineRule({
  meta: {
    id: 'GK603',
    name: 'government-assessment',
    group: 'C',
    defaultSeverity: 'info',
    description: msg(
      '人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况（条例第五十条）。',
      'A people’s government report must cover assessment, public review and accountability results (Art. 50).',
    ),
  },
  check(ctx) {
    const { model } = ctx;
    if (model.meta.issuerKind !== 'government') return;
    if (WORDS.some((w) => model.text.includes(w))) return;
    const anchor = model.parts.find((p) => p.index === 1)?.heading.span ?? model.meta.title?.span ?? { start: 0, end: 0 };
    ctx.emit({
      span: anchor,
      message: msg('人民政府年度报告未提及工作考核、社会评议和责任追究结果情况（条例第五十条）', 'This government report does not mention assessment, public review or accountability results (Art. 50)'),
      data: {},
    });
  },
});
