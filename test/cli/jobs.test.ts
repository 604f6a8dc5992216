// --jobs: checking on worker threads gives the same output, in the same order, as one thread.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { copyFileSync, readdirSync } from 'node:fs';
import { root, runCli, seed, seedsDir, tempDir, writeTemp } from './helpers';
import { defaultJobs, PARALLEL_FROM_FILES } from '../../server/src/cli/run';

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

  test('every format, byte for byte: text, SARIF, CSV, the summary page; with a configuration and --quiet too', () => {
    for (const format of ['text', 'sarif', 'csv', 'html']) {
      const one = runCli(['--format', format, '-j', '1', fixtures]);
      const three = runCli(['--format', format, '-j', '3', fixtures]);
      assert.equal(three.stdout, one.stdout, format);
      assert.equal(three.stderr, one.stderr, format);
      assert.equal(three.status, one.status, format);
    }
    const dir = tempDir();
    const config = writeTemp(dir, 'c.jsonc', '{ "rules": { "GK204": "error", "GK209": "off" } }');
    const args = ['--format', 'json', '--config', config, '--quiet', join(fixtures, 'seeds'), join(fixtures, 'real'), join(fixtures, 'pairs')];
    assert.equal(runCli(['-j', '2', ...args]).stdout, runCli(['-j', '1', ...args]).stdout);
  });

  test('many files: the default prints what one thread prints', () => {
    const dir = tempDir();
    const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
    for (let i = 0; i < PARALLEL_FROM_FILES + 6; i++) copyFileSync(seed(seeds[i % seeds.length]), join(dir, `r${String(i).padStart(3, '0')}.txt`));
    for (const pair of readdirSync(join(fixtures, 'pairs'))) copyFileSync(join(fixtures, 'pairs', pair), join(dir, pair));
    const one = runCli(['--format', 'json', '-j', '1', dir]);
    const byDefault = runCli(['--format', 'json', dir]);
    assert.equal(byDefault.stdout, one.stdout);
    assert.ok(one.stdout.includes('"GK801"'), 'the pairs are still compared');
  });

  test('the default: two threads for many files when four cores are free, else one', () => {
    assert.equal(defaultJobs(PARALLEL_FROM_FILES - 1, 8, 0), 1, 'few files');
    assert.equal(defaultJobs(PARALLEL_FROM_FILES, 4, 0.2), 2, 'an idle four-core machine');
    assert.equal(defaultJobs(1000, 2, 0), 1, 'an idle two-core machine: one thread is faster there');
    assert.equal(defaultJobs(1000, 4, 1), 1, 'one of four cores busy elsewhere');
    assert.equal(defaultJobs(1000, 8, 3), 2, 'never more than two by default');
    assert.equal(defaultJobs(1000, 1, 0), 1, 'one core');
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
