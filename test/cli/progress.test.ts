// Progress on stderr: one updating line when stderr is a terminal and the run has many files; nothing
// when piped. The terminal is a real pseudo-terminal (`script`) where there is one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Progress, PROGRESS_MIN_FILES, wantsProgress } from '../../server/src/cli/progress';
import { cliPath, runCli, seed, seedsDir, tempDir } from './helpers';
import { readdirSync } from 'node:fs';

const SCRIPT = '/usr/bin/script';

/** A folder of `n` reports (copies of the seeds). */
function folderOf(n: number): string {
  const dir = tempDir();
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < n; i++) copyFileSync(seed(seeds[i % seeds.length]), join(dir, `r${String(i).padStart(3, '0')}.txt`));
  return dir;
}

/** What a run writes to a terminal: stdout goes to /dev/null inside, so this is stderr. */
function onTerminal(args: string[]): string {
  const command = [process.execPath, cliPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ') + ' > /dev/null';
  const run = spawnSync(SCRIPT, ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
  return run.stdout;
}

describe('progress', () => {
  test('the line: done of total, rate, time left; redrawn at most every 100 ms; cleared at the end', () => {
    let now = 0;
    const written: string[] = [];
    const progress = new Progress((t) => written.push(t), 100, true, 'en', () => now);
    now = 50;
    progress.update(10); // too soon after the first draw
    now = 1000;
    progress.update(50);
    now = 1050;
    progress.update(60);
    now = 2000;
    progress.update(100); // the last one is always drawn
    progress.finish();
    assert.deepEqual(written, [
      '\rgkreport: checked 0/100 files (0%), 0/s\x1b[K',
      '\rgkreport: checked 50/100 files (50%), 50/s, about 1 s left\x1b[K',
      '\rgkreport: checked 100/100 files (100%), 50/s, about 0 s left\x1b[K',
      '\r\x1b[K',
    ]);
  });

  test('only on a terminal, and only for many files', () => {
    assert.equal(wantsProgress(true, PROGRESS_MIN_FILES), true);
    assert.equal(wantsProgress(true, PROGRESS_MIN_FILES - 1), false);
    assert.equal(wantsProgress(false, 10_000), false);
    assert.equal(wantsProgress(undefined, 10_000), false);
    const quiet = new Progress(() => assert.fail('nothing is written'), 100, false, 'zh-cn');
    quiet.update(50);
    quiet.finish();
  });

  test('piped: nothing on stderr', () => {
    const run = runCli([folderOf(PROGRESS_MIN_FILES + 5)]);
    assert.equal(run.stderr, '');
  });

  test('on a pseudo-terminal: one updating line, cleared at the end', { skip: existsSync(SCRIPT) ? false : `${SCRIPT} is missing` }, () => {
    const n = PROGRESS_MIN_FILES + 5;
    for (const jobs of ['1', '2']) {
      const out = onTerminal(['-j', jobs, '--locale', 'en', folderOf(n)]);
      assert.match(out, new RegExp(`^\\rgkreport: checked 0/${n} files`), jobs);
      assert.match(out, new RegExp(`checked ${n}/${n} files \\(100%\\)`), jobs);
      assert.ok(out.endsWith('\r\x1b[K'), `the line is cleared (-j ${jobs})`);
      assert.ok(!out.includes('\n'), 'one line, updated in place');
    }
    assert.equal(onTerminal([folderOf(PROGRESS_MIN_FILES - 1)]), '', 'few files: no progress');
  });
});
