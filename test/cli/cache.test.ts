// --cache: a run that reuses what a run before found prints exactly what a run without the cache prints,
// whatever changed in between (a file, a previous-year report, a setting, the checker); a cache file that
// is broken or cannot be written costs a note, never a wrong result.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliPath, root, runCli, seed, seedsDir, tempDir, writeTemp, type CliRun } from './helpers';
import fc from 'fast-check';
import { parseArgs } from '../../server/src/cli/args';
import { run } from '../../server/src/cli/run';
import { buildDigest, digestOf, readCache, writeCache, type CacheEntries } from '../../server/src/host/cache';
import { RunCache } from '../../server/src/cli/cache';
import type { FileOutcome, LoadOutcome, WorkItem } from '../../server/src/cli/share';

const fixtures = join(root, 'test', 'fixtures');

/** A folder with copies of `files`, and where a cache file beside it (not in it) goes. */
function scratch(files: readonly string[]): { dir: string; cache: string } {
  const base = tempDir();
  const dir = join(base, 'reports');
  mkdirSync(dir);
  for (const file of files) copyFileSync(file, join(dir, file.split('/').pop()!));
  return { dir, cache: join(base, 'cache') };
}

const same = (a: CliRun, b: CliRun, what: string) => {
  assert.equal(a.stdout, b.stdout, `${what}: stdout`);
  assert.equal(a.stderr, b.stderr, `${what}: stderr`);
  assert.equal(a.status, b.status, `${what}: exit code`);
};

/** The cache file's index: its entries by absolute file name. */
function indexOf(cache: string): Record<string, { key: string; value: Record<string, unknown>; at: number; lengths: number[] }> {
  const data = readFileSync(cache);
  return JSON.parse(data.toString('utf8', 0, data.indexOf(0x0a))).entries;
}

/** Rewrites the cache with the piece of `file` replaced by `piece`: a run that prints it used the entry. */
function plantPiece(cache: string, file: string, piece: string): void {
  const entries = readCache(cache, (value, blobs): value is unknown => value !== undefined && blobs > 0).entries;
  entries.get(file)!.blobs = [Buffer.from(piece)];
  writeFileSync(cache, '');
  assert.equal(writeCache(cache, entries, new Map()), undefined);
}

