// The output formatters on hand-made findings: positions, severities, related information, summary.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { BLOCK_BYTES, writeInBlocks, type Chunk } from '../../server/src/cli/run';
import { formatText, toJsonFiles, type CheckedFile } from '../../server/src/cli/format';
import { summary } from '../../server/src/cli/messages';
import { artifactUri, toSarif } from '../../server/src/cli/sarif';
import { msg } from '../../server/src/core/base/i18n';
import type { Severity } from '../../server/src/core/base/types';
import type { Finding, Rule } from '../../server/src/core/rules/types';

// Line 2 starts with a character outside the BMP (two UTF-16 units): 𠀋合计 | 12 | 7 puts 7 at column 13.
const text = '一、总体情况\n𠀋合计 | 12 | 7\r\n最后一行';
const at = (s: string) => text.indexOf(s);

/** A finding as the formatters see it; made-up ids and data are cast. */
function finding(ruleId: string, severity: Severity, start: number, end: number, extra: Record<string, unknown> = {}): Finding {
  return { ruleId, severity, span: { start, end }, message: msg(`总计应为 19，实际为 7`, 'total should be 19, is 7'), related: [], fixes: [], data: {}, ...extra } as unknown as Finding;
}

const total = finding('GK301', 'error', at('7'), at('7') + 1, {
  related: [{ span: { start: at('12'), end: at('12') + 2 }, message: msg('加数', 'addend') }],
  data: { big: 1n },
});
const files: CheckedFile[] = [
  {
    file: 'dir/报告.txt',
    text,
    findings: [total, finding('GK107', 'info', 0, 0), finding('GK102', 'warning', at('最后'), at('最后') + 4), finding('GK999', 'hint', 1, 2)],
  },
];

describe('text format', () => {
  test('1-based line and UTF-16 column, severity word, rule id, localized message', () => {
    const lines = formatText(files, 'zh-cn').split('\n');
    assert.equal(lines[0], 'dir/报告.txt:2:13 error GK301 总计应为 19，实际为 7');
    assert.equal(lines[1], 'dir/报告.txt:1:1 info GK107 总计应为 19，实际为 7');
    assert.equal(lines[2], 'dir/报告.txt:3:1 warning GK102 总计应为 19，实际为 7');
    assert.equal(lines[4], '1 个文件：1 个错误，1 个警告，2 个提示');
    assert.equal(formatText(files, 'en').split('\n')[0], 'dir/报告.txt:2:13 error GK301 total should be 19, is 7');
  });

  test('a message with line breaks stays on one line', () => {
    const multi = finding('GK401', 'warning', 0, 1, { message: msg('第一行\n第二行', 'one\ntwo') });
    assert.equal(formatText([{ file: 'a.txt', text, findings: [multi] }], 'en').split('\n')[0], 'a.txt:1:1 warning GK401 one two');
  });

  test('summary wording and plurals', () => {
    assert.equal(summary({ files: 3, errors: 2, warnings: 1, infos: 0 }, 'zh-cn'), '3 个文件：2 个错误，1 个警告，0 个提示');
    assert.equal(summary({ files: 3, errors: 2, warnings: 1, infos: 0 }, 'en'), '3 files: 2 errors, 1 warning, 0 infos');
    assert.equal(summary({ files: 1, errors: 1, warnings: 0, infos: 1 }, 'en'), '1 file: 1 error, 0 warnings, 1 info');
  });
});

describe('json format', () => {
  test('LSP diagnostics with word severities and related information; no data', () => {
    const [out] = toJsonFiles(files, 'zh-cn');
    assert.equal(out.file, 'dir/报告.txt');
    assert.deepEqual(out.diagnostics[0], {
      range: { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } },
      severity: 'error',
      code: 'GK301',
      source: 'gkreport',
      message: '总计应为 19，实际为 7',
      relatedInformation: [
        { location: { uri: 'dir/报告.txt', range: { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } } }, message: '加数' },
      ],
    });
    assert.deepEqual(
      out.diagnostics.map((d) => d.severity),
      ['error', 'info', 'warning', 'hint'],
    );
    assert.ok(!('relatedInformation' in out.diagnostics[1]), 'absent when there is none');
    assert.doesNotThrow(() => JSON.stringify(out), 'BigInt data is not carried into JSON');
  });
});

