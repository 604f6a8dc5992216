// Prose against tables (GK401–GK404): the real reports' and seeds' prose agrees or is a listed
// case, the traps stay silent, and each rule fires on a faulty copy with the fix it offers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/core/service/check';
import { parseReport } from '../../server/src/core/parse/report';
import { normalizeWidth } from '../../server/src/core/base/text';
import { proseFacts } from '../../server/src/core/analysis/prose/quantities';
import { tableQuantity } from '../../server/src/core/analysis/prose/tableQuantities';
import { formatPercent, percentFits } from '../../server/src/core/rules/gk402-narrative-percent';
import type { Finding } from '../../server/src/core/rules/types';
import { SEEDS, applyAndRecheck, fixtures, ofRule, realText, replaceOnce, seedText, spanText } from './helpers';

const PROSE_RULES = ['GK401', 'GK402', 'GK403', 'GK404'];
const prose = (text: string): Finding[] => check(text).findings.filter((f) => PROSE_RULES.includes(f.ruleId));
const describeFinding = (text: string, f: Finding) => `${f.ruleId} ${spanText(text, f)}`;

describe('prose: every seed is clean', () => {
  for (const name of Object.values(SEEDS)) {
    it(name, () => {
      const text = seedText(name);
      assert.deepEqual(prose(text).map((f) => describeFinding(text, f)), []);
    });
  }
});

describe('prose: real reports', () => {
  const expected: Record<string, string[]> = {
    'shanghai-office-2019-oldformat-tabs.txt': ['GK401 258', 'GK402 33.9'],
    'shanghai-stcsm-2024-pdftext.md': ['GK404'],
  };
  for (const file of readdirSync(join(fixtures, 'real')).filter((f) => f !== 'README.md')) {
    it(`${file}: ${expected[file]?.join(', ') ?? 'nothing'}`, () => {
      const text = realText(file);
      const found = prose(text).map((f) => (f.ruleId === 'GK404' ? f.ruleId : describeFinding(text, f)));
      assert.deepEqual(found, expected[file] ?? []);
    });
  }

  it('the prose of the consistent reports is compared with their tables, not skipped', () => {
    const compared = (file: string) => {
      const model = parseReport(realText(file));
      return proseFacts(model)
        .quantities.filter((q) => tableQuantity(model, q.category)?.candidates.includes(q.value))
        .map((q) => `${q.category} ${q.value}`);
    };
    const huaian = compared('huaian-city-2024-pdftotext.txt');
    for (const c of ['received 3119', 'answered 3050', 'carried 34', 'forward 103', 'review 351', 'litigation 46']) assert.ok(huaian.includes(c), c);
    const shuyang = compared('shuyang-county-2025-ocr.md');
    for (const c of ['received 749', 'natural 741', 'organisations 8', 'answered 718', 'forward 31']) assert.ok(shuyang.includes(c), c);
    const shanghai = compared('shanghai-office-2025-pdftext.md');
    for (const c of ['received 1295', 'answered 1191', 'carried 189', 'grantedPartial 208', 'unavailable 564']) assert.ok(shanghai.includes(c), c);
    const kunming = compared('../seeds/' + SEEDS.kunming2023);
    for (const c of ['received 2717', 'answered 2651', 'forward 66', 'review 77', 'litigation 68']) assert.ok(kunming.includes(c), c);
  });

  it('洪泽 2024: 代表区政府受理…17件 versus 本年新收 95 is read, and left alone for its scope', () => {
    const model = parseReport(realText('hongze-2024-pdftotext.txt'));
    const q = proseFacts(model).quantities.find((x) => x.category === 'received');
    assert.equal(q?.value, 17n);
    assert.deepEqual(tableQuantity(model, 'received')?.candidates, [95n]);
  });
});

