// The built command-line checker (dist/cli.js), run as a user would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import {
  SEED_CLEAN,
  hasError,
  readText,
  realDir,
  replaceOnce,
  root,
  runCli,
  runJson,
  seed,
  seedsDir,
  tempDir,
  writeTemp,
} from './helpers';
import { cliPath } from './helpers';

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const fixtureFiles = [
  ...readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => join(seedsDir, f)),
  ...readdirSync(realDir).filter((f) => f !== 'README.md').map((f) => join(realDir, f)),
].sort();

/** Seed 000 with one wrong row total: (一)予以公开 总计 1093 written as 1039 (GK301). */
function wrongTotalReport(): string {
  return replaceOnce(readText(SEED_CLEAN), '| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | 1039 |');
}

function assertOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  assert.match(lines[0], /^gkreport: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(stderr, /\n\s+at |Error:|node:internal/, 'no stack trace');
}

describe('--format json', () => {
  test('prints one array with { file, diagnostics } per input, in LSP shape', () => {
    const inputs = [SEED_CLEAN, seed('004_726ada126d26dda0.txt')];
    const { run, files } = runJson(inputs);
    assert.equal(run.stderr, '');
    assert.ok(Array.isArray(files));
    assert.deepEqual(
      files.map((f) => f.file),
      inputs,
    );
    const text004 = readText(inputs[1]);
    const lines004 = text004.split(/\r\n|\r|\n/);
    for (const { diagnostics } of files) {
      assert.ok(Array.isArray(diagnostics));
      for (const d of diagnostics) {
        assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(Number.isInteger(p.line) && p.line >= 0, 'line is 0-based');
          assert.ok(Number.isInteger(p.character) && p.character >= 0, 'character is 0-based');
        }
        assert.ok(SEVERITIES.includes(d.severity), `severity is a word: ${d.severity}`);
        assert.match(d.code, /^GK\d{3}$/);
        assert.equal(d.source, 'gkreport');
        assert.equal(typeof d.message, 'string');
        assert.ok(d.message.length > 0);
        for (const r of d.relatedInformation ?? []) {
          assert.equal(typeof r.location.uri, 'string');
          assert.equal(typeof r.message, 'string');
        }
      }
    }
    for (const d of files[1].diagnostics) assert.ok(d.range.start.line < lines004.length, 'range lies inside the file');
  });

  test('seed 004 (parts 二 三 四 without tables) reports GK201 errors on their headings', () => {
    const { run, files } = runJson([seed('004_726ada126d26dda0.txt')]);
    const lines = readText(seed('004_726ada126d26dda0.txt')).split(/\r\n|\r|\n/);
    const gk201 = files[0].diagnostics.filter((d) => d.code === 'GK201');
    assert.equal(gk201.length, 3, JSON.stringify(files[0].diagnostics, null, 1));
    for (const d of gk201) {
      assert.equal(d.severity, 'error');
      assert.match(lines[d.range.start.line], /^[二三四]、/);
    }
    assert.equal(run.status, 1);
  });

  test('messages follow --locale', () => {
    const zh = runJson(['--locale', 'zh-cn', seed('004_726ada126d26dda0.txt')]).files[0].diagnostics;
    const en = runJson(['--locale', 'en', seed('004_726ada126d26dda0.txt')]).files[0].diagnostics;
    assert.ok(zh.length > 0);
    assert.deepEqual(
      en.map((d) => d.code),
      zh.map((d) => d.code),
    );
    assert.ok(zh.some((d) => /[\u4e00-\u9fff]/.test(d.message)), 'zh-cn messages are Chinese');
    assert.notDeepEqual(
      en.map((d) => d.message),
      zh.map((d) => d.message),
    );
    assert.ok(en.every((d) => /[A-Za-z]{3,}/.test(d.message)), 'en messages are English');
  });
});

