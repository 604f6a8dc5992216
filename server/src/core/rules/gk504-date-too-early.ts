// GK504 date-too-early: signed or published before the statistics period ended.
import type { DateMention } from '../model/model';
import type { RelatedInfo } from './types';
import { defineRule } from './types';
import { msg } from '../base/i18n';
import { compareDates, formatDateEn, formatDateZh } from '../base/calendar';
import { reportYearSettled } from '../model/meta';

declare module './types' {
  interface RuleData {
    GK504: { date: string; periodEnd: string };
  }
}

export default defineRule({
  meta: {
    id: 'GK504',
    name: 'date-too-early',
    group: 'D',
    defaultSeverity: 'warning',
    description: msg('落款或发布日期不应早于统计期限截止日。', 'The signature or publication date is not before the end of the statistics period.'),
    example: { append: '安宁市人民政府办公室\n2022年12月1日' },
  },
  check(ctx) {
    const meta = ctx.model.meta;
    let end: { year: number; month: number; day: number } | undefined;
    let related: RelatedInfo[] = [];
    let endZh: string;
    let endEn: string;
    if (meta.period && meta.period.end.valid) {
      end = meta.period.end;
      related = [{ span: meta.period.span, message: msg('统计期限', 'statistics period') }];
      endZh = `统计期限截止日 ${formatDateZh(end)}`;
      endEn = `the end of the statistics period, ${formatDateEn(end)}`;
    } else if (meta.reportYear !== undefined && reportYearSettled(meta)) {
      end = { year: meta.reportYear, month: 12, day: 31 };
      if (meta.titleYear) related = [{ span: meta.titleYear.span, message: msg('报告年度', 'report year') }];
      endZh = `报告年度末 ${formatDateZh(end)}`;
      endEn = `the end of the report year, ${formatDateEn(end)}`;
    } else return;
    const seen = new Set<number>();
    const check = (d: DateMention | undefined, zh: string, en: string) => {
      if (!d || !d.valid || !end || seen.has(d.span.start)) return;
      seen.add(d.span.start);
      if (compareDates(d, end) >= 0) return;
      ctx.emit({
        span: d.span,
        message: msg(`${zh} ${formatDateZh(d)} 早于${endZh}`, `${en} ${formatDateEn(d)} is before ${endEn}`),
        related,
        data: { date: formatDateEn(d), periodEnd: formatDateEn(end) },
      });
    };
    check(meta.signed, '落款日期', 'Signature date');
    check(meta.published, '发布日期', 'Publication date');
  },
});