describe('GK401 narrative-number', () => {
  const huaian = realText('huaian-city-2024-pdftotext.txt');

  it('fires on a prose count that differs from table 三, points at the cell, offers the table value (not safe)', () => {
    const text = replaceOnce(huaian, '复 3050 件', '复 3005 件');
    const [f] = ofRule(text, 'GK401');
    assert.ok(f);
    assert.equal(spanText(text, f), '3005');
    assert.match(f.message['zh-cn'], /3005.*3050/);
    assert.match(f.message.en, /3005.*3050/);
    assert.equal(f.related.length, 1);
    assert.equal(spanText(text, { ...f, span: f.related[0].span }), '3050');
    assert.equal(f.fixes[0].safe, false);
    assert.equal(f.fixes[0].edits[0].newText, '3050');
    applyAndRecheck(text, f);
  });

  it('fires on 行政复议 and 行政诉讼 counts against table 四', () => {
    const text = replaceOnce(replaceOnce(huaian, '行政复议 351', '行政复议 315'), '行政诉讼 46 件', '行政诉讼 64 件');
    assert.deepEqual(ofRule(text, 'GK401').map((f) => [spanText(text, f), f.data?.expected]), [['315', '351'], ['64', '46']]);
  });

  it('受理 N 件 may be 本年新收 or 新收 + 上年结转; `含上年结转` decides', () => {
    const seed = seedText(SEEDS.kunming2023); // 2670 new + 47 carried = 2717
    assert.deepEqual(ofRule(replaceOnce(seed, '申请2717件', '申请2670件'), 'GK401'), []);
    const included = replaceOnce(seed, '申请2717件', '申请2670件(含上年结转47件)');
    assert.deepEqual(ofRule(included, 'GK401').map((f) => [spanText(included, f), f.data?.expected]), [['2670', '2717']]);
  });

  it('stays silent when scope words make the count another one (代表, 备案, 全市 in a department report, another year)', () => {
    const seed = seedText(SEEDS.anning2022); // an office's report: 受理…20件
    for (const [from, to] of [
      ['受理公民', '代表市政府受理公民'],
      ['受理公民', '全市受理公民'],
      ['受理公民', '备案受理公民'],
      ['2022年,通过网络', '2021年,通过网络'],
    ]) {
      const text = replaceOnce(replaceOnce(seed, '依申请公开20件', '依申请公开25件'), from, to);
      assert.deepEqual(ofRule(text, 'GK401'), [], to);
    }
    assert.equal(ofRule(replaceOnce(seed, '依申请公开20件', '依申请公开25件'), 'GK401').length, 1, 'without them it fires');
  });

  it('因本机关不掌握等原因无法提供 N 件 may be the 不掌握 row alone or all of (四)', () => {
    const text = realText('shanghai-office-2019-oldformat-tabs.txt');
    assert.ok(!ofRule(text, 'GK401').some((f) => spanText(text, f) === '265'));
    const wrong = replaceOnce(text, '无法提供265件', '无法提供266件');
    assert.ok(ofRule(wrong, 'GK401').some((f) => spanText(wrong, f) === '266'));
  });
});

describe('prose precision: counts of other things stay silent', () => {
  const seed = seedText(SEEDS.kunming2023); // 新收 2670, 结转 66
  const withSentence = (sentence: string) => replaceOnce(seed, '涉及政府信息公开的行政复议77件、行政诉讼68件。', '涉及政府信息公开的行政复议77件、行政诉讼68件。' + sentence);
  for (const sentence of [
    '全市政务服务中心受理行政许可申请12000件,办结11900件。',
    '人大代表建议和政协提案均已办结。',
    '全年依法予以公开政府文件120件。',
    '全市办理行政复议案件300件。',
    '2022年收到政府信息公开申请2500件。',
  ]) {
    it(sentence, () => {
      const text = withSentence(sentence);
      assert.deepEqual(prose(text).map((f) => describeFinding(text, f)), []);
    });
  }
  it('in a paragraph of its own, 予以公开 of proactive disclosure is not a request result', () => {
    const text = replaceOnce(seed, '全年共制发解读材料904条', '全年予以公开政府文件120件,共制发解读材料904条');
    assert.deepEqual(prose(text), []);
  });
});

describe('GK402 narrative-percent', () => {
  it('recomputes with the denominator the other percentages share, tolerant to the rounding written', () => {
    assert.ok(percentFits({ scaled: 434n, decimals: 2 }, 35n, 805n), '4.348 written 4.34 (truncated)');
    assert.ok(percentFits({ scaled: 30n, decimals: 0 }, 6n, 20n));
    assert.ok(!percentFits({ scaled: 339n, decimals: 1 }, 258n, 805n));
    assert.equal(formatPercent(258n, 805n, 1), '32.0');
    assert.equal(formatPercent(35n, 805n, 2), '4.35');
  });

  it('fires on a wrong share in 安宁 2022 and offers the recomputed one', () => {
    const text = replaceOnce(seedText(SEEDS.anning2022), '占45%', '占40%');
    const [f] = ofRule(text, 'GK402');
    assert.equal(spanText(text, f), '40');
    assert.equal(f.data?.expected, '45');
    assert.equal(f.fixes[0].safe, false);
    applyAndRecheck(text, f);
  });

  it('a lone percentage, or a change against last year, is left alone', () => {
    const text = realText('shanghai-office-2019-oldformat-tabs.txt'); // 申请数量较去年回落12.3%
    assert.ok(!ofRule(text, 'GK402').some((f) => spanText(text, f) === '12.3'));
  });
});

describe('GK403 narrative-breakdown', () => {
  const huaian = realText('huaian-city-2024-pdftotext.txt');
  it('fires when exhaustive parts do not add up to the whole', () => {
    const text = replaceOnce(huaian, '其中结果维持 72 件', '其中结果维持 70 件');
    const found = ofRule(text, 'GK403');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message['zh-cn'], /351.*349/);
  });
  it('stays silent when they add up, or when the parts are not exhaustive by their words', () => {
    assert.deepEqual(ofRule(huaian, 'GK403'), []);
    assert.deepEqual(ofRule(seedText(SEEDS.qilin2023), 'GK403'), [], '个人20件、企业1件、法律服务机构4件 = 25');
    const partial = replaceOnce(seedText(SEEDS.anning2022), '法人或其他组织申请件3件', '企业申请件2件');
    assert.deepEqual(ofRule(partial, 'GK403'), []);
  });
  it('fires on 自然人 + 法人或其他组织 not making the total', () => {
    const text = replaceOnce(realText('shuyang-county-2025-ocr.md'), '法人或其他组织申请 8 件', '法人或其他组织申请 9 件');
    assert.equal(ofRule(text, 'GK403').length, 1);
  });
});

