// Every rule of groups S, T, N and C: a case that fires and a case that must stay silent, and its fix.
// Cases mutate seed 002 (安宁市人民政府办公室 2022), which is clean.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service/check';
import type { RuleId } from '../../server/src/core/rules/types';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { tableDef } from '../../server/src/core/spec/layout';
import { renderRow } from '../../server/src/core/spec/templates';
import { SEEDS, applyAndRecheck, ofRule, replaceOnce, seedText, spanText } from './helpers';

const base = seedText(SEEDS.anning2022);
const mutate = (from: string, to: string) => replaceOnce(base, from, to);

const ROW_NEW = '一、本年新收政府信息公开申请数量 | 17 | 3 | 0 | 0 | 0 | 0 | 20 | ||';
const ROW_TOTAL = '(七)总计 | 16 | 3 | 0 | 0 | 0 | 0 | 19 | ||';
const ROW_FORWARD = '四、结转下年继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
const ROW_RULES = '规章 | 0 | 0 | 0 |';
const PART5 = '五、存在的主要问题及改进情况';
const PART6 = '六、其他需要报告的事项';

/** Asserts `rule` is silent on the base and fires on `text`; returns its findings there. */
function fires<K extends RuleId>(rule: K, text: string) {
  assert.deepEqual(ofRule(base, rule), [], `${rule} is silent on the clean seed`);
  const found = ofRule(text, rule);
  assert.ok(found.length > 0, `${rule} fires`);
  return found;
}

describe('S — structure', () => {
  it('GK101 section-missing: part 五 removed → error on the next part, fix inserts the heading', () => {
    const text = mutate(`${PART5}\n`, '');
    const [f] = fires('GK101', text);
    assert.equal(f.severity, 'error');
    assert.equal(spanText(text, f), PART6);
    const fixed = applyAndRecheck(text, f);
    assert.ok(fixed.includes('五、政府信息公开工作存在的主要问题及改进情况\n六、'));
  });

  it('GK102 section-order: 六 before 五', () => {
    const part5 = base.slice(base.indexOf(PART5), base.indexOf(PART6));
    const text = base.replace(part5, '') + '\n' + part5;
    const [f] = fires('GK102', text);
    assert.equal(spanText(text, f), PART5);
  });

  it('GK103 section-duplicate: part 六 twice', () => {
    const text = `${base}\n${PART6}\n无。`;
    const [f] = fires('GK103', text);
    assert.equal(f.related.length, 1);
  });

  it('GK104 section-title: 存在的主要问题及整改措施 → fix restores an accepted title', () => {
    const text = mutate(PART5, '五、存在的主要问题及整改措施');
    const [f] = fires('GK104', text);
    assert.equal(spanText(text, f), '存在的主要问题及整改措施');
    const fixed = applyAndRecheck(text, f);
    assert.ok(fixed.includes(PART5));
  });

  it('GK105 section-empty: part 一 with nothing under it', () => {
    const start = base.indexOf('一、总体情况');
    const end = base.indexOf('二、主动公开政府信息情况');
    const text = base.slice(0, start) + '一、总体情况\n' + base.slice(end);
    fires('GK105', text);
    assert.deepEqual(ofRule(seedText(SEEDS.qilin2023), 'GK105'), [], 'parts 二–四 without tables are GK201 only');
  });

  it('GK106 heading-numbering: (一)(二)(四) → warning on (四), fix renumbers', () => {
    const text = mutate('(三)强化政府信息管理', '(四)强化政府信息管理');
    const [f] = fires('GK106', text);
    assert.equal(spanText(text, f), '(四)');
    assert.equal(f.data.level === 2 && f.data.expected, 3);
    applyAndRecheck(text, f);
  });
});

