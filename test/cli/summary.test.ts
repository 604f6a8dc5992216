// --format html: the summary page in headless Chromium. Self-contained (no request but the page),
// no console error, sorting and filtering work, a finding shows its cell; a screenshot is saved to
// test-results/cli/summary.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { root, runCli, tempDir } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const fixtures = join(root, 'test', 'fixtures');

describe('summary page (--format html) in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing` }, () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const problems: string[] = [];
  const requests: string[] = [];
  let pageUrl: string;
  let html: string;

  before(async () => {
    const dir = tempDir();
    const out = join(dir, 'summary.html');
    const run = runCli(['--format', 'html', '-o', out, join(fixtures, 'seeds'), join(fixtures, 'real'), join(fixtures, 'pairs')]);
    assert.equal(run.stdout, '');
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    html = readFileSync(out, 'utf8');
    pageUrl = pathToFileURL(out).href;
    profile = mkdtempSync(join(tmpdir(), 'gkreport-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pageUrl);
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const visibleRows = () =>
    page.$$eval('#reports tbody tr', (rows) =>
      rows.filter((r) => !(r as unknown as { hidden: boolean }).hidden).map((r) => ({ file: r.getAttribute('data-file')!, agency: r.getAttribute('data-agency')!, layout: r.getAttribute('data-layout')!, errors: Number(r.getAttribute('data-errors')) })),
    );

  test('one file, nothing fetched, nothing remote in it', () => {
    assert.deepEqual([...new Set(requests)], [pageUrl]);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  test('totals and the chart', async () => {
    const rows = await visibleRows();
    assert.ok(rows.length >= 13);
    const cards = await page.$$eval('#totals .card', (cs) => cs.map((c) => [c.querySelector('span')!.textContent, c.querySelector('b')!.textContent]));
    assert.deepEqual(cards[0], ['报告', String(rows.length)]);
    assert.equal(Number(cards[2][1]), rows.reduce((n, r) => n + r.errors, 0), 'errors in all');
    assert.ok((await page.$$('#chart svg rect')).length > 3);
  });

  test('sorting: a click on 错误 sorts by errors, most first; again, fewest first; 文件 by name', async () => {
    await page.click('#reports th:nth-child(5)');
    let errors = (await visibleRows()).map((r) => r.errors);
    assert.deepEqual(errors, [...errors].sort((a, b) => b - a));
    assert.ok(errors[0] > errors[errors.length - 1]);
    assert.equal(await page.getAttribute('#reports th:nth-child(5)', 'aria-sort'), 'descending');
    await page.click('#reports th:nth-child(5)');
    errors = (await visibleRows()).map((r) => r.errors);
    assert.deepEqual(errors, [...errors].sort((a, b) => a - b));
    await page.click('#reports th:nth-child(1)');
    const files = (await visibleRows()).map((r) => r.file);
    assert.deepEqual(files, [...files].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  test('filtering by text, layout and errors; the count follows', async () => {
    await page.fill('#filter-text', '昆明');
    let rows = await visibleRows();
    assert.ok(rows.length >= 2 && rows.every((r) => `${r.file} ${r.agency}`.includes('昆明')));
    assert.equal(await page.textContent('#shown'), String(rows.length));
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-layout', '2019');
    rows = await visibleRows();
    assert.ok(rows.length >= 1 && rows.every((r) => r.layout === '2019'));
    await page.selectOption('#filter-layout', '');
    await page.check('#filter-errors');
    rows = await visibleRows();
    assert.ok(rows.length >= 1 && rows.every((r) => r.errors > 0));
    await page.uncheck('#filter-errors');
    assert.ok((await visibleRows()).length >= 13);
  });

  test('a report opens from the list; an error shows its table with the faulty cell marked; screenshot', async () => {
    await page.click('#reports th:nth-child(5)');
    if ((await page.getAttribute('#reports th:nth-child(5)', 'aria-sort')) !== 'descending') await page.click('#reports th:nth-child(5)');
    // The first report in the list with an error in a table (the callback runs in the page).
    const id = await page.$$eval('#reports tbody tr', (rows) => {
      const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
      const ids = rows.map((r) => r.querySelector('a')!.getAttribute('href')!.slice(1));
      return ids.find((id) => document.querySelector(`#${id} li.sev-error a.goto`));
    });
    assert.ok(id, 'some report has an error in a table');
    await page.click(`#reports a[href="#${id}"]`);
    const open = await page.$(`details#${id}[open]`);
    assert.ok(open, 'the report’s details open');
    await (await open.$('li.sev-error a.goto'))!.click();
    const current = await open.$$('.gk-table .current');
    assert.equal(current.length, 1, 'the cell of the finding is marked');
    assert.ok((await open.$$('.gk-table .gk-mark')).length >= 1);
    assert.ok(await open.$eval('li.sev-error.current', (li) => li.textContent!.length > 0), 'and the finding with it');
    const dir = join(root, 'test-results', 'cli');
    mkdirSync(dir, { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(dir, 'summary.png'), fullPage: true });
    assert.ok(existsSync(join(dir, 'summary.png')));
  });

  test('no console error or warning', () => {
    assert.deepEqual(problems, []);
  });
});
