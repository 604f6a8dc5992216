// The configuration file the CLI and the editor share (.gkreport.jsonc / gkreport.config.json): parsing
// and its problems, discovery (nearest wins), and every flag that goes with it on the command line.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigResolver, parseConfig } from '../../server/src/host/config';
import { SEED_CLEAN, readText, replaceOnce, runCli, seed, tempDir, writeTemp } from './helpers';

/** Seed 000 with a wrong row total: GK301 and GK302 errors; its table 四 headers give eleven GK209 infos. */
const wrongTotal = () => replaceOnce(readText(SEED_CLEAN), '| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | 1039 |');
/** Seed 001 (2019): two GK204 warnings among others. */
const WARNINGS_SEED = seed('001_592af5ca0dea8887.txt');

const codes = (stdout: string) => stdout.trim().split('\n').slice(0, -1).map((l) => l.split(' ')[2]);

describe('configuration file: parsing', () => {
  test('JSON with comments and trailing commas; rules by id or name become ids; ignores; locale', () => {
    const config = parseConfig('{\n  // off\n  "rules": { "GK209": "off", "cell-empty": "error", "gk301": true, },\n  "ignores": ["drafts/**"],\n  "locale": "en",\n}', '/x/.gkreport.jsonc');
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.rules, { GK209: false, GK204: 'error', GK301: true });
    assert.deepEqual(config.ignores, ['drafts/**']);
    assert.equal(config.locale, 'en');
    assert.ok(config.ignored('/x/drafts/a/b.txt'));
    assert.ok(!config.ignored('/x/final/b.txt'));
    assert.ok(!config.ignored('/elsewhere/drafts/b.txt'), 'globs are relative to the file’s folder');
  });

  test('each problem names the file, line and column; the valid rest still applies', () => {
    const text = '{\n  "rules": {\n    "GK999": "off",\n    "GK209": "loud",\n    "GK204": "off"\n  },\n  "ignore": [],\n  "locale": "fr"\n}';
    const config = parseConfig(text, 'c.jsonc');
    const en = config.problems.map((p) => p.en);
    assert.deepEqual(en, [
      'c.jsonc:3:5: unknown rule "GK999" (an id is like GK209, a name like header-label)',
      'c.jsonc:4:5: invalid value "loud" for rule GK209; expected one of: error, warning, info, hint, off, on, true, false',
      'c.jsonc:7:3: unknown key "ignore"; expected rules, ignores or locale',
      'c.jsonc:8:13: invalid locale; expected zh-cn or en',
    ]);
    assert.deepEqual(config.rules, { GK204: false });
    assert.match(config.problems[0]['zh-cn'], /未知规则“GK999”/);
  });

  test('syntax errors, a non-object, ignores that are not strings', () => {
    assert.match(parseConfig('{ "rules": { "GK209": "off" ', 'c').problems[0].en, /^c:1:\d+: JSON syntax error/);
    assert.match(parseConfig('[1]', 'c').problems[0].en, /must be a JSON object/);
    assert.match(parseConfig('{ "ignores": "drafts" }', 'c').problems[0].en, /ignores must be an array/);
    assert.match(parseConfig('{ "ignores": [1] }', 'c').problems[0].en, /ignores must be an array/);
    assert.match(parseConfig('{ "rules": { "GK209": { "x": 1 } } }', 'c').problems[0].en, /invalid value "\{ "x": 1 \}" for rule GK209/);
  });
});

