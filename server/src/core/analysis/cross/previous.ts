// Finding last year's report of the same agency among the other reports of the workspace.
import type { OtherReport, ReportModel, Table } from '../../model/model';
import { readableTable } from '../prose/tableQuantities';
import { reportYearSettled } from '../../model/meta';

/** Characters that end a place name: an agency named only by its own level is too vague to compare. */
const PLACE_LEVELS = /[省市区县州旗盟镇乡]/;

/** The agency's name without blanks and brackets. */
export function agencyKey(agency: string | undefined): string | undefined {
  if (!agency) return undefined;
  const key = agency.replace(/[\s()（）]/g, '');
  return key.length > 0 ? key : undefined;
}

/**
 * Two titles name the same agency: the same name, or one is the other with the higher place
 * levels left off (`洪泽区人民政府` and `淮安市洪泽区人民政府`), as long as the shorter still names a place.
 */
export function sameAgency(a: string | undefined, b: string | undefined): boolean {
  const x = agencyKey(a);
  const y = agencyKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const level = short.search(PLACE_LEVELS);
  return long.endsWith(short) && level >= 2;
}

/**
 * What identifies a report for cross-report matching: its agency and year, and — when known — the
 * title (or preamble) year and the statistics period that settle the year. An identity without them
 * (a summary passed between threads) is taken at its word; the rules pair again on the whole model.
 */
export type ReportIdentity = Pick<ReportModel['meta'], 'agency' | 'reportYear'> & Partial<Pick<ReportModel['meta'], 'titleYear' | 'period'>>;

/**
 * The year a report is paired by: its title or preamble year (else the year it is about), only when
 * the statistics period agrees. A report whose year is unsettled (GK501) is nobody's previous or
 * current report: compared by the wrong year it would flood the other with wrong warnings.
 */
export function pairingYear(meta: ReportIdentity): number | undefined {
  if (!reportYearSettled(meta)) return undefined;
  return meta.titleYear?.year ?? meta.reportYear;
}

/** `other` is the same agency's report for the year before `report`, both years settled. */
export function isPreviousYear(report: ReportIdentity, other: ReportIdentity): boolean {
  const year = pairingYear(report);
  return year !== undefined && pairingYear(other) === year - 1 && sameAgency(other.agency, report.agency);
}

/** The same agency's report for the year before, when exactly one is known. */
export function previousReport(model: ReportModel, workspace: readonly OtherReport[]): OtherReport | undefined {
  const found = workspace.filter((o) => o.model !== model && isPreviousYear(model.meta, o.model.meta));
  return found.length === 1 ? found[0] : undefined;
}

/** This year's table of a kind and last year's, when both reports and both tables can be read. */
export function tablesOfBothYears(
  model: ReportModel,
  workspace: readonly OtherReport[],
  kind: Table['kind'],
): { table: Table; previous: OtherReport; before: Table; lastYear: number } | undefined {
  const previous = previousReport(model, workspace);
  const table = readableTable(model, kind);
  const before = previous && readableTable(previous.model, kind);
  if (!previous || !table || !before) return undefined;
  return { table, previous, before, lastYear: pairingYear(previous.model.meta)! };
}
