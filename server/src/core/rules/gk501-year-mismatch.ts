// GK501 year-mismatch: the title year, the statistics period and the year named in the body disagree.
import type { Span } from '../base/types';
import type { RelatedInfo, RuleContext, RuleData } from './types';
import { defineRule } from './types';
import type { Line, ReportModel } from '../model/model';
import { msg } from '../base/i18n';

declare module './types' {
  interface RuleData {
    GK501: { expected: number; actual: number };
  }
}

interface YearSource {
  year: number;
  span: Span;
  zh: string;
  en: string;
}

/** `2023年，…` at the start of part 一's first paragraph. */
function bodyYear(model: ReportModel): YearSource | undefined {
  const part = model.parts.find((p) => p.index === 1);
  if (!part) return undefined;
  const line: Line | undefined = model.lines.find((l) => l.start >= part.body.start && l.start < part.body.end && l.text.trim() !== '');
  if (!line) return undefined;
  const head = line.text.slice(0, 40);
  const m = /^(\s*)(\d{4})\s*年度?\s*(?:[，,]|是)/.exec(head);
  if (!m) return undefined;
  const start = line.start + m[1].length;
  return { year: Number(m[2]), span: { start, end: start + 4 }, zh: '第一部分开头', en: 'the opening of part 一' };
}

export default defineRule({
  meta: {
    id: 'GK501',
    name: 'year-mismatch',
    group: 'D',
    defaultSeverity: 'warning',
    description: msg(
      '标题年份、统计期限和正文所述年度应一致。',
      'The title year, the statistics period and the year named in the body agree.',
    ),
    example: { from: '2022年1月1日至12月31日', to: '2021年1月1日至12月31日' },
  },
  check(ctx) {
    const { model, text } = ctx;
    const meta = model.meta;
    const t = meta.titleYear;
    const fromTitle = !!(t && meta.title && t.span.start >= meta.title.span.start && t.span.end <= meta.title.span.end);

    // Every place that names the report's year, in order of authority.
    const sources: YearSource[] = [];
    if (t && fromTitle) sources.push({ year: t.year, span: t.span, zh: '标题', en: 'the title' });
    if (meta.period) {
      const { start, end } = meta.period;
      sources.push({ year: start.year, span: start.span, zh: '统计期限起始日期', en: 'the start of the statistics period' });
      const endWritten = text.slice(end.span.start, end.span.end).replace(/\s+/g, '').includes('年');
      if (endWritten && end.year !== start.year) {
        sources.push({ year: end.year, span: end.span, zh: '统计期限截止日期', en: 'the end of the statistics period' });
      }
    }
    const preamble = meta.preamble;
    if (preamble?.year && !(fromTitle && t && t.span.start === preamble.year.span.start)) {
      sources.push({ year: preamble.year.year, span: preamble.year.span, zh: '开头“现公布……”一句', en: 'the preamble' });
    }
    const body = bodyYear(model);
    if (body) sources.push(body);
    if (sources.length < 2) return;

    // Most reports name one year throughout: the vote and the findings are apart from this path.
    const first = sources[0].year;
    for (const s of sources) if (s.year !== first) return reportYears(ctx, sources);
  },
});

/** The sources disagree: the year most of them name wins, and every other one is a finding. */
function reportYears(ctx: RuleContext<RuleData['GK501']>, sources: YearSource[]): void {
  // The year most sources name; a tie goes to the more authoritative source (the title first).
  const votes = new Map<number, number>();
  for (const s of sources) votes.set(s.year, (votes.get(s.year) ?? 0) + 1);
  let winner = sources[0].year;
  for (const s of sources) if ((votes.get(s.year) ?? 0) > (votes.get(winner) ?? 0)) winner = s.year;
  const ref = sources.find((s) => s.year === winner)!;

  for (const o of sources) {
    if (o.year === winner) continue;
    const related: RelatedInfo[] = sources
      .filter((s) => s.year === winner)
      .slice(0, 3)
      .map((s) => ({ span: s.span, message: msg(`${s.zh}：${s.year}年`, `${s.en}: ${s.year}`) }));
    ctx.emit({
      span: o.span,
      message: msg(
        `${o.zh}的年份 ${o.year} 与${ref.zh}的年份 ${ref.year} 不一致`,
        `The year in ${o.en} (${o.year}) differs from the year in ${ref.en} (${ref.year})`,
      ),
      related,
      data: { expected: winner, actual: o.year },
    });
  }
}