describe('T — tables', () => {
  it('GK201 table-missing: seed 004 fires (see seeds test); a table under its heading silences it', () => {
    assert.equal(ofRule(seedText(SEEDS.qilin2023), 'GK201').length, 3);
    assert.deepEqual(ofRule(base, 'GK201'), []);
  });

  it('GK202 row-missing: 3.危及“三安全一稳定” removed → fix inserts it in place', () => {
    const text = mutate('3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n', '');
    const [f] = fires('GK202', text);
    assert.equal(f.data?.row, 'w3');
    const fixed = applyAndRecheck(text, f);
    const table = check(fixed).model.tables.find((t) => t.kind === 'requests')!;
    assert.equal(table.byRow.get('w3')?.line, table.byRow.get('w2')!.line + 1);
  });

  it('GK203 row-label: 其他法律行政止公开 → canonical label', () => {
    const text = mutate('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    const [f] = fires('GK203', text);
    assert.equal(f.severity, 'warning');
    assert.ok(applyAndRecheck(text, f).includes('2.其他法律行政法规禁止公开'));
  });

  it('GK204 cell-empty: a blank count gets 0; a blank total gets its sum once its terms are numbers; row and table actions', () => {
    const text = mutate(ROW_NEW, '一、本年新收政府信息公开申请数量 | 17 | 3 |  | 0 | 0 | 0 |  | ||');
    const found = fires('GK204', text);
    assert.equal(found.length, 2);
    const [count, total] = found;
    assert.equal(count.fixes[0].edits[0].newText.trim(), '0');
    assert.equal(count.fixes[0].safe, true, 'the row total is blank too: nothing contradicts 0');
    assert.deepEqual(count.fixes.map((x) => x.id), ['fill-zero', 'fill-zero-row', 'fill-zero-table']);
    // The total's terms are not all numbers yet (one is blank): no value is computed from a guess.
    assert.deepEqual(total.fixes.map((x) => x.id), ['fill-zero-row', 'fill-zero-table']);
    assert.equal(total.data.value, undefined);
    assert.match(total.message['zh-cn'], /“科研机构”为空，空白按 0 计时各项之和为 20，请先填写空白的项/);
    assert.match(total.message.en, /“Research institutions” is blank: counting blanks as 0 its sum is 20; fill in the blank terms first/);
    const withText = mutate(ROW_NEW, '一、本年新收政府信息公开申请数量 | 17 | 3 | 无 | 0 | 0 | 0 |  | ||');
    const [blankTotal] = fires('GK204', withText);
    assert.match(blankTotal.message['zh-cn'], /“科研机构”为“无”，无法计算应填的合计/);
    assert.deepEqual(blankTotal.fixes, [], 'nothing to fill: the total cannot be computed and the row has no other blank');
    // Fill the row: the count gets 0; then the total gets its sum.
    const once = applyEdits(text, count.fixes[1].edits);
    const [left] = ofRule(once, 'GK204');
    assert.equal(left.fixes[0].id, 'fill-computed');
    assert.equal(left.fixes[0].edits[0].newText.trim(), '20');
    assert.deepEqual(left.fixes[0].total, { table: 'requests', row: 'new', col: 'total' });
    const filled = applyAndRecheck(once, left);
    assert.deepEqual(ofRule(filled, 'GK204'), []);
    assert.ok(filled.includes(ROW_NEW), 'the row reads as before it was blanked');
  });

  it('GK204: 0 is not filled in automatically where the written total says otherwise', () => {
    const text = mutate(ROW_NEW, '一、本年新收政府信息公开申请数量 |  | 3 | 0 | 0 | 0 | 0 | 20 | ||');
    const [blank] = fires('GK204', text);
    assert.equal(blank.fixes[0].id, 'fill-zero');
    assert.equal(blank.fixes[0].safe, false);
    assert.match(blank.message['zh-cn'], /填 0 与表中所写的合计不符/);
  });

  it('GK205 cell-not-number: 无 in a count cell → error, offered fix 0 (not automatic)', () => {
    const text = mutate(ROW_RULES, '规章 | 0 | 无 | 0 |');
    const [f] = fires('GK205', text);
    assert.equal(f.severity, 'error');
    assert.equal(f.fixes[0].safe, false);
    applyAndRecheck(text, f);
    assert.equal(ofRule(mutate(ROW_RULES, '规章 | 0 | 十二 | 0 |'), 'GK205').length, 1);
  });

  it('GK206 cell-count: an extra value cell; the row is left out of totals', () => {
    const text = mutate(ROW_NEW, '一、本年新收政府信息公开申请数量 | 17 | 3 | 0 | 0 | 0 | 0 | 20 | 5 |');
    const [f] = fires('GK206', text);
    assert.equal(f.data?.expected, 7);
    assert.deepEqual(ofRule(text, 'GK303'), [], 'no balance error from an untrusted row');
  });

  it('GK207 number-format: separators and full-width digits are normalised; a decimal count is reported', () => {
    const text = mutate('行政许可 | 0 |', '行政许可 | 1,２00 |');
    const [f] = fires('GK207', text);
    assert.deepEqual(f.data?.issues, ['thousands-separator', 'full-width']);
    assert.equal(applyAndRecheck(text, f).includes('行政许可 | 1200 |'), true);
    const decimal = ofRule(mutate(ROW_RULES, '规章 | 0.5 | 0 | 0 |'), 'GK207');
    assert.deepEqual(decimal[0].data?.issues, ['decimal-in-count']);
    assert.deepEqual(decimal[0].fixes, []);
    assert.deepEqual(ofRule(mutate('行政事业性收费 | 0 |', '行政事业性收费 | 12.5 |'), 'GK207'), [], '万元 amounts allow decimals');
  });

  it('GK207 number-format: full-width bars', () => {
    const text = mutate(ROW_RULES, '规章｜0｜0｜0｜');
    const [f] = fires('GK207', text);
    assert.ok(applyAndRecheck(text, f).includes('规章|0|0|0|'));
  });

  it('GK208 layout-outdated: the 2019 single (六) row in a 2022 report → convert to 2021', () => {
    const start = base.indexOf('(六)其他处理');
    const end = base.indexOf('3.其他 |');
    const text = base.slice(0, start) + '(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n' + base.slice(base.indexOf('\n', end) + 1);
    const [f] = fires('GK208', text);
    assert.equal(f.data?.layout, '2019');
    const fixed = applyAndRecheck(text, f);
    const table = check(fixed).model.tables.find((t) => t.kind === 'requests')!;
    assert.equal(table.layout, '2021');
    assert.equal(table.byRow.get('o3')?.values[6].raw, '0', 'the old value goes to 3.其他');
    assert.deepEqual(ofRule(fixed, 'GK301'), []);
  });

  it('GK208 layout-outdated: a 2019 table 二 in a 2021 report → rebuilt with the 2021 columns, what maps carried over', () => {
    const old = seedText(SEEDS.kunmingBureau2019).replace('昆明市政务服务管理局2019年', '昆明市政务服务管理局2021年');
    const active = ofRule(old, 'GK208').find((f) => f.data?.table === 'active')!;
    assert.ok(active, 'table 二 is flagged');
    assert.ok(ofRule(old, 'GK208').some((f) => f.data?.table === 'requests'), 'and table 三');
    const fixed = applyAndRecheck(old, active);
    const table = check(fixed).model.tables.find((t) => t.kind === 'active')!;
    assert.equal(table.layout, '2021');
    assert.equal(table.byRow.get('normDocs')?.values[0].raw, '1', '本年新制作数量 → 本年制发件数');
    assert.equal(table.byRow.get('normDocs')?.values[2].kind, 'blank', '现行有效件数 has no 2019 counterpart');
    // 第二十条第（九）项 has no place in the 2021 layout: its row stays, as written, after the table.
    assert.ok(fixed.includes('政府集中采购 | 12 | 2830.17 |'), '政府集中采购 is kept');
  });

  it('GK209 header-label: truncated 商业 → 商业企业 (info)', () => {
    const text = mutate('商业 企业 | 科研 机构', '商业 | 科研 机构');
    const [f] = fires('GK209', text);
    assert.equal(f.severity, 'info');
    assert.ok(applyAndRecheck(text, f).includes('商业企业 | 科研 机构'));
  });

  it('GK210 table-unreadable: unrecognisable labels → said once, no total errors', () => {
    let text = base;
    for (const label of ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '4.保护第三方合法权益', '6.属于四类过程性信息', '7.属于行政执法案卷']) {
      text = replaceOnce(text, label, `XX${label.slice(2)}ZZZ完全不同的文字`.replace(/[属于国家秘密其他法律行政规禁止公开保护第三方合权益四类过程性信息执案卷]/g, '甲'));
    }
    const found = fires('GK210', text);
    assert.equal(found.length, 1);
    assert.deepEqual(ofRule(text, 'GK302'), []);
    assert.deepEqual(ofRule(text, 'GK303'), []);
  });
});