describe('--cache', () => {
  test('every format: a first and a second run with the cache print what a run without it prints (Word, web page and PDF files too)', () => {
    for (const format of ['json', 'text', 'sarif', 'csv', 'html']) {
      const cache = join(tempDir(), 'cache');
      const plain = runCli(['--format', format, fixtures]);
      same(runCli(['--format', format, '--cache-location', cache, fixtures]), plain, `${format}, first run`);
      assert.ok(existsSync(cache), 'the cache is written');
      same(runCli(['--format', format, '--cache-location', cache, fixtures]), plain, `${format}, second run`);
      if (format === 'json') same(runCli(['--format', format, '--cache-location', cache, '--jobs', '2', fixtures]), plain, `${format}, second run on two threads`);
    }
  });

  test('an entry is used while the file, the settings and the checker are those it was made with, and only then', () => {
    const { dir, cache } = scratch([seed('000_62a988e64cb0ac5c.txt'), join(fixtures, 'real', 'hongze-2023-pdftotext.txt')]);
    const args = ['--format', 'json', '--cache-location', cache, dir];
    runCli(args);
    const target = join(dir, '000_62a988e64cb0ac5c.txt');
    const planted = '{"file":"planted"}';
    plantPiece(cache, target, planted);
    assert.ok(runCli(args).stdout.includes(planted), 'an unchanged file: the cached piece is printed, the file is not checked again');
    for (const [what, extra] of [
      ['another rule setting', ['--rule', 'GK209=off']],
      ['another language', ['--locale', 'en']],
      ['--quiet', ['--quiet']],
    ] as const) {
      assert.ok(!runCli([...extra, ...args]).stdout.includes(planted), what);
    }
    assert.ok(!runCli(['--format', 'sarif', '--cache-location', cache, dir]).stdout.includes(planted), 'another format');
    // The runs above replaced the entry: plant it again, then change the file by one character.
    runCli(args);
    plantPiece(cache, target, planted);
    writeFileSync(target, readFileSync(target, 'utf8') + '\n');
    const changed = runCli(args);
    assert.ok(!changed.stdout.includes(planted), 'a changed file is checked again');
    same(changed, runCli(['--format', 'json', dir]), 'the changed file');
  });

  test('the checker is part of the key: another build, or another converter bundle beside it, is another digest', () => {
    const dir = tempDir();
    const cli = writeTemp(dir, 'cli.js', 'one');
    const first = buildDigest('1.0.0', cli);
    assert.equal(buildDigest('1.0.0', cli), first, 'the same build: the same digest');
    assert.notEqual(buildDigest('1.0.1', cli), first, 'another version');
    writeTemp(dir, 'cli.js', 'two');
    assert.notEqual(buildDigest('1.0.0', cli), first, 'another CLI bundle');
    writeTemp(dir, 'cli.js', 'one');
    writeTemp(dir, 'pdf-import.js', 'pdf');
    assert.notEqual(buildDigest('1.0.0', cli), first, 'a PDF reader bundle beside it');
    assert.notEqual(digestOf(['ab', 'c']), digestOf(['a', 'bc']), 'parts do not run together');
    // The real bundle: what a run keys its entries with.
    assert.match(buildDigest('x', cliPath), /^[0-9a-f]{64}$/);
  });

  test('previous-year reports: comparisons are made again when either report changes, and print what a run without the cache prints', () => {
    const pairs = join(fixtures, 'pairs');
    const { dir, cache } = scratch(readdirSync(pairs).map((f) => join(pairs, f)));
    const cached = ['--format', 'json', '--cache-location', cache, dir];
    const plain = ['--format', 'json', dir];
    runCli(cached);
    const before = runCli(plain);
    same(runCli(cached), before, 'unchanged');
    assert.ok(before.stdout.includes('"GK801"') && before.stdout.includes('"GK802"') && before.stdout.includes('"GK803"'));
    // Only last year's report changes: what it carried over is now what the 2024 reports say came in.
    const last = join(dir, 'hongze-2023.txt');
    const text = readFileSync(last, 'utf8');
    const row = text.split('\n').find((line) => line.startsWith('四、结转下年度继续办理'))!;
    writeFileSync(last, text.replace(row, row.replace(/0(\s+)0(\s+)0(\s+)0(\s+)0(\s+)0(\s+)0\s*$/, '3$10$20$30$40$50$63')));
    const after = runCli(plain);
    assert.notEqual(after.stdout, before.stdout, 'the change matters to the comparisons');
    same(runCli(cached), after, 'after last year’s report changed');
    same(runCli(cached), after, 'and once more, from the cache');
  });

  test('a comparison is not made again while none of its reports changes: what it found, or that it found nothing, comes from the cache', () => {
    const file = join(tempDir(), 'cache');
    const items = (): WorkItem[] => ['2023.txt', '2024.txt'].map((name, position) => ({ position, file: name, named: true, ruleSet: 0 }));
    const tally = (errors: number): [number, number, number] => [errors, 0, 0];
    const value = { notes: [], all: tally(0), shown: tally(0) };
    const bytes = (text: string) => new Uint8Array(Buffer.from(text));
    const text = (piece: string | Uint8Array) => Buffer.from(piece).toString();
    /** What step 1 gave: each report checked (fresh) or taken from the cache (the entry the item carries). */
    const loadedAs = (run: WorkItem[], keys: string[]): LoadOutcome[] =>
      keys.map((key, position) => ({
        position,
        kind: 'checked',
        notes: [],
        cache: run[position].cached?.key === key ? run[position].cached! : { key, value, blobs: [bytes(`alone ${key}`)] },
      }));
    /** What step 2 gave: the 2024 report compared (`found` or not), or as step 1 left it. */
    const finished = (loaded: LoadOutcome[], made: readonly (readonly number[])[], found: boolean): FileOutcome[] =>
      loaded.map(({ position, cache }) => {
        const alone: FileOutcome = { position, piece: cache!.blobs ? cache!.blobs[0] : '', all: tally(0), shown: tally(0), ...(cache!.blobs ? {} : { cached: true }) };
        if (made[position].length === 0) return alone;
        return found ? { position, piece: 'compared, found', all: tally(1), shown: tally(1), comparison: 'found' } : { ...alone, comparison: 'calm' };
      });
    const previous = [[], [0]];
    /** One run: the comparisons it makes, and what it prints for the 2024 report. */
    const runOnce = (keys: string[], found: boolean) => {
      const cache = new RunCache(file);
      const run = items();
      cache.attach(run);
      const loaded = loadedAs(run, keys);
      const comparisons = cache.comparisons(run, loaded, previous);
      const outcomes = finished(loaded, comparisons.made, found);
      cache.fill(comparisons, outcomes);
      assert.equal(cache.save(comparisons, outcomes), undefined);
      return { made: comparisons.made, printed: text(outcomes[1].piece), errors: outcomes[1].all[0] };
    };
    assert.deepEqual(runOnce(['a', 'b'], true), { made: previous, printed: 'compared, found', errors: 1 }, 'nothing cached: compared');
    assert.deepEqual(runOnce(['a', 'b'], true), { made: [[], []], printed: 'compared, found', errors: 1 }, 'unchanged: what it found, from the cache');
    assert.deepEqual(runOnce(['a', 'b'], true), { made: [[], []], printed: 'compared, found', errors: 1 }, 'and again: the entry was kept');
    assert.deepEqual(runOnce(['a2', 'b'], false), { made: previous, printed: 'alone b', errors: 0 }, '2023 changed: compared again, nothing found');
    assert.deepEqual(runOnce(['a2', 'b'], true), { made: [[], []], printed: 'alone b', errors: 0 }, 'unchanged: that it found nothing, from the cache');
    assert.deepEqual(runOnce(['a2', 'b2'], true), { made: previous, printed: 'compared, found', errors: 1 }, '2024 changed: compared again');
  });

  test('a cache file that cannot be used: a note, everything checked, the file rewritten; one that cannot be written: a note', () => {
    const { dir, cache } = scratch([SEED_A, SEED_B]);
    const plain = runCli(['--format', 'json', dir]);
    const bad = (value: string, lengths = '[]') => `{"tag":"gkreport-cache/3","entries":{"${resolve(dir, 'x')}":{"key":"k","value":${value},"at":0,"lengths":${lengths}}}}\n`;
    for (const broken of [
      'not json',
      '{"tag":"gkreport-cache/2","entries":{}}\n',
      bad('{"notes":[],"all":[1],"shown":[0,0,0]}'),
      bad('{"notes":[],"all":[0,0,0],"shown":[0,0,0],"compared":{"with":7}}'),
      bad('{"notes":[],"all":[0,0,0],"shown":[0,0,0]}', '[5]'),
      bad('{"notes":[],"all":[0,0,0],"shown":[0,0,0],"compared":{"with":"x","found":{"all":[1,0,0],"shown":[1,0,0]}}}', '[0]'),
      bad('{"notes":[],"all":[0,0,0],"shown":[0,0,0]}', '[]'),
    ]) {
      writeFileSync(cache, broken);
      const run = runCli(['--format', 'json', '--cache-location', cache, dir]);
      assert.equal(run.stdout, plain.stdout, broken);
      assert.equal(run.status, plain.status);
      assert.match(run.stderr, /缓存文件 .* 无法使用，已重新检查全部文件/, broken);
      assert.equal(runCli(['--format', 'json', '--cache-location', cache, dir]).stderr, '', 'rewritten: usable now');
    }
    const nowhere = join(dir, 'no-such-folder', 'cache');
    const run = runCli(['--format', 'json', '--locale', 'en', '--cache-location', nowhere, dir]);
    const plainEn = runCli(['--format', 'json', '--locale', 'en', dir]);
    assert.equal(run.stdout, plainEn.stdout);
    assert.equal(run.status, plainEn.status);
    assert.match(run.stderr, /^gkreport: the cache was not saved: cannot write .*no-such-folder/);
  });

  test('a run over one folder keeps what a run over another cached; files that are gone leave the cache', () => {
    const a = scratch([SEED_A]);
    const b = scratch([SEED_B]);
    const cache = a.cache;
    runCli(['--cache-location', cache, a.dir]);
    runCli(['--cache-location', cache, b.dir]);
    const names = Object.keys(indexOf(cache)).sort();
    assert.deepEqual(names, [join(a.dir, SEED_A_NAME), join(b.dir, SEED_B_NAME)].sort());
    rmSync(join(a.dir, SEED_A_NAME));
    writeTemp(b.dir, 'more.txt', readFileSync(SEED_A, 'utf8'));
    runCli(['--cache-location', cache, b.dir]);
    assert.deepEqual(Object.keys(indexOf(cache)).sort(), [join(b.dir, 'more.txt'), join(b.dir, SEED_B_NAME)].sort());
  });

  test('--cache writes .gkreportcache in the working folder; it is for checks only', () => {
    const { dir } = scratch([SEED_A]);
    const base = resolve(dir, '..');
    const run = runCli(['--cache', 'reports'], { cwd: base });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(join(base, '.gkreportcache')));
    const options = parseArgs(['--cache', '--cache-location', 'c.bin', 'a.txt']);
    assert.ok(options.ok && options.options.cache === 'c.bin');
    const byDefault = parseArgs(['--cache', 'a.txt']);
    assert.ok(byDefault.ok && byDefault.options.cache === '.gkreportcache');
    for (const args of [['--cache', '--fix', 'a.txt'], ['import', '--cache', 'a.docx'], ['--cache=yes', 'a.txt'], ['--cache-location', 'a.txt']]) {
      const parsed = parseArgs(args);
      assert.ok(!parsed.ok, args.join(' '));
    }
    const fix = runCli(['--cache', '--fix', SEED_A]);
    assert.equal(fix.status, 2);
    assert.match(fix.stderr, /--cache 只用于检查，不能与 --fix 同用/);
  });

  test('writeCache writes nothing when the cache already holds what it would write', () => {
    const file = join(tempDir(), 'cache');
    const isValue = (v: unknown, blobs: number): v is { n: number } => typeof (v as { n?: unknown }).n === 'number' && blobs <= 3;
    const entries: CacheEntries<{ n: number }> = new Map([[file, { key: 'k', value: { n: 1 }, blobs: [new Uint8Array([1, 2, 3]), new Uint8Array(), new Uint8Array([4])] }]]);
    assert.equal(writeCache(file, entries, new Map()), undefined);
    const read = readCache(file, isValue);
    assert.equal(read.note, undefined);
    assert.deepEqual(read.entries.get(file)!.blobs.map((blob) => [...blob]), [[1, 2, 3], [], [4]]);
    const mtime = statSync(file).mtimeMs;
    assert.equal(writeCache(file, read.entries, read.entries), undefined);
    assert.equal(statSync(file).mtimeMs, mtime, 'unchanged: not written');
    assert.equal(writeCache(file, new Map([[file, { key: 'k2', value: { n: 1 }, blobs: [] }]]), read.entries), undefined);
    assert.equal(readCache(file, isValue).entries.get(file)!.key, 'k2', 'changed: written');
    writeFileSync(file, '{"tag":"gkreport-cache/3","entries":{"x":{"key":"k","value":{"n":"one"},"at":0,"lengths":[]}}}\n');
    assert.ok(readCache(file, isValue).note, 'a value the reader refuses: the file is not used');
    assert.equal(readCache(file, isValue).entries.size, 0);
  });
});

