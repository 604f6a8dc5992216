// --format csv: one row per report; the header is generated from the layout declarations, stable,
// documented in docs/csv-columns.md (kept fresh by gen-docs --check, in test/client/docs.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assembleCsv, cellColumns, csvColumnsMarkdown, csvField, csvHeader, reportColumns } from '../../server/src/cli/csv';
import { layout2019 } from '../../server/src/core/spec/layout/format2019';
import { layout2021 } from '../../server/src/core/spec/layout/format2021';
import { registerLayout } from '../../server/src/core/spec/layout';
import type { LayoutDef } from '../../server/src/core/spec/layout/types';
import { msg } from '../../server/src/core/base/i18n';
import { SEED_CLEAN, root, runCli, seed, tempDir, writeTemp } from './helpers';

/** RFC 4180 reader: fields, quotes doubled inside quoted fields, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  return rows;
}

function records(stdout: string): Record<string, string>[] {
  assert.ok(stdout.startsWith('\ufeff'), 'UTF-8 BOM for Excel');
  const [header, ...rows] = parseCsv(stdout.slice(1));
  return rows.map((r) => {
    assert.equal(r.length, header.length, 'every row has every column');
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
}

/**
 * The cell columns derived independently of csv.ts, straight from the two official declarations:
 * t<part>.<row>.<column> for every row and each of its columns, 2021 before 2019 within a part.
 */
function declaredCellColumns(): string[] {
  const names: string[] = [];
  for (const part of [2, 3, 4]) {
    for (const layout of [layout2021, layout2019] as LayoutDef[]) {
      const table = layout.tables.find((t) => t.part === part)!;
      for (const row of table.rows) for (const col of row.columns ?? table.columns) names.push(`t${part}.${row.id}.${col.id}`);
    }
  }
  return [...new Set(names)];
}

describe('CSV columns', () => {
  test('the cell columns are exactly those the layout declarations give (a layout change shows here)', () => {
    assert.deepEqual(
      cellColumns().map((c) => c.name),
      declaredCellColumns(),
    );
    const names = new Set(cellColumns().map((c) => c.name));
    for (const name of ['t3.new.natural', 't3.resultTotal.total', 't3.forward.total', 't3.o1.natural', 't3.otherHandling.total', 't4.cases.reviewTotal', 't2.fees.feeAmount', 't2.procurement.procAmount', 't3.new.legalSubtotal']) {
      assert.ok(names.has(name), name);
    }
    const shared = cellColumns().find((c) => c.name === 't3.new.natural')!;
    assert.deepEqual(shared.layouts, ['2021', '2019']);
    assert.deepEqual(cellColumns().find((c) => c.name === 't3.o1.natural')!.layouts, ['2021']);
  });

  test('the header is the report columns then the cells; the printed header is that list', () => {
    const header = csvHeader();
    assert.deepEqual(header.slice(0, 11), ['file', 'status', 'note', 'agency', 'issuerKind', 'year', 'layout', 'signed', 'published', 'deadline', 'onTime']);
    assert.deepEqual(header.slice(11, 14), ['errors', 'warnings', 'infos']);
    assert.deepEqual(header.slice(14, 30), ['S', 'T', 'N', 'P', 'D', 'C', 'L', 'X'].flatMap((g) => [`errors.${g}`, `warnings.${g}`]));
    assert.deepEqual(header, [...reportColumns().map((c) => c.name), ...declaredCellColumns()]);
    const printed = runCli(['--format', 'csv', SEED_CLEAN]).stdout;
    assert.equal(printed.slice(1, printed.indexOf('\r\n')), header.join(','));
  });

  test('docs/csv-columns.md lists every column (generated; gen-docs --check keeps it fresh)', () => {
    const doc = readFileSync(join(root, 'docs', 'csv-columns.md'), 'utf8');
    assert.equal(doc, csvColumnsMarkdown());
    for (const name of csvHeader()) assert.ok(doc.includes(`| \`${name}\` |`), name);
  });

  test('a layout added to the registry brings its cells along (columns are derived, never listed by hand)', () => {
    const fictional: LayoutDef = {
      ...layout2021,
      id: '2031',
      docNumber: 'test',
      name: msg('测试', 'test'),
      years: { from: 2031 },
      tables: [{ ...layout2021.tables[2], layout: '2031', rows: [{ id: 'cases', label: '', en: 'Cases', columns: [{ id: 'newColumn', label: '新列', en: 'New' }] }] }],
    };
    const unregister = registerLayout(fictional);
    try {
      const added = cellColumns().find((c) => c.name === 't4.cases.newColumn');
      assert.deepEqual(added?.layouts, ['2031']);
    } finally {
      unregister();
    }
    assert.ok(!cellColumns().some((c) => c.name === 't4.cases.newColumn'));
  });
});

