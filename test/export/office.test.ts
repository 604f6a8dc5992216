// The exported Word documents opened by real office software: LibreOffice converts each to PDF, the PDF's
// text layer (pdftotext) holds every number of the report, and page 1 and the page of table 三 are
// rendered to PNG (pdftoppm) as artifacts in test-results/export/office/ to look at.
// Needs soffice and poppler-utils (bash scripts/office-setup.sh); skipped, saying so, without soffice.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseReport } from '../../server/src/core';
import { exportDocx } from '../../server/src/export';
import { CORPUS, root } from './corpus';

const OUT = join(root, 'test-results', 'export', 'office');
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const SKIP = has('soffice') ? false : 'soffice is missing: run `bash scripts/office-setup.sh` (LibreOffice, poppler-utils, CJK fonts)';
const slug = (name: string) => name.replace(/[/.]/g, '-');

function run(tool: string, args: string[], timeout = 60_000): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `${tool} ${args.join(' ')}: ${r.error?.message ?? ''} ${r.stderr}`);
  return r.stdout;
}

/** The numbers a report writes: every number cell of its tables, every number in its prose. */
function numbersOf(text: string): string[] {
  const model = parseReport(text);
  const cells = model.tables.flatMap((t) => [...t.rows, ...t.unplaced].flatMap((r) => r.values.filter((c) => c.kind === 'number').map((c) => c.raw)));
  return [...cells, ...model.proseNumbers.map((n) => text.slice(n.span.start, n.span.end))];
}

describe('exported Word documents in LibreOffice: every number in the PDF, pages as PNG', { skip: SKIP }, () => {
  before(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    for (const { name, text } of CORPUS) writeFileSync(join(OUT, `${slug(name)}.docx`), await exportDocx(text));
    // One conversion for all, with a profile of its own (no state from or to the user's LibreOffice).
    const profile = mkdtempSync(join(tmpdir(), 'gkreport-soffice-'));
    try {
      run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', OUT,
        ...CORPUS.map((c) => join(OUT, `${slug(c.name)}.docx`))], 300_000);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  for (const { name, text } of CORPUS) {
    it(`${name}: the PDF holds every number; page 1 and table 三's page as PNG`, () => {
      const pdf = join(OUT, `${slug(name)}.pdf`);
      assert.ok(existsSync(pdf), `${pdf} was written`);
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
      assert.ok(pages >= 1, 'the PDF has pages');
      // pdftotext puts a blank between runs of different fonts (`251000 元`): blanks between a digit and a letter go.
      const glued = (s: string) => s.replace(/(?<=\d)[ \t]+(?=[^\d\s])|(?<=[^\d\s])[ \t]+(?=\d)/g, '');
      const layer = glued(run('pdftotext', ['-enc', 'UTF-8', pdf, '-']));
      const missing = numbersOf(text).filter((n) => !layer.includes(glued(n)));
      assert.deepEqual(missing, [], `numbers not in the PDF's text layer of ${name}`);
      run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, `${slug(name)}-page1`)]);
      // Table 三's page: the first page holding its printed header's band (申请人情况).
      const label = parseReport(text).tables.find((t) => t.kind === 'requests')?.def.printed.header[0][1]?.text;
      let page = 0;
      for (let p = 1; label && p <= pages && page === 0; p++) {
        if (run('pdftotext', ['-enc', 'UTF-8', '-f', String(p), '-l', String(p), pdf, '-']).replace(/\s+/g, '').includes(label)) page = p;
      }
      if (page > 0) run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(OUT, `${slug(name)}-table3`)]);
      assert.ok(existsSync(join(OUT, `${slug(name)}-page1.png`)));
      assert.ok(readFileSync(join(OUT, `${slug(name)}-page1.png`)).subarray(1, 4).toString() === 'PNG');
      if (label) assert.ok(page > 0 && existsSync(join(OUT, `${slug(name)}-table3.png`)), `table 三 found on a page of ${name}`);
    });
  }
});
