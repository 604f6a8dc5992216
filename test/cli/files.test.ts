// Reading and writing inputs: encodings, BOM handling, safe writes; the package version.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ChangedSinceReadError, decodeReport, readReport, writeFileAtomic, writeReport } from '../../server/src/host/files';
import { InputError } from '../../server/src/host/errors';
import { VERSION } from '../../server/src/contract/version';
import iconv from 'iconv-lite';
import { loadInput } from '../../server/src/cli/share';
import { root, runCli, tempDir, writeTemp } from './helpers';

test('decodes UTF-8 (a BOM noted), UTF-16 by its BOM, GB18030/GBK otherwise; a binary file is refused by name', () => {
  assert.deepEqual(decodeReport(new TextEncoder().encode('\ufeff一、总体情况'), 'a.txt'), { text: '一、总体情况', bom: true, encoding: 'utf-8' });
  assert.deepEqual(decodeReport(Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae]), 'gbk.txt'), { text: '政府', bom: false, encoding: 'gb18030' });
  assert.deepEqual(decodeReport(Buffer.from('\ufeff政府', 'utf16le'), 'le.txt'), { text: '政府', bom: true, encoding: 'utf-16le' });
  assert.deepEqual(decodeReport(Buffer.from('\ufeff政府', 'utf16le').swap16(), 'be.txt'), { text: '政府', bom: true, encoding: 'utf-16be' });
  assert.throws(
    () => decodeReport(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]), 'a.out'),
    (error: unknown) => error instanceof InputError && error.reason['zh-cn'].includes('a.out') && error.reason['zh-cn'].includes('不是文本文件'),
  );
});

test('a file is written back in its own encoding, BOM and line endings, and every encoding round-trips', () => {
  const dir = tempDir();
  const text = '一、总体情况\r\n收到申请 12 件。\r\n';
  const encodings: [string, (t: string) => Buffer][] = [
    ['utf8-bom.txt', (t) => Buffer.from('\ufeff' + t, 'utf8')],
    ['utf8.txt', (t) => Buffer.from(t, 'utf8')],
    ['gbk.txt', (t) => iconv.encode(t, 'gb18030')],
    ['utf16le.txt', (t) => Buffer.from('\ufeff' + t, 'utf16le')],
    ['utf16be.txt', (t) => Buffer.from('\ufeff' + t, 'utf16le').swap16()],
  ];
  for (const [name, encode] of encodings) {
    const file = writeTemp(dir, name, encode(text));
    const report = readReport(file);
    assert.equal(report.text, text, name);
    writeReport(file, { ...report, text: text.replace('12', '13') });
    assert.deepEqual(readFileSync(file), encode(text.replace('12', '13')), `${name}: the same encoding, BOM and CRLF`);
  }
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

test('a write goes through a temporary file: a file changed since it was read is left alone; mode and symbolic links are kept', () => {
  const dir = tempDir();
  const file = writeTemp(dir, 'r.txt', '报告 1');
  chmodSync(file, 0o640);
  const read = readReport(file);
  writeFileSync(file, '报告 2（用户刚保存）');
  assert.throws(() => writeReport(file, { ...read, text: '报告 3' }), (error: unknown) => error instanceof ChangedSinceReadError && /检查期间被修改/.test(error.reason['zh-cn']));
  assert.equal(readFileSync(file, 'utf8'), '报告 2（用户刚保存）', 'the user’s save wins');
  writeReport(file, { ...readReport(file), text: '报告 4' });
  assert.equal(statSync(file).mode & 0o777, 0o640, 'permissions kept');
  const link = join(dir, 'link.txt');
  symlinkSync(file, link);
  writeReport(link, { ...readReport(link), text: '报告 5' });
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.equal(readFileSync(file, 'utf8'), '报告 5', 'its target was written');
  assert.deepEqual(readdirSync(dir).sort(), ['link.txt', 'r.txt'], 'no temporary file left');
});

test('a FIFO is refused before it is opened (reading it would hang)', () => {
  const dir = tempDir();
  const fifo = join(dir, 'pipe.txt');
  execFileSync('mkfifo', [fifo]);
  assert.throws(() => readReport(fifo), (error: unknown) => error instanceof InputError && error.reason['zh-cn'].includes('不是普通文件'));
});

test('a FIFO named like a Word file, web page or PDF is refused too, and the CLI goes on', async () => {
  const dir = tempDir();
  for (const name of ['pipe.pdf', 'pipe.docx', 'pipe.html']) {
    const fifo = join(dir, name);
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(loadInput(fifo, true), (error: unknown) => error instanceof InputError && error.reason['zh-cn'].includes('不是普通文件'), name);
  }
  // Before, the PDF's pipe was opened and read, and the run waited for a writer that never came.
  const run = runCli(['--locale', 'en', join(dir, 'pipe.pdf')]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /pipe\.pdf is not a regular file/);
  // The import command reads the same way (before, it too waited on the pipe for ever).
  const imported = runCli(['import', '--locale', 'en', join(dir, 'pipe.pdf')]);
  assert.equal(imported.status, 2);
  assert.match(imported.stderr, /pipe\.pdf is not a regular file/);
});

test('a new file written atomically gets the usual mode less the umask, not a world-writable one', () => {
  const dir = tempDir();
  const file = join(dir, 'new.docx');
  const umask = process.umask(0o022);
  try {
    writeFileAtomic(file, new Uint8Array([1, 2, 3]));
  } finally {
    process.umask(umask);
  }
  assert.equal(statSync(file).mode & 0o777, 0o644);
});
