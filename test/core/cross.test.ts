// Across reports (GK801–GK803): a (last year, this year) pair for each rule, made from 洪泽's real
// 2023 and 2024 reports (test/fixtures/pairs), and the unedited pair that must stay silent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/core/service/check';
import { parseReport } from '../../server/src/core/parse/report';
import { isPreviousYear, pairingYear, previousReport, previousYearReports, sameAgency, type ReportIdentity } from '../../server/src/core/analysis/cross/previous';
import fc from 'fast-check';
import type { Finding, OtherReport } from '../../server/src/core/rules/types';
import { SEEDS, fixtures, lineOf, ofRule, realText, replaceOnce, seedText, spanText } from './helpers';

const pairText = (name: string) => readFileSync(join(fixtures, 'pairs', name), 'utf8');
const LAST_YEAR = 'pairs/hongze-2023.txt';
const lastYear: OtherReport = { file: LAST_YEAR, model: parseReport(pairText('hongze-2023.txt')) };

function crossFindings(text: string, workspace: OtherReport[] = [lastYear]): Finding[] {
  return check(text, { workspace }).findings.filter((f) => f.ruleId.startsWith('GK8'));
}

describe('finding last year’s report', () => {
  it('the same agency, with or without the higher place levels', () => {
    assert.ok(sameAgency('洪泽区人民政府', '淮安市洪泽区人民政府'));
    assert.ok(sameAgency('上海市人民政府办公厅', '上海市人民政府办公厅'));
    assert.ok(!sameAgency('人民政府', '淮安市人民政府'), 'a bare level names no place');
    assert.ok(!sameAgency('上海市人民政府办公厅', '上海市科委'));
    assert.ok(!sameAgency(undefined, '上海市科委'));
  });
  it('year − 1 only, and only when exactly one report fits', () => {
    const model = parseReport(realText('hongze-2024-pdftotext.txt'));
    assert.equal(previousReport(model, [lastYear]), lastYear);
    assert.equal(previousReport(model, [lastYear, { ...lastYear, file: 'copy.txt' }]), undefined);
    assert.equal(previousReport(lastYear.model, [{ file: 'x', model }]), undefined, '2024 is not before 2023');
    const other = { file: 'huaian.txt', model: parseReport(realText('huaian-city-2024-pdftotext.txt')) };
    assert.equal(previousReport(model, [other]), undefined);
  });
});