describe('CSV rows', () => {
  test('RFC 4180 quoting', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
  });

  test('a 2021 report and a 2019 report: what they are, their counts by group, their cells; the other layout’s cells empty', () => {
    const run = runCli(['--format', 'csv', SEED_CLEAN, seed('001_592af5ca0dea8887.txt')]);
    assert.equal(run.status, 0);
    const [kunming, bureau] = records(run.stdout);
    assert.deepEqual(
      { agency: kunming.agency, issuerKind: kunming.issuerKind, year: kunming.year, layout: kunming.layout, deadline: kunming.deadline, infos: kunming.infos, errors: kunming.errors },
      { agency: '昆明市人民政府', issuerKind: 'government', year: '2023', layout: '2021', deadline: '2024-03-31', infos: '11', errors: '0' },
    );
    assert.equal(kunming['t3.new.natural'], '2446');
    assert.equal(kunming['t3.new.total'], '2670');
    assert.equal(kunming['t3.o3.natural'], '45');
    assert.equal(kunming['t4.cases.reviewTotal'], '77');
    assert.equal(kunming['t2.fees.feeAmount'], '194815.9');
    assert.equal(kunming['t2.rules.newMade'], '', '2019-only cell');
    assert.equal(kunming['t3.otherHandling.natural'], '', '2019-only row');
    assert.deepEqual(
      { layout: bureau.layout, issuerKind: bureau.issuerKind, signed: bureau.signed, deadline: bureau.deadline, onTime: bureau.onTime, warnings: bureau.warnings, 'warnings.T': bureau['warnings.T'] },
      { layout: '2019', issuerKind: 'department', signed: '2020-01-17', deadline: '2020-01-31', onTime: 'yes', warnings: '2', 'warnings.T': '2' },
    );
    assert.equal(bureau['t2.normDocs.newMade'], '1');
    assert.equal(bureau['t3.o1.natural'], '', '2021-only row');
  });

  test('late, a file that cannot be read, a name a spreadsheet would take for a formula', () => {
    const dir = tempDir();
    writeTemp(dir, '=late.txt', readFileSync(seed('001_592af5ca0dea8887.txt'), 'utf8').replace('2020年1月17日', '2020年3月17日'));
    const binary = writeTemp(dir, 'binary.txt', Buffer.from([0, 1, 2, 3]));
    const run = runCli(['--format', 'csv', '=late.txt', binary], { cwd: dir });
    assert.equal(run.status, 2);
    const [row, failed] = records(run.stdout);
    assert.equal(row.onTime, 'no');
    assert.equal(row.file, `'=late.txt`);
    assert.equal(row['warnings.D'], '1');
    assert.deepEqual([failed.file, failed.status], [binary, 'failed']);
    assert.match(failed.note, /binary\.txt/);
  });

  test('nothing checked: the BOM and the header alone', () => {
    assert.equal(assembleCsv([], [], 'en'), `\ufeff${csvHeader().join(',')}\r\n`);
  });
});