const SEED_A_NAME = '000_62a988e64cb0ac5c.txt';
const SEED_A = seed(SEED_A_NAME);
const SEED_B_NAME = readdirSync(seedsDir).filter((f) => f.endsWith('.txt') && f !== SEED_A_NAME)[0];
const SEED_B = seed(SEED_B_NAME);

describe('--cache, any sequence of changes between runs (property)', () => {
  /** One run in this process (one thread): what it prints and its exit code. */
  async function runHere(args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
    const out: Buffer[] = [];
    let stderr = '';
    const status = await run(args, { stdout: (chunk) => out.push(Buffer.from(chunk)), stderr: (text) => (stderr += text) }, cliPath);
    return { stdout: Buffer.concat(out).toString('utf8'), stderr, status };
  }

  const pairs = join(fixtures, 'pairs');
  const names = readdirSync(pairs).sort();
  type Change =
    | { kind: 'number'; file: number; at: number; more: number }
    | { kind: 'append'; file: number }
    | { kind: 'remove'; file: number }
    | { kind: 'restore'; file: number }
    | { kind: 'copy'; file: number }
    | { kind: 'rule' }
    | { kind: 'quiet' };
  const change: fc.Arbitrary<Change> = fc.oneof(
    fc.record({ kind: fc.constant('number' as const), file: fc.nat(names.length - 1), at: fc.nat(), more: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ kind: fc.constant('append' as const), file: fc.nat(names.length - 1) }),
    fc.record({ kind: fc.constant('remove' as const), file: fc.nat(names.length - 1) }),
    fc.record({ kind: fc.constant('restore' as const), file: fc.nat(names.length - 1) }),
    fc.record({ kind: fc.constant('copy' as const), file: fc.nat(names.length - 1) }),
    fc.constant({ kind: 'rule' as const }),
    fc.constant({ kind: 'quiet' as const }),
  );

  test('after each change, a run with the cache prints what a run without it prints (files edited, removed, copied; settings changed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 5 }), async (changes) => {
        const { dir, cache } = scratch(names.map((name) => join(pairs, name)));
        // With GK802 and GK803 off, some 2024 reports compare with 2023 and find nothing: those comparisons are cached.
        const options = { ruleOff: false, quiet: false };
        const argsNow = () => ['--format', 'json', '--jobs', '1', ...(options.ruleOff ? ['--rule', 'GK802=off', '--rule', 'GK803=off'] : []), ...(options.quiet ? ['--quiet'] : []), dir];
        const cached = () => runHere([...argsNow(), '--cache-location', cache]);
        await cached();
        for (const c of changes) {
          const file = 'file' in c ? join(dir, names[c.file]) : '';
          if (c.kind === 'number' && existsSync(file)) {
            // A table cell grows: its row's and column's sums, and the comparisons with the other year, change.
            const lines = readFileSync(file, 'utf8').split('\n');
            const rows = lines.flatMap((line, i) => (/^\S+(\s+[0-9]+){5,}\s*$/.test(line) ? [i] : []));
            const row = rows[c.at % rows.length];
            const cells = [...lines[row].matchAll(/(?<=\s)[0-9]+/g)];
            const cell = cells[c.at % cells.length];
            lines[row] = lines[row].slice(0, cell.index) + String(Number(cell[0]) + c.more) + lines[row].slice(cell.index! + cell[0].length);
            writeFileSync(file, lines.join('\n'));
          }
          if (c.kind === 'append' && existsSync(file)) writeFileSync(file, readFileSync(file, 'utf8') + '\n补充说明。\n');
          if (c.kind === 'remove') rmSync(file, { force: true });
          if (c.kind === 'restore') copyFileSync(join(pairs, names[c.file]), file);
          if (c.kind === 'copy' && existsSync(file)) copyFileSync(file, join(dir, `copy-${names[c.file]}`));
          if (c.kind === 'rule') options.ruleOff = !options.ruleOff;
          if (c.kind === 'quiet') options.quiet = !options.quiet;
          const plain = await runHere(argsNow());
          assert.deepEqual(await cached(), plain, JSON.stringify(c));
        }
      }),
      { numRuns: 100 },
    );
  });
});
