// GK107 report-title: neither a title line nor the preamble names the agency, a four-digit year
// and 政府信息公开（工作）年度报告.
import type { Span } from '../base/types';
import { defineRule } from './types';
import { msg } from '../base/i18n';

declare module './types' {
  interface RuleData {
    GK107: { missing: ('agency' | 'year' | 'subject')[] };
  }
}

export default defineRule({
  meta: {
    id: 'GK107',
    name: 'report-title',
    group: 'S',
    defaultSeverity: 'info',
    description: msg(
      '标题或开头“现公布……”一句应写明发布机关、四位年份和“政府信息公开工作年度报告”。',
      'The title line or the preamble names the issuing agency, a four-digit year and 政府信息公开（工作）年度报告.',
    ),
  },
  check(ctx) {
    const { model, text } = ctx;
    const meta = model.meta;
    const title = meta.title;
    if (title && title.agency && title.year !== undefined && title.subject) return;
    const preamble = meta.preamble;
    if (preamble?.complete) return;

    // What is missing, judged on the best source we have.
    const missingZh: string[] = [];
    const missingEn: string[] = [];
    const agency = title?.agency || preamble?.agency;
    const year = title?.year ?? preamble?.year?.year;
    const subject = title?.subject || (preamble ? /政府信息公开(工作)?年度报告/.test(text.slice(preamble.span.start, preamble.span.end).replace(/\s+/g, '')) : false);
    if (!agency) {
      missingZh.push('发布机关');
      missingEn.push('the issuing agency');
    }
    if (year === undefined) {
      missingZh.push('四位年份');
      missingEn.push('a four-digit year');
    }
    if (!subject) {
      missingZh.push('“政府信息公开工作年度报告”字样');
      missingEn.push('the words 政府信息公开工作年度报告');
    }
    let span: Span | undefined = meta.title?.span ?? preamble?.span;
    if (!span) {
      const first = model.lines.find((l) => l.text.trim() !== '');
      if (first) {
        const lead = first.text.length - first.text.trimStart().length;
        span = { start: first.start + lead, end: first.start + first.text.trimEnd().length };
      } else span = { start: 0, end: 0 };
    }
    if (!meta.title && !preamble) {
      ctx.emit({
        span,
        message: msg(
          '未找到报告标题：应有一行标题（或开头“现公布……年度报告”）写明发布机关、四位年份和“政府信息公开工作年度报告”',
          'No report title found: a title line (or a preamble `现公布……年度报告`) should name the issuing agency, a four-digit year and 政府信息公开工作年度报告',
        ),
        data: { missing: ['agency', 'year', 'subject'] },
      });
      return;
    }
    if (missingZh.length === 0) return; // the pieces are there, split between title and preamble
    const where = meta.title ? '标题' : '开头“现公布……”一句';
    const whereEn = meta.title ? 'The title' : 'The preamble';
    ctx.emit({
      span,
      message: msg(
        `${where}应写明发布机关、四位年份和“政府信息公开工作年度报告”，缺少${missingZh.join('、')}`,
        `${whereEn} should name the issuing agency, a four-digit year and 政府信息公开工作年度报告; missing: ${missingEn.join(', ')}`,
      ),
      data: {
        missing: (['agency', 'year', 'subject'] as const).filter((what) => (what === 'agency' ? !agency : what === 'year' ? year === undefined : !subject)),
      },
    });
  },
});
