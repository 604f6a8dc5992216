// The bench's import section: reading a report where it lives (a 6-page PDF, a Word file, a saved web
// page) into report text, beside checking that text. Medians after warm-up, on the TypeScript sources.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check } from '../server/src/core';
import { importDocx } from '../server/src/import/docx';
import { importHtml } from '../server/src/import/html';
import { importPdf } from '../server/src/import/pdf';
import { toReportText } from '../server/src/import/common/render';
import type { SourceDocument } from '../server/src/import/common/document';

const native = join(resolve(__dirname, '..'), 'test', 'fixtures', 'native');

const CASES: { name: string; file: string; budget: number; read: (bytes: Uint8Array) => SourceDocument | Promise<SourceDocument> }[] = [
  { name: 'PDF, 6 pages (淮安市 2024)', file: 'pdf/huaian-city-2024.pdf', budget: 300, read: (b) => importPdf(b) },
  { name: 'Word .docx (昆明 2023, the template filled)', file: 'docx/template-filled-kunming-2023.docx', budget: 50, read: (b) => importDocx(b) },
  { name: 'saved web page (平潭 2024, 109 KB)', file: 'html/pingtan-guanweihui-2024.html', budget: 30, read: (b) => importHtml(b) },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[(s.length >> 1) - 1] + s[s.length >> 1]) / 2;
}

export async function benchImport(printTable: (headers: string[], rows: (string | number)[][]) => void): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const c of CASES) {
    const bytes = new Uint8Array(readFileSync(join(native, c.file)));
    const times: number[] = [];
    const checks: number[] = [];
    for (let run = 0; run < 25; run++) {
      const start = performance.now();
      const text = toReportText(await c.read(bytes)).text;
      const imported = performance.now();
      check(text);
      // The first runs warm up the importer and pdf.js.
      if (run >= 5) {
        times.push(imported - start);
        checks.push(performance.now() - imported);
      }
    }
    const t = median(times);
    rows.push([c.name, `${(bytes.length / 1024).toFixed(0)} KB`, t.toFixed(1), `≤ ${c.budget}`, t <= c.budget ? 'yes' : 'NO', median(checks).toFixed(2)]);
  }
  console.log('## Import (report where it lives → report text), medians of 20 runs after 5, ms\n');
  printTable(['file', 'size', 'import', 'budget', 'within', 'check of the text'], rows);
}
