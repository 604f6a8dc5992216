// The corpus the export tests run over, and what a report reads as for a round trip: its tables (rows
// by layout id, values as read) and its findings (rule, the cell or part they sit on, message).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, type Finding, type ReportModel } from '../../server/src/core';
import { toString as decimalText } from '../../server/src/core/base/decimal';
import type { Cell } from '../../server/src/core/model/model';

export const root = resolve(__dirname, '..', '..');

/** Every report of test/fixtures/seeds and test/fixtures/real (their READMEs are not reports). */
export const CORPUS: { name: string; text: string }[] = ['seeds', 'real'].flatMap((folder) =>
  readdirSync(join(root, 'test', 'fixtures', folder))
    .filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md')
    .sort()
    .map((n) => ({ name: `${folder}/${n}`, text: readFileSync(join(root, 'test', 'fixtures', folder, n), 'utf8') })),
);

export const corpusText = (name: string) => CORPUS.find((c) => c.name === name)!.text;

const cellValue = (c: Cell) => (c.value ? decimalText(c.value) : c.raw.trim());
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start === a.end || b.start === b.end ? a.start <= b.end && b.start <= a.end : a.start < b.end && b.start < a.end;

/** Where a finding sits, in terms that survive a round trip: table / row / column ids, a header, or a part. */
export function findingPlace(model: ReportModel, finding: Finding): string {
  for (const table of model.tables) {
    for (const row of [...table.rows, ...table.unplaced]) {
      const id = row.def?.id ?? `unplaced:${row.label}`;
      const columns = row.def?.columns ?? table.columns;
      const at = row.values.findIndex((c) => overlaps(c.span, finding.span));
      if (at >= 0) return `${table.kind}/${id}/${columns[at]?.id ?? at}`;
      if (row.labelCells.some((c) => overlaps(c.span, finding.span))) return `${table.kind}/${id}/label`;
      if (row.extraCells.some((c) => overlaps(c.span, finding.span))) return `${table.kind}/${id}/extra`;
    }
    const header = table.headerCells.find((h) => overlaps(h.cell.span, finding.span));
    if (header) return `${table.kind}/header/${header.canonical}`;
  }
  const part = model.parts.find((p) => overlaps(p.heading.span, finding.span) || (p.body.start <= finding.span.start && finding.span.start < p.body.end));
  return part ? `part ${part.index}` : 'front';
}

export interface ReadReport {
  tables: string[];
  findings: string[];
}

/** What a report text reads as: each table's rows with their values, and each finding with its place. */
export function readReport(text: string): ReadReport {
  const { model, findings } = check(text);
  return {
    tables: model.tables.map(
      (t) =>
        `${t.kind} ${t.layout}: ${t.rows.map((r) => `${r.def?.id}=${r.values.map(cellValue).join(',')}`).join(' ')}` +
        (t.unplaced.length > 0 ? ` unplaced ${t.unplaced.map((r) => r.values.map(cellValue).join(',')).join(' ')}` : ''),
    ),
    findings: findings.map((f) => `${f.ruleId} @ ${findingPlace(model, f)}: ${f.message['zh-cn']}`).sort(),
  };
}
