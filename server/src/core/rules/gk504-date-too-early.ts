// GK504 date-too-early: signed or published before the statistics period ended.
import type { DateMention } from '../model/model';
import { type RelatedInfo, type RuleContext, type RuleData, defineRule } from './types';
import { msg } from '../base/i18n';
import { type CalendarDate, compareDates, formatDateEn, formatDateZh } from '../base/calendar';
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
    const byPeriod = meta.period !== undefined && meta.period.end.valid;
    let end: CalendarDate;
    if (byPeriod) end = meta.period!.end;
    else if (meta.reportYear !== undefined && reportYearSettled(meta)) end = { year: meta.reportYear, month: 12, day: 31 };
    else return;
    // Most dates are after the end: the messages are written only for one that is not.
    const { signed, published } = meta;
    if (signed?.valid && compareDates(signed, end) < 0) report(ctx, signed, end, byPeriod, '落款日期', 'Signature date');
    // The same date as the signature is reported once.
    if (published?.valid && !(signed?.valid && signed.span.start === published.span.start) && compareDates(published, end) < 0) {
      report(ctx, published, end, byPeriod, '发布日期', 'Publication date');
    }
  },
});

/** The finding for a date before the end of the statistics period (`byPeriod`) or of the report year. */
function report(ctx: RuleContext<RuleData['GK504']>, d: DateMention, end: CalendarDate, byPeriod: boolean, zh: string, en: string): void {
  const meta = ctx.model.meta;
  let related: RelatedInfo[] = [];
  let endZh: string;
  let endEn: string;
  if (byPeriod) {
    related = [{ span: meta.period!.span, message: msg('统计期限', 'statistics period') }];
    endZh = `统计期限截止日 ${formatDateZh(end)}`;
    endEn = `the end of the statistics period, ${formatDateEn(end)}`;
  } else {
    if (meta.titleYear) related = [{ span: meta.titleYear.span, message: msg('报告年度', 'report year') }];
    endZh = `报告年度末 ${formatDateZh(end)}`;
    endEn = `the end of the report year, ${formatDateEn(end)}`;
  }
  ctx.emit({
    span: d.span,
    message: msg(`${zh} ${formatDateZh(d)} 早于${endZh}`, `${en} ${formatDateEn(d)} is before ${endEn}`),
    related,
    data: { date: formatDateEn(d), periodEnd: formatDateEn(end) },
  });
}