describe('configuration file: discovery', () => {
  test('the nearest file up from the file’s folder wins, whole (no merging); .gkreport.jsonc before gkreport.config.json', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a', 'b', 'c'), { recursive: true });
    writeTemp(dir, 'gkreport.config.json', '{ "rules": { "GK209": "off" } }');
    writeTemp(dir, 'a/b/.gkreport.jsonc', '{ "rules": { "GK204": "off" } }');
    const resolver = new ConfigResolver();
    assert.deepEqual(resolver.forFile(join(dir, 'a', 'x.txt')).config?.rules, { GK209: false });
    assert.deepEqual(resolver.forFile(join(dir, 'a', 'b', 'c', 'x.txt')).config?.rules, { GK204: false }, 'nearest, not merged');
    writeTemp(dir, 'a/b/gkreport.config.json', '{}');
    const both = new ConfigResolver().forFile(join(dir, 'a', 'b', 'x.txt'));
    assert.equal(both.config?.file, join(dir, 'a', 'b', '.gkreport.jsonc'));
    assert.equal(both.shadowed, join(dir, 'a', 'b', 'gkreport.config.json'));
    assert.equal(new ConfigResolver({ fixed: join(dir, 'gkreport.config.json') }).forFile(join(dir, 'a', 'b', 'x.txt')).config?.file, join(dir, 'gkreport.config.json'));
  });

  test('fresh (the editor): a changed or new file is seen on the next look', () => {
    const dir = tempDir();
    const resolver = new ConfigResolver({ fresh: true });
    assert.equal(resolver.forFile(join(dir, 'r.txt')).config, undefined);
    writeTemp(dir, '.gkreport.jsonc', '{ "rules": { "GK209": "off" } }');
    const first = resolver.forFile(join(dir, 'r.txt')).config;
    assert.deepEqual(first?.rules, { GK209: false });
    assert.equal(resolver.forFile(join(dir, 'r.txt')).config, first, 'unchanged: the same object');
    writeTemp(dir, '.gkreport.jsonc', '{ "rules": { "GK209": "error", "GK204": "off" } }');
    assert.deepEqual(resolver.forFile(join(dir, 'r.txt')).config?.rules, { GK209: 'error', GK204: false });
  });
});

describe('configuration on the command line', () => {
  function layout(): { dir: string; a: string; b: string } {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const a = writeTemp(dir, 'a/r.txt', wrongTotal());
    const b = writeTemp(dir, 'b/r.txt', wrongTotal());
    writeTemp(dir, 'a/.gkreport.jsonc', '{ "rules": { "GK209": "off", "row-total": "warning" } }');
    return { dir, a, b };
  }

  test('each file gets its own folder’s configuration', () => {
    const { dir, a, b } = layout();
    const run = runCli(['--locale', 'en', dir]);
    const lines = run.stdout.trim().split('\n');
    const ofA = lines.filter((l) => l.startsWith(a));
    const ofB = lines.filter((l) => l.startsWith(b));
    assert.deepEqual(ofA.map((l) => `${l.split(' ')[1]} ${l.split(' ')[2]}`), ['warning GK301', 'error GK302']);
    assert.ok(ofB.some((l) => / error GK301 /.test(l)) && ofB.some((l) => / info GK209 /.test(l)));
    assert.equal(run.status, 1, 'b still has an error');
  });

  test('--rule wins over the file (by id or name, repeatable, later wins); on = default severity', () => {
    const { a } = layout();
    assert.deepEqual(codes(runCli(['--rule', 'GK209=on', a]).stdout).filter((c) => c === 'GK209').length, 11);
    const run = runCli(['--rule', 'row-total=off', '--rule', 'column-total=off', '--rule', 'GK209=off', '--rule', 'GK209=error', a]);
    assert.deepEqual([...new Set(codes(run.stdout))], ['GK209']);
    assert.match(run.stdout, / error GK209 /);
    assert.equal(run.status, 1);
  });

  test('--config uses exactly that file, however near another one is', () => {
    const { dir, a } = layout();
    const other = writeTemp(dir, 'other.jsonc', '{ "rules": { "GK301": "off", "GK302": "off" } }');
    assert.deepEqual([...new Set(codes(runCli(['--config', other, a]).stdout))], ['GK209']);
    const missing = runCli(['--config', join(dir, 'nope.jsonc'), a]);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /nope\.jsonc/);
  });

  test('a configuration with an unknown rule or severity: one line on stderr, exit 2, nothing checked', () => {
    const { dir, a } = layout();
    writeTemp(dir, 'a/.gkreport.jsonc', '{\n  "rules": { "GK999": "off" }\n}');
    const run = runCli(['--locale', 'en', a]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `gkreport: configuration error: ${join(dir, 'a', '.gkreport.jsonc')}:2:14: unknown rule "GK999" (an id is like GK209, a name like header-label)\n`);
    for (const bad of [['--rule', 'GK999=off'], ['--rule', 'GK209=loud'], ['--rule', 'GK209'], ['--max-warnings', '-1'], ['--max-warnings', 'x']]) {
      const r = runCli([...bad, SEED_CLEAN]);
      assert.equal(r.status, 2, bad.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, bad.join(' '));
    }
  });

  test('ignores (of the file, relative to its folder; --ignore, relative to the working folder) skip files found in folders, not files named', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'drafts'));
    mkdirSync(join(dir, 'final'));
    writeTemp(dir, 'drafts/a.txt', readText(SEED_CLEAN));
    writeTemp(dir, 'final/b.txt', readText(SEED_CLEAN));
    writeTemp(dir, 'final/c.txt', readText(SEED_CLEAN));
    const files = (args: string[]) => [...new Set(runCli(['--rule', 'GK209=error', ...args], { cwd: dir }).stdout.split('\n').filter((l) => l.includes(':')).map((l) => l.split(':')[0]))];
    assert.deepEqual(files(['.']), ['drafts/a.txt', 'final/b.txt', 'final/c.txt']);
    assert.deepEqual(files(['--ignore', 'drafts/**', '--ignore', '**/c.txt', '.']), ['final/b.txt']);
    writeTemp(dir, '.gkreport.jsonc', '{ "ignores": ["final/**"] }');
    assert.deepEqual(files(['.']), ['drafts/a.txt']);
    assert.deepEqual(files(['final/b.txt']), ['final/b.txt'], 'a file named on the command line is checked');
  });

  test('locale: --locale, else the configuration’s', () => {
    const dir = tempDir();
    writeTemp(dir, '.gkreport.jsonc', '{ "locale": "en" }');
    const file = writeTemp(dir, 'r.txt', wrongTotal());
    assert.match(runCli([file]).stdout, /1 file: 2 errors/);
    assert.match(runCli([dir]).stdout, /1 file: 2 errors/);
    assert.match(runCli(['--locale', 'zh-cn', file]).stdout, /1 个文件：2 个错误/);
  });
});