describe('pairing many reports at once (the CLI on a folder of a province’s reports)', () => {
  // Names built from a few parts, so that equal names, longer names of the same agency and bare levels all occur.
  const name = fc
    .tuple(fc.constantFrom('', '江苏省', '淮安市', '江苏省淮安市'), fc.constantFrom('', '洪泽区', '清江浦区', '盱眙县', '市'), fc.constantFrom('人民政府', '人民政府办公室', '教育局', '( 教育局 )'))
    .map((parts) => parts.join(''));
  const identity: fc.Arbitrary<ReportIdentity | undefined> = fc.option(
    fc.record({ agency: fc.option(name, { nil: undefined }), reportYear: fc.option(fc.integer({ min: 2019, max: 2022 }), { nil: undefined }) }),
    { nil: undefined },
  );

  it('finds exactly the pairs that comparing every report with every other finds', () => {
    fc.assert(
      fc.property(fc.array(identity, { maxLength: 40 }), (identities) => {
        const everyPair = identities.map((id, i) =>
          id ? identities.flatMap((other, j) => (j !== i && other && isPreviousYear(id, other) ? [j] : [])) : [],
        );
        assert.deepEqual(previousYearReports(identities), everyPair);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the unedited 洪泽 pair is consistent', () => {
  it('GK801, GK802 and GK803 stay silent', () => {
    assert.deepEqual(crossFindings(realText('hongze-2024-pdftotext.txt')), []);
  });
  it('without last year’s report nothing is compared', () => {
    assert.deepEqual(crossFindings(pairText('hongze-2024-carry-over.txt'), []), []);
  });
});

describe('GK801 carry-over', () => {
  it('fires per column where 上年结转 differs from last year’s 结转下年度, related to the other file’s cell', () => {
    const text = pairText('hongze-2024-carry-over.txt');
    const found = crossFindings(text);
    assert.deepEqual(found.map((f) => [f.ruleId, lineOf(text, f), spanText(text, f), f.ruleId === 'GK801' && f.data.column]), [
      ['GK801', 96, '3', 'natural'],
      ['GK801', 96, '3', 'total'],
    ]);
    const [f] = found;
    assert.equal(f.severity, 'warning');
    assert.match(f.message['zh-cn'], /为 3，2023年度报告.*为 0/);
    assert.match(f.message.en, /is 3; the 2023 report’s .* is 0/);
    assert.equal(f.related[0].file, LAST_YEAR);
    const other = pairText('hongze-2023.txt');
    assert.equal(other.slice(f.related[0].span.start, f.related[0].span.end), '0');
    assert.match(other.slice(other.lastIndexOf('\n', f.related[0].span.start) + 1, f.related[0].span.start), /^四、结转下年度继续办理/);
  });
});

describe('GK802 stock-flow', () => {
  it('fires when 现行有效件数 ≠ last year’s + 制发 − 废止', () => {
    const text = pairText('hongze-2024-stock-flow.txt');
    const found = crossFindings(text);
    assert.deepEqual(found.map((f) => [f.ruleId, lineOf(text, f), spanText(text, f), f.ruleId === 'GK802' && f.data.expected]), [['GK802', 50, '9', '8']]);
    assert.equal(found[0].related[0].file, LAST_YEAR);
  });
});

describe('GK803 copied-text', () => {
  it('fires on part 五 copied from last year (info, on the heading)', () => {
    const text = pairText('hongze-2024-copied.txt');
    const found = crossFindings(text);
    assert.deepEqual(found.map((f) => [f.ruleId, f.severity, f.ruleId === 'GK803' && f.data.part]), [['GK803', 'info', 5]]);
    assert.equal(spanText(text, found[0]).trim(), '五、存在的主要问题及改进情况');
  });
});

describe('pairing only with a settled year', () => {
  // Seed 000 (昆明市人民政府 2023): no title line; the preamble names 2023 and the statistics period 2023.
  const seed = seedText(SEEDS.kunming2023);
  const PERIOD = '统计期限为2023年1月1日—2023年12月31日';
  const PREAMBLE = '现公布昆明市人民政府2023年';
  const current = { file: 'current.txt', model: parseReport(seed) };
  const as = (file: string, text: string): OtherReport => ({ file, model: parseReport(text) });
  const cross = (text: string, workspace: OtherReport[]) => check(text, { workspace }).findings.filter((f) => f.ruleId.startsWith('GK8'));

  it('a copy whose period says 2022 (its preamble 2023: GK501) is not last year’s report, and floods nothing', () => {
    const unsettled = as('period-2022.txt', replaceOnce(seed, PERIOD, '统计期限为2022年1月1日—2022年12月31日'));
    assert.ok(ofRule(unsettled.model.text, 'GK501').length > 0, 'the copy disagrees with itself');
    assert.equal(unsettled.model.meta.reportYear, 2022, 'its year as read before: the period’s, no title line');
    assert.equal(pairingYear(unsettled.model.meta), undefined);
    assert.equal(isPreviousYear(current.model.meta, unsettled.model.meta), false);
    assert.equal(previousReport(current.model, [unsettled]), undefined);
    assert.deepEqual(cross(seed, [unsettled]), []);
  });

  it('a copy whose preamble says 2022 and period 2023 is not last year’s report either', () => {
    const unsettled = as('preamble-2022.txt', replaceOnce(seed, PREAMBLE, '现公布昆明市人民政府2022年'));
    assert.equal(pairingYear(unsettled.model.meta), undefined);
    assert.deepEqual(cross(seed, [unsettled]), []);
  });

  it('a report whose own year is unsettled is compared with nothing', () => {
    const lastYear = as('2022.txt', replaceOnce(replaceOnce(seed, PERIOD, '统计期限为2022年1月1日—2022年12月31日'), PREAMBLE, '现公布昆明市人民政府2022年'));
    assert.equal(pairingYear(lastYear.model.meta), 2022, 'a settled 2022 report');
    assert.ok(cross(seed, [lastYear]).length > 0, 'it is this report’s previous year: its 结转 is compared');
    const unsettled = replaceOnce(seed, PERIOD, '统计期限为2022年1月1日—2022年12月31日'.replace(/2022/g, '2024'));
    assert.deepEqual(cross(unsettled, [lastYear]), []);
    const preamble2024 = replaceOnce(seed, PREAMBLE, '现公布昆明市人民政府2024年');
    assert.deepEqual(cross(preamble2024, [as('2023.txt', seed)]), [], 'preamble 2024, period 2023: not paired with 2023 either');
  });

  it('an identity without period or title year (a summary between threads) is taken at its word', () => {
    assert.ok(isPreviousYear({ agency: '昆明市人民政府', reportYear: 2023 }, { agency: '昆明市人民政府', reportYear: 2022 }));
  });
});
