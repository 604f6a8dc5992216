// Reading inputs: UTF-8 only, BOM handling, the package version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeReport, readReport, writeReport } from '../../server/src/host/files';
import { InputError } from '../../server/src/host/errors';
import { VERSION } from '../../server/src/contract/version';
import { root, tempDir, writeTemp } from './helpers';

test('decodes UTF-8 and drops a BOM', () => {
  assert.equal(decodeReport(new TextEncoder().encode('\ufeff一、总体情况'), 'a.txt'), '一、总体情况');
});

test('rejects GBK bytes with a reason naming the file', () => {
  assert.throws(
    () => decodeReport(Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae]), 'gbk.txt'),
    (error: unknown) => error instanceof InputError && error.reason['zh-cn'].includes('gbk.txt') && error.reason['zh-cn'].includes('UTF-8'),
  );
});

test('a BOM read is written back; none is added', () => {
  const dir = tempDir();
  const withBom = writeTemp(dir, 'bom.txt', '\ufeff报告');
  const report = readReport(withBom);
  assert.deepEqual(report, { text: '报告', bom: true });
  writeReport(withBom, { ...report, text: '新报告' });
  assert.deepEqual([...readFileSync(withBom).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const plain = writeTemp(dir, 'plain.txt', '报告');
  writeReport(plain, { ...readReport(plain), text: '新' });
  assert.equal(readFileSync(plain, 'utf8'), '新');
});

test('VERSION matches package.json', () => {
  assert.equal(VERSION, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
});

test('a folder walk checks reports only; a file named on the command line is always checked', async () => {
  const { runJson, SEED_CLEAN } = await import('./helpers');
  const dir = tempDir();
  writeTemp(dir, 'README.md', '# Notes\n\nNot a report.\n');
  writeTemp(dir, 'report.txt', readFileSync(SEED_CLEAN, 'utf8'));
  const walked = runJson([dir]).files.map((f) => f.file.split(/[\\/]/).pop());
  assert.deepEqual(walked, ['report.txt']);
  const named = runJson([join(dir, 'README.md')]).files;
  assert.equal(named.length, 1);
  assert.ok(named[0].diagnostics.some((d) => d.code === 'GK101'), 'a named file is checked as a report');
});
