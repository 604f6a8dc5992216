// Conversions never drop numbers (GK208 "convert to the 2021 layout"): every row and number the
// converted table cannot hold stays, as written, after it under a line that says so; the fix's title
// names what the new layout has no place for; it is never applied without review.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core/service/check';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { dataNumbers } from '../../server/src/core/base/text';
import type { Finding, Fix } from '../../server/src/core/rules/types';
import { SEEDS, ofRule, realText, replaceOnce, seedText } from './helpers';

const FC = { seed: 20261209, endOnFailure: true } as const;

/** Seed 001 (a 2019 report in the 2019 layout) as a 2021 report: both its tables 二 and 三 are outdated. */
const OLD = seedText(SEEDS.kunmingBureau2019).replace('昆明市政务服务管理局2019年', '昆明市政务服务管理局2021年');

function conversion(text: string, table: 'active' | 'requests'): { finding: Finding; fix: Fix } {
  const finding = ofRule(text, 'GK208').find((f) => f.data.table === table);
  assert.ok(finding, `GK208 on table ${table}`);
  const fix = finding.fixes.find((f) => f.id === 'convert-layout');
  assert.ok(fix, 'a conversion is offered');
  return { finding, fix };
}

/** The numbers a range of text writes, as a multiset. */
function numbers(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r\n|\r|\n/)) for (const n of dataNumbers(line)) out.set(n, (out.get(n) ?? 0) + 1);
  return out;
}

/** Every number the replaced range writes is written, as many times, by the replacement. */
function assertNoNumberLost(text: string, fix: Fix): void {
  const [edit] = fix.edits;
  const before = numbers(text.slice(edit.span.start, edit.span.end));
  const after = numbers(edit.newText);
  for (const [n, count] of before) assert.ok((after.get(n) ?? 0) >= count, `${n} ×${count} before, ×${after.get(n) ?? 0} after:\n${edit.newText}`);
}

describe('GK208 conversions keep every number', () => {
  test('an extra 其中:网上申请 row of table 三 stays, as written, after the converted table', () => {
    const extra = '其中:网上申请 | 5 | 0 | 0 | 0 | 0 | 0 | 5 | ||';
    const text = replaceOnce(OLD, '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n', `二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n${extra}\n`);
    const { fix } = conversion(text, 'requests');
    assert.equal(fix.safe, false);
    assert.match(fix.title['zh-cn'], /未能转换的 1 行原样保留在表后/);
    assert.match(fix.title.en, /1 rows it cannot carry stay as written after the table/);
    const out = fix.edits[0].newText.split('\n');
    const note = out.findIndex((l) => l.startsWith('（以下 1 行未能转换为2021年版格式'));
    assert.ok(note > 0, 'a line says what follows could not be converted');
    assert.deepEqual(out.slice(note + 1), [extra]);
    assertNoNumberLost(text, fix);
  });

  test('table 二 of 2019: the title names the columns and rows the 2021 layout has no place for; 政府集中采购 stays', () => {
    const { fix } = conversion(OLD, 'active');
    assert.equal(fix.safe, false, 'a non-zero number would be lost without review');
    for (const column of ['本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '采购总金额']) assert.ok(fix.title['zh-cn'].includes(`“${column}”`), column);
    assert.match(fix.title['zh-cn'], /“其他对外管理服务事项”“政府集中采购”行没有对应行/);
    assert.match(fix.title.en, /the 2019 columns .*“Published this year”.* have no place in the 2021 layout; nor the rows .*“Central procurement”/);
    assert.ok(fix.edits[0].newText.includes('政府集中采购 | 12 | 2830.17 |'));
    assertNoNumberLost(OLD, fix);
    // The converted table is read in the 2021 layout; the rows kept after it do not turn it back.
    const fixed = applyEdits(OLD, fix.edits);
    const active = check(fixed).model.tables.find((t) => t.kind === 'active')!;
    assert.equal(active.layout, '2021');
    assert.ok(!ofRule(fixed, 'GK208').some((f) => f.data.table === 'active'));
  });

  test('PDF text (洪泽 2023): the wrapped （二）部分公开 row keeps its 4s, and every number of the table is in the conversion', () => {
    const text = realText('hongze-2023-pdftotext.txt');
    const { fix } = conversion(text, 'requests');
    assert.ok(fix.edits[0].newText.includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 | 0 | 0 | 0 | 0 | 0 | 4 |'));
    assertNoNumberLost(text, fix);
  });
});

// ── over mutated 2019-layout tables ──────────────────────────────────────

const tableLines = (() => {
  const lines = OLD.split('\n');
  const first = lines.findIndex((l) => l.startsWith('第二十条第(一)项'));
  const last = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
  return { lines, first, last };
})();

const LABELS = ['其中:网上申请', '其中：当面申请', '合计', '备注', '小计', '不详'];
const number = fc.oneof(fc.nat(99), fc.nat(99999)).map(String);

/** Ways a 2019 table goes wrong: rows no layout has, extra cells, repeated rows, other numbers, blanks, a label on its own line. */
const change = fc.oneof(
  fc.tuple(fc.constantFrom(...LABELS), fc.array(number, { minLength: 1, maxLength: 9 })).map(([label, values]) => (line: string) => `${line}\n${label} | ${values.join(' | ')} |`),
  number.map((n) => (line: string) => (line.includes('|') ? `${line.replace(/\|\s*$/, '')}| ${n} |` : line)),
  fc.constant((line: string) => `${line}\n${line}`),
  number.map((n) => (line: string) => line.replace(/\| \d+(\.\d+)? \|/, `| ${n} |`)),
  fc.constant((line: string) => line.replace(/\| \d+ \|/, '|  |')),
  fc.constant((line: string) => {
    const bar = line.indexOf(' | ');
    return bar > 0 && /\d/.test(line.slice(bar)) ? `${line.slice(0, bar)}\n | ${line.slice(bar + 3)}` : line;
  }),
);

const mutatedOld = fc.array(fc.tuple(fc.nat(1000), change), { minLength: 1, maxLength: 8 }).map((changes) => {
  const lines = [...tableLines.lines];
  for (const [at, f] of changes) {
    const i = tableLines.first + (at % (tableLines.last - tableLines.first + 1));
    lines[i] = f(lines[i]);
  }
  return lines.join('\n');
});

describe('GK208 conversions over mutated 2019 tables', () => {
  test('every number present before appears after the conversion, and the conversion is never automatic', () => {
    fc.assert(
      fc.property(mutatedOld, (text) => {
        for (const f of ofRule(text, 'GK208')) {
          for (const fix of f.fixes) {
            assert.equal(fix.safe, false);
            assertNoNumberLost(text, fix);
          }
        }
      }),
      { ...FC, numRuns: 200 },
    );
  });
});