describe('GK404 narrative-contradiction', () => {
  it('`全部办结` with a request carried forward, reported on the sentence', () => {
    const text = realText('shanghai-stcsm-2024-pdftext.md');
    const [f] = ofRule(text, 'GK404');
    assert.ok(spanText(text, f).startsWith('全年收到政府信息公开申请'));
    assert.ok(spanText(text, f).endsWith('所有申请均已按要求办理完成'));
    assert.equal(f.related.length, 1);
  });

  it('`未收到…申请` with 本年新收 > 0', () => {
    const seed = seedText(SEEDS.panlong2023);
    assert.deepEqual(ofRule(seed, 'GK404'), [], 'all-zero tables agree');
    const newRow = '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    const text = replaceOnce(seed, newRow, '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    const [f] = ofRule(text, 'GK404');
    assert.ok(spanText(text, f).includes('未收到、办理过任何政府信息依申请公开'));
    assert.match(f.message.en, /new requests: 1/);
    const otherYear = replaceOnce(text, '2023年未收到、办理过', '2022年未收到、办理过');
    assert.deepEqual(ofRule(otherYear, 'GK404'), [], 'another year: not a claim about these tables');
  });

  it('`无…行政复议` with table 四 > 0; a sentence about corrections or lost cases is not such a claim', () => {
    const seed = seedText(SEEDS.anning2022);
    const text = replaceOnce(seed, '2022年,本单位收到政府信息公开类行政复议1起,结果维持。', '2022年,本单位未发生政府信息公开行政复议、行政诉讼案件。');
    assert.equal(ofRule(text, 'GK404').length, 1);
    const lost = replaceOnce(seed, '2022年,本单位收到政府信息公开类行政复议1起,结果维持。', '全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。');
    assert.deepEqual(ofRule(lost, 'GK404'), []);
    assert.deepEqual(ofRule(realText('shanghai-office-2025-pdftext.md'), 'GK404'), []);
  });

  it('`未收取信息处理费` while part 六 states an amount', () => {
    const seed = seedText(SEEDS.kunming2023);
    const text = replaceOnce(seed, '2023年,本机关无收取信息处理费的政府信息公开申请。', '2023年,本机关未收取信息处理费。全年实际收取信息处理费 200 元。');
    assert.equal(ofRule(text, 'GK404').length, 1);
    assert.deepEqual(ofRule(seed, 'GK404'), [], '无收取信息处理费的…申请 is not a denial of requests');
  });
});

describe('prose rules on hostile text', () => {
  it('long sentences full of counts, denials or shares are checked in linear time', () => {
    for (const unit of ['受理政府信息公开申请1件,', '其中自然人1件,', '占1%,', '未收到行政复议、', '收到申请1件1件']) {
      const text = '政府信息公开年度报告\n' + unit.repeat(20000) + '。';
      const started = performance.now();
      const all = prose(text);
      const elapsed = performance.now() - started;
      assert.ok(Array.isArray(all));
      // Quadratic passes took 5–30 s here; linear ones well under one.
      assert.ok(elapsed < 4000, `${unit}: ${elapsed.toFixed(0)} ms`);
    }
  });
});

describe('prose reading: sentences and numbers', () => {
  it('every character of every sentence and clause maps back to its (width-normalised) character in the document', () => {
    const texts = [
      ...Object.values(SEEDS).map(seedText),
      ...readdirSync(join(fixtures, 'real')).filter((f) => f !== 'README.md').map(realText),
      // Lines wrapped inside a sentence, full-width digits and commas, blanks around lines.
      '  本年度收到政府信息公开申请１２件，\n予以公开5件。  \n\n三、其他\n办结8件。',
    ];
    for (const text of texts) {
      const { sentences } = proseFacts(parseReport(text));
      assert.ok(sentences.length > 0);
      for (const piece of sentences.flatMap((s) => [s, ...s.clauses])) {
        assert.equal(piece.offsets.length, piece.text.length);
        for (let i = 0; i < piece.text.length; i++) assert.equal(normalizeWidth(text[piece.offsets[i]]), piece.text[i], `${piece.text} at ${i}`);
      }
    }
  });

  it('counts and shares: digits after a letter or a dot, and decimal counts, are not quantities', () => {
    const text = '本年度收到政府信息公开申请１２件，予以公开5件，占41.7%，部分公开3.5件，不予公开A7件，无法提供.4件。';
    const facts = proseFacts(parseReport(text));
    assert.deepEqual(
      facts.quantities.map((q) => [q.category, q.value, text.slice(q.span.start, q.span.end)]),
      [['received', 12n, '１２'], ['granted', 5n, '5']],
    );
    assert.deepEqual(
      facts.percents.map((p) => [p.scaled, p.decimals, p.of.category]),
      [[417n, 1, 'granted']],
    );
  });
});
