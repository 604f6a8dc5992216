// The exported web page in headless Chromium (playwright-core, offline): no console error and no request
// beyond the file; the merges of 表三 and 表四 as the DOM has them; the tall 三、本年度办理结果 cell set top
// to bottom; no table wider than the page; the print stylesheet gives A4 pages. Screenshots and the
// printed PDF go to test-results/export/browser/. Skipped, saying so, without /usr/bin/chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { exportHtml } from '../../server/src/export';
import { corpusText, root } from './corpus';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = join(root, 'test-results', 'export', 'browser');
const SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: run \`bash scripts/e2e-setup.sh\``;
const REPORTS = ['seeds/002_5d8db5c6007b71c2.txt', 'seeds/001_592af5ca0dea8887.txt', 'real/huaian-city-2024-pdftotext.txt'];

/** Each header row of a table as [rowspan, colspan] pairs, and its body rows' cell counts. */
type Shape = { head: [number, number][][]; body: number[]; texts: string[][] };

// The page's DOM is typed loosely here: the project compiles without the DOM library.
async function shape(page: Page, kind: string): Promise<Shape> {
  return page.$eval(`table.gk-${kind}`, (table: any) => ({
    head: [...table.querySelectorAll('thead tr')].map((tr: any) => [...tr.children].map((c: any) => [c.rowSpan, c.colSpan] as [number, number])),
    body: [...table.querySelectorAll('tbody tr')].map((tr: any) => tr.children.length),
    texts: [...table.querySelectorAll('thead tr')].map((tr: any) => [...tr.children].map((c: any) => c.textContent ?? '')),
  }));
}

describe('the exported web page in headless Chromium', { skip: SKIP }, () => {
  let context: BrowserContext;
  let profile: string;
  before(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'gkreport-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1000, height: 1300 },
    });
  });
  after(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  for (const name of REPORTS) {
    it(`${name}: opens without error; 表三 and 表四 merged as printed; fits the page; A4 in print`, async () => {
      const slug = name.replace(/[/.]/g, '-');
      const file = join(OUT, `${slug}.html`);
      writeFileSync(file, exportHtml(corpusText(name)));
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request: ${r.url()}`));
      await page.goto(pathToFileURL(file).href);
      await page.evaluate('document.fonts.ready');
      await page.screenshot({ path: join(OUT, `${slug}.png`), fullPage: true });
      await page.locator('table.gk-requests').screenshot({ path: join(OUT, `${slug}-table3.png`) });

      const requests = await shape(page, 'requests');
      assert.deepEqual(requests.head, [
        [[3, 3], [1, 7]],
        [[2, 1], [1, 5], [2, 1]],
        [[1, 1], [1, 1], [1, 1], [1, 1], [1, 1]],
      ]);
      assert.equal(requests.texts[1][1], '法人或其他组织');
      const review = await shape(page, 'review');
      assert.deepEqual(review.head, [
        [[1, 5], [1, 10]],
        [...Array(5).fill([2, 1]), [1, 5], [1, 5]],
        Array(10).fill([1, 1]),
      ]);
      assert.deepEqual(review.texts[0], ['行政复议', '行政诉讼']);
      assert.deepEqual(review.body, [15]);

      // The tall label: one cell over the result rows, its text set top to bottom.
      const tall = await page.$eval('table.gk-requests th.gk-group .gk-vertical', (span: any) => {
        const cell = span.closest('th');
        const box = span.getBoundingClientRect();
        return { rowSpan: cell.rowSpan, text: span.textContent, width: box.width, height: box.height };
      });
      assert.equal(tall.text, '三、本年度办理结果');
      assert.ok(tall.rowSpan >= 20 && tall.height > 4 * tall.width, JSON.stringify(tall));
      // No table runs out of the sheet's text block.
      const overflow = await page.$$eval('table.gk-table', (tables: any[]) =>
        tables.map((t) => {
          const sheet = t.closest('.gk-page');
          return t.getBoundingClientRect().right - sheet.getBoundingClientRect().right + parseFloat((globalThis as any).getComputedStyle(sheet).paddingRight);
        }),
      );
      for (const o of overflow) assert.ok(o <= 1, `a table overflows by ${o}px`);

      await page.emulateMedia({ media: 'print' });
      const pdf = join(OUT, `${slug}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true });
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
      if (info.status === 0) assert.match(info.stdout, /Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
