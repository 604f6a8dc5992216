// The built CLI's `gkreport export`: a report written as it will be published, as a Word document or a web
// page, with every number of the report in it; what it refuses, and why.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseReport } from '../../server/src/core';
import { root, runCli, runJson, tempDir, writeTemp } from './helpers';

const SEED = readFileSync(join(root, 'test', 'fixtures', 'seeds', '002_5d8db5c6007b71c2.txt'), 'utf8');
const WRONG_TOTAL_DOCX = join(root, 'test', 'fixtures', 'native', 'docx', 'template-filled-kunming-2023-wrong-total.docx');

/** Every number cell of the report's tables, as written. */
const cellNumbers = (text: string) =>
  parseReport(text).tables.flatMap((t) => t.rows.flatMap((r) => r.values.filter((c) => c.kind === 'number').map((c) => c.raw)));
const wordText = (file: string) =>
  [...strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
/** A multiset as a sorted list, to compare what two texts hold regardless of order. */
const sorted = (values: string[]) => [...values].sort();

describe('gkreport export', () => {
  it('writes a Word document beside the report by default, holding every number of its tables', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'report.txt', SEED);
    const run = runCli(['export', file]);
    assert.equal(run.status, 0, run.stderr);
    const target = join(dir, 'report.docx');
    assert.match(run.stderr, /已将 .+report\.txt 导出为 .+report\.docx/);
    const words = wordText(target).split('\n');
    const missing = cellNumbers(SEED).filter((n) => !words.includes(n));
    assert.deepEqual(missing, [], 'every table number is a cell of the Word tables');
  });

  it('--to html -o: a web page; read back by the CLI it gives the same findings as the text', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'report.txt', SEED);
    const page = join(dir, 'published.html');
    const run = runCli(['export', '--to', 'html', file, '-o', page, '--locale', 'en']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /exported .+ to .+published\.html/);
    assert.match(readFileSync(page, 'utf8'), /^<!DOCTYPE html>/i);
    const codes = (files: { diagnostics: { code: string }[] }[]) => sorted(files[0].diagnostics.map((d) => d.code));
    assert.deepEqual(codes(runJson([page]).files), codes(runJson([file]).files));
  });

  it('a Word draft exports to a web page; its remaining errors are named so nobody publishes them unawares', () => {
    const page = join(tempDir(), 'kunming.html');
    const run = runCli(['export', '--to', 'html', WRONG_TOTAL_DOCX, '-o', page]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /年报还有 2 个错误级别的问题，发布前请先修正/);
    assert.ok(existsSync(page));
  });

  it('suppression comments are no part of the published report', () => {
    const dir = tempDir();
    const lines = SEED.split('\n');
    const file = writeTemp(dir, 'report.txt', [lines[0], '<!-- gkreport-disable-next-line GK502 -->', ...lines.slice(1)].join('\n'));
    assert.equal(runCli(['export', file]).status, 0);
    assert.doesNotMatch(wordText(join(dir, 'report.docx')), /gkreport|<!--/);
  });

  it('refuses, exit 2, one line each: its own input as output, a folder, a second file, --fix, --to for a check', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'report.html', '<html><body><p>x</p></body></html>');
    const cases: [string[], RegExp][] = [
      [['export', '--to', 'html', file], /导出文件不能是输入文件本身/],
      [['export', dir], /一次转换一个文件/],
      [['export', file, file], /一次转换一个文件/],
      [['export', '--fix', file], /未知选项：--fix/],
      [['--to', 'html', file], /未知选项：--to/],
      [['export', '--to', 'pdf', file], /--to/],
    ];
    for (const [args, reason] of cases) {
      const run = runCli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, reason, args.join(' '));
      assert.equal(run.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
    }
    assert.equal(readFileSync(file, 'utf8'), '<html><body><p>x</p></body></html>', 'the input is untouched');
  });
});
