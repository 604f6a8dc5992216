// Round trip: a report exported to Word or to a web page, imported back (the Word and web-page importers)
// and turned into report text again, reads as the same report — the same tables with the same numbers,
// the same findings on the same cells (by table, row and column ids). Over every report of the corpus,
// and over copies with changed numbers (fast-check, fixed seed, bounded runs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReport } from '../../server/src/core';
import { exportDocx, exportHtml } from '../../server/src/export';
import { importDocx } from '../../server/src/import/docx';
import { importHtml } from '../../server/src/import/html';
import { toReportText } from '../../server/src/import/common/render';
import { CORPUS, readReport } from './corpus';

type Format = 'docx' | 'html';

/** The report text that comes back from exporting and importing. */
async function roundTrip(text: string, format: Format): Promise<string> {
  const doc = format === 'docx' ? importDocx(await exportDocx(text)) : importHtml(new TextEncoder().encode(exportHtml(text)));
  return toReportText(doc).text;
}

async function assertSameReport(text: string, format: Format, what: string): Promise<void> {
  const before = readReport(text);
  const after = readReport(await roundTrip(text, format));
  assert.deepEqual(after.tables, before.tables, `${what}: tables`);
  assert.deepEqual(after.findings, before.findings, `${what}: findings`);
}

/** The number cells of a report's tables, by their spans. */
function numberCells(text: string): { start: number; end: number }[] {
  return parseReport(text).tables.flatMap((t) => [...t.rows, ...t.unplaced].flatMap((r) => r.values.filter((c) => c.kind === 'number').map((c) => c.contentSpan)));
}

/** The text with some table numbers replaced (each pick: which number cell, its new value). */
function mutate(text: string, picks: [number, number][]): string {
  const cells = numberCells(text);
  if (cells.length === 0) return text;
  const edits = new Map<number, { start: number; end: number; value: number }>();
  for (const [which, value] of picks) {
    const cell = cells[which % cells.length];
    edits.set(cell.start, { ...cell, value });
  }
  let out = text;
  for (const e of [...edits.values()].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + String(e.value) + out.slice(e.end);
  return out;
}

describe('round trip through Word and the web page: the same tables, numbers and findings', () => {
  for (const format of ['docx', 'html'] as const) {
    for (const { name, text } of CORPUS) {
      it(`${format}: ${name}`, () => assertSameReport(text, format, name));
    }
  }

  it('copies with changed numbers (fast-check, seed 20261201)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CORPUS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 99_999 })), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<Format>('docx', 'html'),
        async (report, picks, format) => {
          const text = mutate(report.text, picks);
          await assertSameReport(text, format, `${report.name} with ${JSON.stringify(picks)}`);
        },
      ),
      { seed: 20261201, numRuns: 24, endOnFailure: true },
    );
  });
});