describe('sarif format', () => {
  const rules: Rule[] = [
    { meta: { id: 'GK301', name: 'row-total', group: 'N', defaultSeverity: 'error', description: msg('行总计', 'row total') }, check() {} },
    { meta: { id: 'GK107', name: 'report-title', group: 'S', defaultSeverity: 'info', description: msg('标题', 'title') }, check() {} },
  ];

  test('rules, levels, 1-based regions in UTF-16 columns, related locations', () => {
    const log = toSarif(files, 'en', rules);
    assert.equal(log.version, '2.1.0');
    const [run] = log.runs;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.tool.driver.rules[1], {
      id: 'GK107',
      name: 'report-title',
      shortDescription: { text: 'title' },
      defaultConfiguration: { level: 'note' },
    });
    const [first, second, third, fourth] = run.results as any[];
    assert.equal(first.ruleId, 'GK301');
    assert.equal(first.ruleIndex, 0);
    assert.equal(first.level, 'error');
    assert.equal(first.message.text, 'total should be 19, is 7');
    assert.deepEqual(first.locations[0].physicalLocation, {
      artifactLocation: { uri: 'dir/%E6%8A%A5%E5%91%8A.txt' },
      region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 14 },
    });
    assert.deepEqual(first.relatedLocations[0].physicalLocation.region, { startLine: 2, startColumn: 8, endLine: 2, endColumn: 10 });
    assert.equal(second.level, 'note');
    assert.equal(third.level, 'warning');
    assert.equal(fourth.level, 'note');
    assert.ok(!('ruleIndex' in fourth), 'a rule missing from the catalogue has no index');
  });

  test('artifact URIs', () => {
    assert.equal(artifactUri('a b/报告.txt'), 'a%20b/%E6%8A%A5%E5%91%8A.txt');
    assert.equal(artifactUri('/tmp/x.txt'), 'file:///tmp/x.txt');
  });
});

describe('arguments', () => {
  test('options and inputs', () => {
    const r = parseArgs(['--format=sarif', '--fix', 'a.txt', '--locale', 'en', '--', '--odd-name.txt']);
    assert.ok(r.ok);
    assert.deepEqual(r.options, { command: 'check', format: 'sarif', fix: true, fixTotals: false, locale: 'en', help: false, version: false, inputs: ['a.txt', '--odd-name.txt'] });
  });

  test('errors use the requested locale even when they come first', () => {
    const r = parseArgs(['--nope', '--locale', 'en']);
    assert.ok(!r.ok);
    assert.equal(r.locale, 'en');
    assert.equal(r.error.en, 'unknown option: --nope');
  });

  test('bad values, missing values, no inputs', () => {
    for (const argv of [['--format', 'xml', 'a'], ['--format'], ['--format', '--fix', 'a'], ['--locale=fr', 'a'], [], ['--fix=yes', 'a']]) {
      assert.equal(parseArgs(argv).ok, false, argv.join(' '));
    }
    assert.ok(parseArgs(['--help']).ok, '--help needs no input');
  });
});

describe('writing the output in blocks', () => {
  test('pieces of text and bytes, small and larger than a block, come out whole and in order, in blocks of at most BLOCK_BYTES', () => {
    const big = '表'.repeat(BLOCK_BYTES); // 3 bytes a character: three blocks' worth, written by itself
    const chunks: Chunk[] = ['[\n', '“总计”', new TextEncoder().encode('𠀋字节'), big, ',\n', 'a'.repeat(BLOCK_BYTES - 10), '\n]\n'];
    const written: Buffer[] = [];
    writeInBlocks(chunks, { stdout: (chunk) => written.push(Buffer.from(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)), stderr: () => {} });
    const expected = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c))));
    assert.deepEqual(Buffer.concat(written), expected);
    assert.ok(written.length < chunks.length, 'small pieces share a block');
    for (const block of written) if (block.length !== Buffer.byteLength(big)) assert.ok(block.length <= BLOCK_BYTES, `a block of ${block.length} bytes`);
  });
});
