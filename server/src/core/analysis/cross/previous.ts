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

/** `key` can stand for a longer name ending with it: it still names a place (see sameAgency). */
const namesPlace = (key: string) => key.search(PLACE_LEVELS) >= 2;

/**
 * For each of many reports, the positions of the same agency's reports for the year before. The reports
 * are indexed by year and name, and by every ending of the name that names a place, so each report
 * looks at the few that can match: the work grows with the number of reports, not with its square.
 */
export function previousYearReports(identities: readonly (ReportIdentity | undefined)[]): number[][] {
  const byName = new Map<string, number[]>();
  const byEnding = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, position: number) => {
    const list = index.get(key);
    if (list) list.push(position);
    else index.set(key, [position]);
  };
  const keys = identities.map((id) => {
    const year = id && pairingYear(id);
    const name = agencyKey(id?.agency);
    return year === undefined || name === undefined ? undefined : { year, name };
  });
  keys.forEach((key, position) => {
    if (!key) return;
    add(byName, `${key.year}|${key.name}`, position);
    for (let start = 0; start + 3 <= key.name.length; start++) {
      const ending = key.name.slice(start);
      if (namesPlace(ending)) add(byEnding, `${key.year}|${ending}`, position);
    }
  });
  return identities.map((id, position) => {
    const key = keys[position];
    if (!key) return [];
    const year = key.year - 1;
    const candidates = new Set(byName.get(`${year}|${key.name}`));
    // Last year's name is longer and ends with this one, or is one of this name's endings.
    if (namesPlace(key.name)) for (const j of byEnding.get(`${year}|${key.name}`) ?? []) candidates.add(j);
    for (let start = 1; start + 3 <= key.name.length; start++) {
      for (const j of byName.get(`${year}|${key.name.slice(start)}`) ?? []) candidates.add(j);
    }
    return [...candidates].filter((j) => j !== position && isPreviousYear(id!, identities[j]!)).sort((a, b) => a - b);
  });
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
