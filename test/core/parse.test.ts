// The parser: every table syntax of rules.md "Inputs", exact numbers, line endings, hostile lines.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service/check';
import { add, equals, parseDecimal, sum, toString } from '../../server/src/core/base/decimal';
import { parseReport } from '../../server/src/core/parse/report';
import { tableDef } from '../../server/src/core/spec/layout';
import { renderTable } from '../../server/src/core/spec/templates';
import { SEEDS, ofRule, seedText, serious } from './helpers';

const base = seedText(SEEDS.anning2022);
const requestsOf = (text: string) => parseReport(text).tables.find((t) => t.kind === 'requests');

/** Seed 002 with table 三 rewritten in another syntax. */
function withRequestsTable(lines: string[]): string {
  const start = base.indexOf('(本列数据');
  const end = base.indexOf('四、政府信息公开行政复议');
  return base.slice(0, start) + lines.join('\n') + '\n' + base.slice(end);
}

/** Table 三 of seed 002 as rows of [label, 7 values]. */
function seedRows(): string[][] {
  const table = requestsOf(base)!;
  return table.def.rows.map((r) => [r.label, ...table.byRow.get(r.id)!.values.map((c) => c.raw)]);
}

describe('decimal arithmetic', () => {
  it('0.1 + 0.2 is exactly 0.3', () => {
    assert.ok(equals(add(parseDecimal('0.1')!, parseDecimal('0.2')!), parseDecimal('0.3')!));
  });
  it('counts up to 10^15 and beyond stay exact', () => {
    const big = parseDecimal('999999999999999')!;
    assert.equal(toString(sum([big, parseDecimal('1')!])), '1000000000000000');
    assert.equal(toString(add(parseDecimal('194815.90')!, parseDecimal('0.10')!)), '194816');
  });
  it('rejects what is not a plain number', () => {
    for (const s of ['', '-', '1.', '.5', '1e3', '1,000', '１']) assert.equal(parseDecimal(s), undefined, s);
  });
});

describe('table syntaxes', () => {
  it('Markdown rows (leading bar, separator line)', () => {
    const rows = seedRows().map((r) => `| ${r.join(' | ')} |`);
    const text = withRequestsTable(['| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '|---|---|---|---|---|---|---|---|', ...rows]);
    const t = requestsOf(text)!;
    assert.equal(t.byRow.size, 25);
    assert.equal(t.syntax, 'markdown');
    assert.deepEqual(serious(check(text).findings), []);
  });

  it('TAB-separated rows, labels merged into one cell with a space', () => {
    const rows = seedRows().map((r) => r.join('\t'));
    const text = withRequestsTable(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况', ...rows]);
    assert.equal(requestsOf(text)!.byRow.size, 25);
    assert.equal(requestsOf(text)!.syntax, 'tab');
    assert.deepEqual(serious(check(text).findings), []);
  });

  it('full-width bars and digits are read, and reported under GK207', () => {
    const fw = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const rows = seedRows().map((r) => `${r.join('｜')}｜`);
    rows[0] = fw(rows[0]);
    const text = withRequestsTable(rows);
    const t = requestsOf(text)!;
    assert.equal(t.byRow.get('new')!.values[6].value?.units, 20n);
    const gk207 = ofRule(text, 'GK207');
    assert.ok(gk207.some((f) => (f.data?.issues as string[] | undefined)?.includes('full-width')));
    assert.ok(gk207.length >= 25, 'every row with full-width bars');
    assert.deepEqual(ofRule(text, 'GK301'), []);
  });

  it('space-aligned PDF rows, with a label wrapped onto the next lines', () => {
    const rows = seedRows().map((r) => `${r[0]}      ${r.slice(1).join('    ')}`);
    const wrapped = rows.flatMap((line, i) => (i === 3 ? ['（二）部分公开（区分处理的，只计这一情', '形，不计其他情形）', `          ${line.split('      ')[1]}`] : [line]));
    const text = withRequestsTable(wrapped);
    const t = requestsOf(text)!;
    assert.equal(t.byRow.size, 25);
    assert.equal(t.byRow.get('partial')!.values[6].raw, '9');
    assert.deepEqual(serious(check(text).findings), []);
  });

  it('a rendered blank table is read back as the same layout', () => {
    for (const layout of ['2021', '2019'] as const) {
      for (const kind of ['active', 'requests', 'review'] as const) {
        const def = tableDef(layout, kind);
        const heading = ['', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'][def.part];
        for (const syntax of ['pipe', 'markdown', 'tab'] as const) {
          const model = parseReport(`${layout}年度报告\n${heading}\n${renderTable(def, syntax).join('\n')}\n`);
          const t = model.tables.find((x) => x.kind === kind);
          assert.ok(t, `${layout} ${kind} ${syntax}`);
          assert.equal(t.unreadable, undefined);
          assert.equal(t.byRow.size, def.rows.length, `${layout} ${kind} ${syntax}: every row`);
          if (kind !== 'review') assert.equal(t.layout, layout);
        }
      }
    }
  });
});

describe('line endings and odd text', () => {
  it('CRLF and lone CR give the same findings at the same columns as LF', () => {
    const broken = base.replace('| 20 | ||', '| 21 | ||');
    const lf = check(broken).findings.map((f) => f.ruleId);
    for (const eol of ['\r\n', '\r']) {
      const text = broken.replace(/\n/g, eol);
      assert.deepEqual(check(text).findings.map((f) => f.ruleId), lf);
      const gk301 = ofRule(text, 'GK301')[0];
      assert.equal(text.slice(gk301.span.start, gk301.span.end), '21');
    }
  });

  it('hostile lines finish quickly and never throw', () => {
    const hostile = [
      'x'.repeat(100_000),
      '|'.repeat(10_000),
      '\t'.repeat(10_000),
      '9'.repeat(10_000),
      `一、${'|1'.repeat(20_000)}`,
      `(一)${'（'.repeat(50_000)}`,
      '第'.repeat(30_000) + '条',
      '\ud800'.repeat(1000) + '｜' + '０'.repeat(5000),
      `${'1 '.repeat(30_000)}`,
    ];
    for (const line of hostile) {
      const started = performance.now();
      check(`${base}\n${line}\n`);
      assert.ok(performance.now() - started < 3000, `${line.slice(0, 10)}… took too long`);
    }
  });
});