describe('--quiet, --max-warnings, -o', () => {
  test('--quiet prints errors only (and counts only them)', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'r.txt', wrongTotal());
    const run = runCli(['--quiet', '--locale', 'en', file]);
    assert.deepEqual(codes(run.stdout), ['GK301', 'GK302']);
    assert.match(run.stdout, /1 file: 2 errors, 0 warnings, 0 infos/);
    const json = JSON.parse(runCli(['-q', '--format', 'json', file]).stdout);
    assert.deepEqual(json[0].diagnostics.map((d: { code: string }) => d.code), ['GK301', 'GK302']);
  });

  test('--max-warnings N: exit 1 with more warnings than N (counted before --quiet), 0 otherwise', () => {
    const base = runCli(['--locale', 'en', WARNINGS_SEED]);
    const warnings = Number(/ (\d+) warnings?, \d+ infos?\n$/.exec(base.stdout)![1]);
    assert.ok(warnings > 0 && base.status === 0);
    assert.equal(runCli(['--max-warnings', String(warnings), WARNINGS_SEED]).status, 0);
    const over = runCli(['--max-warnings', String(warnings - 1), '--locale', 'en', WARNINGS_SEED]);
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
    assert.equal(runCli(['--quiet', '--max-warnings', '0', WARNINGS_SEED]).status, 1);
  });

  test('-o writes the output to a file (nothing on stdout) in every format', () => {
    const dir = tempDir();
    for (const format of ['text', 'json', 'sarif', 'csv', 'html']) {
      const out = join(dir, `out.${format}`);
      writeFileSync(out, 'old');
      const run = runCli(['--format', format, '-o', out, '--locale', 'en', SEED_CLEAN]);
      assert.equal(run.status, 0, format);
      assert.equal(run.stdout, '', format);
      assert.match(run.stderr, /^wrote .+ \(1 report\)\n$/);
      assert.equal(readFileSync(out, 'utf8'), runCli(['--format', format, '--locale', 'en', SEED_CLEAN]).stdout, format);
    }
    const bad = runCli(['-o', join(dir, 'missing', 'x.txt'), SEED_CLEAN]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /missing/);
  });
});