describe('--format text', () => {
  test('one `file:line:col severity code message` line per finding, then the summary', () => {
    const file = seed('004_726ada126d26dda0.txt');
    const run = runCli([file]);
    const json = runJson([file]).files[0].diagnostics;
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.equal(lines.length, json.length);
    lines.forEach((line, i) => {
      const m = /^(.+):(\d+):(\d+) (error|warning|info|hint) (GK\d{3}) (.+)$/.exec(line);
      assert.ok(m, `line shape: ${line}`);
      assert.equal(m[1], file);
      assert.equal(Number(m[2]), json[i].range.start.line + 1, '1-based line');
      assert.equal(Number(m[3]), json[i].range.start.character + 1, '1-based column');
      assert.equal(m[4], json[i].severity);
      assert.equal(m[5], json[i].code);
      assert.equal(m[6], json[i].message);
    });
    const count = (s: string) => json.filter((d) => d.severity === s).length;
    assert.equal(summary, `1 个文件：${count('error')} 个错误，${count('warning')} 个警告，${count('info') + count('hint')} 个提示`);
  });

  test('the summary in English', () => {
    const run = runCli(['--locale', 'en', SEED_CLEAN, seed('004_726ada126d26dda0.txt')]);
    assert.match(run.stdout.trimEnd().split('\n').pop()!, /^2 files: \d+ errors?, \d+ warnings?, \d+ infos?$/);
  });

  test('a folder is walked recursively for .txt, .md and .gkreport files, in name order', () => {
    const dir = tempDir();
    const report = readText(SEED_CLEAN);
    writeTemp(dir, 'b.md', report);
    writeTemp(dir, 'a.txt', report);
    writeTemp(dir, 'c.gkreport', report);
    writeTemp(dir, 'notes.docx', 'not a report');
    for (const sub of ['sub', '.hidden', 'node_modules']) {
      const subdir = join(dir, sub);
      mkdirSync(subdir);
      writeTemp(subdir, 'd.txt', report);
    }
    const { files } = runJson([dir]);
    assert.deepEqual(
      files.filter((f) => !f.notification).map((f) => f.file),
      ['a.txt', 'b.md', 'c.gkreport', join('sub', 'd.txt')].map((f) => join(dir, f)),
    );
    // A .docx that is no Word file is named, not checked.
    assert.match(files.find((f) => f.file.endsWith('notes.docx'))?.notification ?? '', /notes\.docx/);
    const empty = tempDir();
    const run = runCli([empty]);
    assert.equal(run.status, 0, 'a folder without reports is not an error');
    assert.equal(run.stdout, '0 个文件：0 个错误，0 个警告，0 个提示\n');
  });
});

describe('--format sarif', () => {
  test('is SARIF 2.1.0 with the rule catalogue and 1-based regions', () => {
    const file = seed('004_726ada126d26dda0.txt');
    const run = runCli(['--format', 'sarif', file]);
    const json = runJson([file]).files[0].diagnostics;
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const [sarifRun] = sarif.runs;
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'gkreport');
    assert.equal(driver.version, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    assert.ok(driver.rules.length > 0);
    for (const rule of driver.rules) {
      assert.match(rule.id, /^GK\d{3}$/);
      assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(sarifRun.results.length, json.length);
    sarifRun.results.forEach((result: any, i: number) => {
      const d = json[i];
      assert.equal(result.ruleId, d.code);
      assert.equal(driver.rules[result.ruleIndex].id, d.code);
      assert.equal(result.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[d.severity]);
      assert.equal(result.message.text, d.message);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uri, pathToFileURL(file).href, 'an absolute path becomes a file: URI');
      assert.deepEqual(region, {
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      });
    });
  });

  test('relative paths stay relative URIs', () => {
    const run = runCli(['--format', 'sarif', 'test/fixtures/seeds/004_726ada126d26dda0.txt']);
    const results = JSON.parse(run.stdout).runs[0].results;
    assert.ok(results.length > 0);
    for (const r of results) assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/seeds/004_726ada126d26dda0.txt');
  });
});

