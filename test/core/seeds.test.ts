// The five seed reports produce exactly what ../shared/corpus/seeds/README.md says.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service/check';
import { SEEDS, applyAndRecheck, findings, lineOf, seedText, serious, spanText } from './helpers';

describe('seed reports', () => {
  it('000 昆明市人民政府 2023 is clean; only GK209 info on table 四 truncated headers', () => {
    const text = seedText(SEEDS.kunming2023);
    const all = findings(text);
    assert.deepEqual(serious(all), []);
    assert.ok(all.every((f) => f.ruleId === 'GK209' && f.severity === 'info'));
    assert.ok(all.length > 0, 'the truncated 结果/其他/尚未 headers are noticed');
    const { model } = check(text);
    assert.equal(model.meta.reportYear, 2023);
    assert.deepEqual(model.tables.map((t) => `${t.kind}:${t.layout}:${t.unreadable ?? 'ok'}`), ['active:2021:ok', 'requests:2021:ok', 'review:2021:ok']);
    assert.equal(model.tables[1].byRow.size, 25, 'every table 三 row of the 2021 layout is placed');
  });

  it('001 昆明市政务服务管理局 2019: GK204 on the (六) total (fix fills 0) and GK203 on (五)不予处, nothing else', () => {
    const text = seedText(SEEDS.kunmingBureau2019);
    const all = serious(findings(text));
    assert.deepEqual(all.map((f) => `${f.ruleId}@${lineOf(text, f)}`), ['GK203@46', 'GK204@51']);
    const [label, blank] = all;
    assert.equal(spanText(text, label), '(五)不予处');
    assert.equal(label.fixes[0].edits[0].newText, '（五）不予处理');
    assert.equal(blank.ruleId === 'GK204' && blank.data.col, 'total');
    assert.equal(blank.fixes[0].edits[0].newText.trim(), '0');
    applyAndRecheck(text, blank);
    applyAndRecheck(text, label);
    const { model } = check(text);
    assert.equal(model.tables.find((t) => t.kind === 'requests')?.layout, '2019', '2019 layout in a 2019 report: no GK208');
    assert.ok(!findings(text).some((f) => ['GK208', 'GK502', 'GK601'].includes(f.ruleId)));
  });

  it('002 安宁市人民政府办公室 2022 is clean', () => {
    assert.deepEqual(findings(seedText(SEEDS.anning2022)), []);
  });

  it('003 盘龙区科工信局 2023 is clean (all-zero tables)', () => {
    const all = findings(seedText(SEEDS.panlong2023));
    assert.deepEqual(serious(all), []);
    assert.ok(all.every((f) => f.ruleId === 'GK209'));
  });

  it('004 麒麟区人民政府 2023: three GK201 on the headings of parts 二 三 四, each fix inserts the blank 2021 table', () => {
    const text = seedText(SEEDS.qilin2023);
    const all = serious(findings(text));
    assert.deepEqual(all.map((f) => f.ruleId), ['GK201', 'GK201', 'GK201']);
    assert.deepEqual(all.map((f) => spanText(text, f)), ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    const kinds = ['active', 'requests', 'review'];
    all.forEach((f, i) => {
      assert.equal(f.severity, 'error');
      const fixed = applyAndRecheck(text, f, 'insert-table');
      const table = check(fixed).model.tables.find((t) => t.kind === kinds[i]);
      assert.ok(table, `the inserted ${kinds[i]} table is recognised`);
      assert.equal(table.layout, '2021');
      assert.equal(table.unreadable, undefined);
    });
  });
});
