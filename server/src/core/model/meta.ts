// Questions about a report's metadata that several rules ask.
import type { DateMention, DocumentMeta, IssuerKind } from './model';
import { compareDates, type CalendarDate } from '../base/calendar';

/**
 * Whether the report year is certain: the title (or preamble) year and the statistics period agree.
 * The deadline rules stay silent otherwise; GK501 reports the disagreement.
 */
export function reportYearSettled(meta: Pick<DocumentMeta, 'reportYear'> & Partial<Pick<DocumentMeta, 'titleYear' | 'period'>>): boolean {
  if (meta.reportYear === undefined) return false;
  const p = meta.period;
  if (p && p.start.year !== p.end.year) return false;
  if (meta.titleYear && p && meta.titleYear.year !== p.end.year) return false;
  return true;
}

/** A date of the report checked against the statutory deadline (GK502). */
export interface DatedAgainstDeadline {
  which: 'signed' | 'published';
  date: DateMention;
  late: boolean;
}

export interface DeadlineCheck {
  /** 3月31日 of the next year for a people's government (or an issuer not recognised), 1月31日 otherwise (条例第四十九条). */
  deadline: CalendarDate;
  issuerKind: IssuerKind;
  reportYear: number;
  /** The signature and publication dates that exist on the calendar, each once. */
  dates: DatedAgainstDeadline[];
}

/**
 * The statutory deadline of a report and whether its dates keep it: undefined when the report year is
 * not settled (GK501 reports that). The one place this is decided: GK502 and the CLI's CSV read it.
 */
export function deadlineCheck(meta: DocumentMeta): DeadlineCheck | undefined {
  const year = meta.reportYear;
  if (year === undefined || !reportYearSettled(meta)) return undefined;
  const kind = meta.issuerKind;
  const lenient = kind === 'government' || kind === 'unknown';
  const deadline = { year: year + 1, month: lenient ? 3 : 1, day: 31 };
  const dates: DatedAgainstDeadline[] = [];
  for (const [which, date] of [
    ['signed', meta.signed],
    ['published', meta.published],
  ] as const) {
    if (!date || !date.valid || dates.some((d) => d.date.span.start === date.span.start)) continue;
    dates.push({ which, date, late: compareDates(date, deadline) > 0 });
  }
  return { deadline, issuerKind: kind, reportYear: year, dates };
}