describe('exit codes', () => {
  for (const file of fixtureFiles) {
    test(`${file.slice(root.length + 1)}: exit 1 exactly when an error is reported`, () => {
      const { run, files } = runJson([file]);
      assert.equal(run.stderr, '', 'no crash or warning on stderr');
      assert.equal(run.status, hasError(files) ? 1 : 0);
    });
  }

  test('the clean seed 000 exits 0 with no error or warning', () => {
    const { run, files } = runJson([SEED_CLEAN]);
    assert.equal(run.status, 0);
    assert.deepEqual(
      files[0].diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'),
      [],
    );
  });

  test('a wrong row total is an error (GK301) and exits 1', () => {
    const file = writeTemp(tempDir(), 'wrong-total.txt', wrongTotalReport());
    const { run, files } = runJson([file]);
    assert.equal(run.status, 1);
    const gk301 = files[0].diagnostics.filter((d) => d.code === 'GK301');
    assert.equal(gk301.length, 1, JSON.stringify(files[0].diagnostics, null, 1));
    assert.equal(gk301[0].severity, 'error');
    const line = readText(file).split('\n')[gk301[0].range.start.line];
    assert.equal(line.slice(gk301[0].range.start.character, gk301[0].range.end.character), '1039', 'the range is the total cell');
    assert.equal(runCli([file]).status, 1, 'text format exits the same way');
  });

  test('a missing file exits 2 with one line on stderr', () => {
    const run = runCli(['no-such-report.txt']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assertOneLineError(run.stderr, /no-such-report\.txt/);
  });

  test('an unknown option exits 2 with a usage hint', () => {
    const run = runCli(['--bogus', SEED_CLEAN]);
    assert.equal(run.status, 2);
    assertOneLineError(run.stderr, /--bogus.*--help/);
    const en = runCli(['--locale', 'en', '--frobnicate', SEED_CLEAN]);
    assert.equal(en.status, 2);
    assertOneLineError(en.stderr, /^gkreport: unknown option: --frobnicate\. Run gkreport --help for usage\.$/);
  });

  test('bad option values and no input exit 2', () => {
    for (const args of [['--format', 'xml', SEED_CLEAN], ['--format'], ['--locale', 'fr', SEED_CLEAN], []]) {
      const run = runCli(args);
      assert.equal(run.status, 2, `args: ${args.join(' ')}`);
      assertOneLineError(run.stderr, /./);
    }
  });

  test('GB18030/GBK and UTF-16 files are read like UTF-8; a binary file is named and the others are still checked', () => {
    const dir = tempDir();
    const report = readText(SEED_CLEAN);
    const gbk = writeTemp(dir, 'gbk.txt', iconv.encode(report, 'gb18030'));
    const utf16 = writeTemp(dir, 'utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report, 'utf16le')]));
    const expected = runJson([SEED_CLEAN]).files[0].diagnostics;
    assert.deepEqual(runJson([gbk]).files[0].diagnostics, expected);
    assert.deepEqual(runJson([utf16]).files[0].diagnostics, expected);
    const binary = writeTemp(dir, 'binary.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0x00, 0x01]));
    const run = runCli([binary, SEED_CLEAN]);
    assert.equal(run.status, 2, 'an input that cannot be read makes the exit code 2');
    assert.match(run.stdout, /000_62a988e64cb0ac5c\.txt:72:8 info GK209/, 'the other input is still checked');
    assertOneLineError(run.stderr, /binary\.txt 不是文本文件/);
    assertOneLineError(runCli(['--locale', 'en', binary]).stderr, /not a text file/);
    const json = runJson([binary, SEED_CLEAN]).files;
    assert.match(json.find((f) => f.file === binary)?.notification ?? '', /不是文本文件/);
    const sarif = JSON.parse(runCli(['--format', 'sarif', binary, SEED_CLEAN]).stdout);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /binary\.txt/);
  });

  test('a UTF-8 BOM is ignored', () => {
    const file = writeTemp(tempDir(), 'bom.txt', '\ufeff' + readText(SEED_CLEAN));
    const withBom = runJson([file]).files[0].diagnostics;
    const without = runJson([SEED_CLEAN]).files[0].diagnostics;
    assert.deepEqual(withBom, without);
  });

  test('--help and --version exit 0', () => {
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^用法：gkreport/);
    assert.match(help.stdout, /--format text\|json\|sarif/);
    assert.match(runCli(['--help', '--locale', 'en']).stdout, /^Usage: gkreport/);
    const version = runCli(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});

describe('--fix', () => {
  test('--fix leaves a wrong total as written; --fix-totals sets it to its sum, writes the file, and the re-check no longer finds it', () => {
    const dir = tempDir();
    const broken = writeTemp(dir, 'wrong-total.txt', wrongTotalReport());
    const clean = writeTemp(dir, 'clean.txt', readText(SEED_CLEAN));
    const before = runJson([broken]).files[0].diagnostics;
    assert.ok(before.some((d) => d.code === 'GK301'), 'the crafted report has a GK301 finding');

    // The default policy rewrites no total (a wrong total may be a wrong term): what is safe is fixed, the total stands.
    const plain = runCli(['--fix', broken]);
    assert.match(readText(broken), /\(一\)予以公开 \| 1032 \| 42 \| 7 \| 1 \| 10 \| 1 \| 1039 \|/, 'the written total stands');
    assert.doesNotMatch(plain.stderr, /已解决 GK301/);
    assert.match(plain.stdout, /GK301/, 'the remaining findings still include it');

    const run = runCli(['--fix-totals', broken]);
    const after = readText(broken);
    assert.match(after, /\(一\)予以公开 \| 1032 \| 42 \| 7 \| 1 \| 10 \| 1 \| 1093 \|/, 'the total is its sum');
    const gk301 = before.find((d) => d.code === 'GK301')!;
    assert.ok(run.stderr.includes(`已解决 GK301 ${gk301.message}`), `the resolved finding is reported on stderr:\n${run.stderr}`);
    assert.match(run.stderr, /文件已写回/);
    assert.doesNotMatch(run.stdout, /GK301/, 'the remaining findings no longer include it');

    const recheck = runJson([broken]);
    assert.ok(!recheck.files[0].diagnostics.some((d) => d.code === 'GK301'), 'the re-check finds no GK301');
    // Fixing the crafted file ends where fixing the clean seed ends: only the wrong total differed.
    runCli(['--fix-totals', clean]);
    assert.equal(after, readText(clean));
    assert.equal(recheck.run.status, hasError(recheck.files) ? 1 : 0);
  });

  test('each file stands alone: a write that fails (over a file-size limit) leaves that file intact, the others are written; exit 2 and a summary', () => {
    const dir = tempDir();
    const big = writeTemp(dir, 'big.txt', wrongTotalReport());
    // A small report (under the limit) with the same wrong total: part 三 and its table only.
    const lines = wrongTotalReport().split('\n');
    const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
    const table = lines.slice(from, lines.findIndex((l, i) => i > from && l.startsWith('四、结转')) + 1);
    const small = writeTemp(dir, 'small.txt', ['某县人民政府2023年政府信息公开工作年度报告', ...table, ''].join('\n'));
    assert.ok(readText(small).length < 3000 && Buffer.byteLength(readText(big)) > 8192, 'the limit (8 KiB) is between the two sizes');
    const run = spawnSync('bash', ['-c', `ulimit -f 8; exec "${process.execPath}" "${cliPath}" --fix-totals "${small}" "${big}"`], { encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(readText(big), wrongTotalReport(), 'the file that could not be written is untouched, not truncated');
    assert.match(readText(small), /\| 1 \| 10 \| 1 \| 1093 \|/, 'the other file is fixed');
    assert.match(run.stderr, new RegExp(`写回 1 个文件：${small.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*失败 1 个：${big.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.deepEqual(readdirSync(dir).sort(), ['big.txt', 'small.txt'], 'no temporary file is left');
    assert.match(run.stdout, /big\.txt.*GK301/, 'every file’s findings are printed');
  });

  test('never changes a figure of a consistent report', () => {
    const clean = writeTemp(tempDir(), 'clean.txt', readText(SEED_CLEAN));
    const run = runCli(['--fix', clean]);
    assert.equal(run.status, 0);
    const numbers = (text: string) => text.match(/\d+(\.\d+)?/g);
    assert.deepEqual(numbers(readText(clean)), numbers(readText(SEED_CLEAN)));
    if (readText(clean) === readText(SEED_CLEAN)) assert.equal(run.stderr, '', 'nothing fixed, nothing said');
    else assert.match(run.stderr, /已解决/, 'a change is reported');
  });

  test('--fix with --format json prints the remaining findings of the fixed text', () => {
    const file = writeTemp(tempDir(), 'wrong-total.txt', wrongTotalReport());
    const run = runCli(['--fix-totals', '--format', 'json', file]);
    const files = JSON.parse(run.stdout);
    assert.equal(files[0].file, file);
    assert.ok(!files[0].diagnostics.some((d: { code: string }) => d.code === 'GK301'), 'the fixed total is no longer reported');
    assert.deepEqual(files, runJson([file]).files, 'the output is the re-check of the written file');
  });
});

describe('reports given together are each other’s workspace', () => {
  const pairs = join(root, 'test', 'fixtures', 'pairs');
  test('GK801 compares this year’s 上年结转 with last year’s report given beside it, related to that file', () => {
    const lastYear = join(pairs, 'hongze-2023.txt');
    const { files } = runJson([lastYear, join(pairs, 'hongze-2024-carry-over.txt')]);
    const gk801 = files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'GK801'));
    assert.equal(gk801.length, 2);
    assert.equal(gk801[0].relatedInformation?.[0].location.uri, lastYear);
    assert.equal(gk801[0].relatedInformation?.[0].location.range.start.line, 131);
  });
  test('alone, the same file has nothing to compare with', () => {
    const { files } = runJson([join(pairs, 'hongze-2024-carry-over.txt')]);
    assert.ok(!files[0].diagnostics.some((d) => String(d.code).startsWith('GK8')));
  });
});
