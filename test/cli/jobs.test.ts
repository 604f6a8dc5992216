// --jobs: checking on worker threads gives the same output, in the same order, as one thread.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { root, runCli, tempDir, writeTemp } from './helpers';

const fixtures = join(root, 'test', 'fixtures');

describe('--jobs', () => {
  test('two workers print exactly what one thread prints, and exit the same way', () => {
    const one = runCli(['--format', 'json', '--jobs', '1', fixtures]);
    const two = runCli(['--format', 'json', '--jobs', '2', fixtures]);
    // What is said about converted files (the site text left out of the LibreOffice copies of web pages) is said once, either way.
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.status, one.status);
    assert.equal(two.stdout, one.stdout);
    assert.ok((JSON.parse(two.stdout) as unknown[]).length >= 13, 'every seed and real report is checked');
  });

  test('last year’s report in another worker’s share is still compared (GK801–GK803)', () => {
    const pairs = join(fixtures, 'pairs');
    const one = runCli(['--format', 'json', pairs]);
    // hongze-2023 goes to the first worker, the 2024 reports that compare with it to both.
    const two = runCli(['--format', 'json', '--jobs', '2', pairs]);
    assert.equal(two.stdout, one.stdout);
    for (const id of ['GK801', 'GK802', 'GK803']) assert.ok(two.stdout.includes(`"${id}"`), id);
  });

  test('more workers than files is fine (-j 8 on two files)', () => {
    const dir = tempDir();
    const report = '某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n';
    writeTemp(dir, 'a.txt', report);
    writeTemp(dir, 'b.txt', report);
    const result = runCli(['-j', '8', '--locale', 'en', dir]);
    assert.match(result.stdout, /2 files:/);
  });

  test('a value that is not a positive whole number is a usage error (exit 2)', () => {
    for (const bad of ['0', 'two', '-1', '1.5']) {
      const result = runCli(['--jobs', bad, fixtures]);
      assert.equal(result.status, 2, bad);
      assert.match(result.stderr, /--jobs/);
      assert.equal(result.stdout, '');
    }
  });
});
