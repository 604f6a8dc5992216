// Document metadata: title, preamble, agency, years, statistics period, signature and publication
// dates, every date, references to the 条例's articles, and document numbers. Each scan is its own
// module over the compact text (base/compact.ts); this one puts their answers together.
import type { Line } from '../../base/text';
import { CompactText } from '../../base/compact';
import type { DateMention, DocumentMeta, Preamble, ReportTitle } from '../../model/model';
import { scanDates, toMention, type RawDate } from './dates';
import { findPeriod } from './period';
import { findPreamble, findTitle, issuerKindOf, namesReportSubject } from './title';
import { findPublication, findSigned } from './signature';
import { scanLawRefs } from './lawRefs';
import { scanDocNumbers } from './docNumbers';

/** The head of a report ends at its first part heading, or after 40 lines; never after 60 lines or 20,000 characters. */
function headOf(c: CompactText, text: string, lines: readonly Line[], firstPartLine: number | undefined): { lineEnd: number; end: number } {
  const lineEnd = Math.min(lines.length, firstPartLine !== undefined && firstPartLine >= 0 ? firstPartLine : 40, 60);
  const endOffset = lineEnd < lines.length ? lines[lineEnd].start : text.length;
  return { lineEnd, end: Math.min(c.indexAt(endOffset), c.indexAt(20000)) };
}

/**
 * Reads the metadata of a report. `lines` are all lines of `text` with their offsets;
 * `firstPartLine` is the index of the first part heading (`一、总体情况`), when found: the
 * title, preamble and publication details are looked for before it.
 */
export function extractMeta(text: string, lines: readonly Line[], firstPartLine: number | undefined): DocumentMeta {
  const c = new CompactText(text);
  const head = headOf(c, text, lines, firstPartLine);
  const meta: DocumentMeta = { issuerKind: 'unknown', dates: [], lawRefs: [], docNumbers: [] };

  const raw = scanDates(c);
  const byStart = new Map<number, RawDate>();
  const mentions: DateMention[] = [];
  for (let i = 0; i < raw.length; i++) {
    byStart.set(raw[i].cs, raw[i]);
    mentions.push(toMention(c, raw[i]));
  }
  const period = findPeriod(c, raw, head.end);
  if (period) {
    const start = toMention(c, period.start);
    const end = toMention(c, period.end);
    meta.period = { span: c.span(period.start.cs, period.end.ce), start, end };
    if (period.end.yearless) mentions.push(end);
  }
  mentions.sort((a, b) => a.span.start - b.span.start);
  meta.dates = mentions;

  const title = findTitle(c, lines, head.lineEnd);
  if (title) {
    const { found, info } = title;
    const compact = c.s.slice(found.cs, found.ce);
    const reportTitle: ReportTitle = { span: c.span(found.cs, found.ce), text: compact, agency: info.agency, year: info.year?.year, subject: namesReportSubject(compact) };
    meta.title = reportTitle;
    if (info.year) {
      const ycs = found.cs + info.year.index;
      meta.titleYear = { year: info.year.year, span: c.span(ycs, ycs + 4) };
    }
    if (info.agency) meta.agency = info.agency;
  }

  const preamble = findPreamble(c, head.end);
  if (preamble) {
    const info: Preamble = {
      span: c.span(preamble.cs, preamble.ce),
      complete: preamble.complete,
      agency: preamble.agency,
      year: preamble.year ? { year: preamble.year.year, span: c.span(preamble.year.cs, preamble.year.cs + 4) } : undefined,
    };
    meta.preamble = info;
    if (!meta.titleYear && info.year) meta.titleYear = info.year;
    if (!meta.agency && preamble.agency) meta.agency = preamble.agency;
  }
  meta.issuerKind = issuerKindOf(meta.agency);
  // The year the report is about: the title's, else the period's, else the preamble's.
  meta.reportYear = title?.info.year?.year ?? meta.period?.end.year ?? preamble?.year?.year;

  const signed = findSigned(c, lines, byStart, title?.found);
  const { published, written } = findPublication(c, lines, byStart, head.end);
  const signature = signed ?? written;
  if (signature) meta.signed = toMention(c, signature);
  if (published) meta.published = toMention(c, published);

  meta.lawRefs = scanLawRefs(c);
  meta.docNumbers = scanDocNumbers(c);
  return meta;
}