describe('N — totals', () => {
  it('GK301 row-total: 总计 20 written as 21 → message with the formula, preferred safe fix', () => {
    const text = mutate(ROW_NEW, ROW_NEW.replace('| 20 |', '| 21 |'));
    const [f] = fires('GK301', text);
    assert.equal(f.message['zh-cn'], '总计应为 20（17+3+0+0+0+0），实际为 21');
    assert.equal(spanText(text, f), '21');
    assert.equal(f.related.length, 6);
    assert.equal(f.fixes[0].preferred, true);
    assert.deepEqual(f.fixes[0].total, { table: 'requests', row: 'new', col: 'total' });
    applyAndRecheck(text, f);
  });

  it('GK302 column-total: (七)总计 自然人 16 written as 15', () => {
    const text = mutate(ROW_TOTAL, ROW_TOTAL.replace('| 16 |', '| 15 |'));
    const found = fires('GK302', text);
    const natural = found.find((f) => f.data?.col === 'natural')!;
    assert.equal(natural.data?.expected, '16');
    applyAndRecheck(text, natural);
  });

  it('GK303 balance: 结转 2 instead of 1 → offered (not automatic) fix 一+二−(七)', () => {
    const text = mutate(ROW_FORWARD, '四、结转下年继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    const found = fires('GK303', text);
    assert.deepEqual(found.map((f) => f.data?.col).sort(), ['natural', 'total']);
    assert.deepEqual(ofRule(text, 'GK301'), []);
    const natural = found.find((f) => f.data?.col === 'natural')!;
    assert.equal(natural.fixes[0].safe, false);
    assert.equal(natural.fixes[0].edits[0].newText, '1');
    applyAndRecheck(text, natural);
  });

  it('GK304 review-litigation-total: 行政复议 总计 2 for 1+0+0+0', () => {
    const text = mutate('1 | 0 | 0 | 0 | 1 | 0 |', '1 | 0 | 0 | 0 | 2 | 0 |');
    const [f] = fires('GK304', text);
    assert.equal(f.data?.expected, '1');
    applyAndRecheck(text, f);
  });

  it('GK305 subtotal: a 小计 column added by the report must equal its parts', () => {
    const def = tableDef('2021', 'requests');
    const header = renderRow('markdown', ['项目', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计', '总计']);
    const rows = def.rows.map((r) => {
      const values = r.id === 'new' ? ['3', '1', '1', '0', '0', '0', '1', '5'] : r.id === 'granted' || r.id === 'resultTotal' ? ['3', '1', '1', '0', '0', '0', '2', '5'] : ['0', '0', '0', '0', '0', '0', '0', '0'];
      return renderRow('markdown', [r.label, ...values]);
    });
    const table = [header, '|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
    const start = base.indexOf('(本列数据');
    const end = base.indexOf('四、政府信息公开行政复议');
    const text = base.slice(0, start) + table + '\n' + base.slice(end);
    const found = fires('GK305', text);
    assert.deepEqual(found.map((f) => `${f.data?.row}:${f.data?.expected}`), ['new:2']);
    assert.ok(!ofRule(text, 'GK301').some((f) => f.data?.row === 'new'), 'the 总计 ignores the 小计 column');
    applyAndRecheck(text, found[0]);
  });
});

describe('C — required content', () => {
  it('GK601 fee-not-reported: part 六 without any fee statement (2022) → fix inserts a template', () => {
    const text = mutate('(一)信息处理费用情况。本年度安宁市人民政府办公室未收取信息处理费。\n', '');
    const [f] = fires('GK601', text);
    const fixed = applyAndRecheck(text, f);
    assert.ok(fixed.includes('2022年度，本机关未收取政府信息公开信息处理费。'));
    assert.deepEqual(ofRule(seedText(SEEDS.kunmingBureau2019).replace('无。', '无'), 'GK601'), [], 'no fee rules for 2019');
  });

  it('GK602 section-thin: part 五 is 无', () => {
    const text = base.slice(0, base.indexOf(PART5)) + `${PART5}\n无。\n` + base.slice(base.indexOf(PART6));
    const [f] = fires('GK602', text);
    assert.equal(f.severity, 'info');
  });

  it('GK603 government-assessment: a people’s government report without 考核/评议/责任追究', () => {
    const gov = seedText(SEEDS.kunming2023);
    assert.deepEqual(ofRule(gov, 'GK603'), []);
    const text = gov.replace(/考核|评议|责任追究/g, '工作');
    assert.equal(ofRule(text, 'GK603').length, 1);
    assert.deepEqual(ofRule(base.replace(/考核|评议|责任追究/g, '工作'), 'GK603'), [], 'an office is not a government');
  });
});
