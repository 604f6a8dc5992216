// Questions about a report's metadata that several rules ask.
import type { DocumentMeta } from './model';

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
