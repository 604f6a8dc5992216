// The metadata rules: GK107, GK501–GK504, GK701–GK702.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runRules } from '../../server/src/core/rules/engine';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { extractMeta } from '../../server/src/core/parse/meta';
import { parseReport } from '../../server/src/core/parse/report';
import { splitLines } from '../../server/src/core/base/text';
import { allRules } from '../../server/src/core/rules';
import type { ReportModel } from '../../server/src/core/model/model';
import type { Finding, RuleId } from '../../server/src/core/rules/types';

const root = resolve(__dirname, '..', '..');
/** The rules that read the document's metadata: title (GK107), dates (GK501–GK504), legal references (GK701–GK702). */
const ids = new Set<string>(['GK107', 'GK501', 'GK502', 'GK503', 'GK504', 'GK701', 'GK702']);
const metaRules = allRules.filter((r) => ids.has(r.meta.id));

/** A model with metadata only (no parts, no tables): what these rules read. */
function metaModel(text: string): ReportModel {
  const lines = splitLines(text);
  const first = lines.findIndex((l) => /^\s*#*\s*一、/.test(l.text));
  return {
    text,
    lines,
    meta: extractMeta(text, lines, first < 0 ? undefined : first),
    headings: [],
    parts: [],
    otherTopHeadings: [],
    tables: [],
    proseNumbers: [],
  };
}

const run = (text: string, rule?: RuleId): Finding[] =>
  runRules(metaModel(text), {}, metaRules).findings.filter((f) => !rule || f.ruleId === rule);
const runParsed = (text: string, rule?: RuleId): Finding[] =>
  runRules(parseReport(text), {}, metaRules).findings.filter((f) => !rule || f.ruleId === rule);
const at = (text: string, f: Finding) => text.slice(f.span.start, f.span.end);

/** A small report; every piece can be replaced. */
function report(o: { title?: string; head?: string; body?: string; tail?: string } = {}): string {
  const title = o.title ?? '某某县发展和改革局2023年政府信息公开工作年度报告';
  const head = o.head ?? '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制本报告。本报告所列数据统计期限为2023年1月1日至2023年12月31日。';
  const body = o.body ?? '2023年，本局认真贯彻《条例》。';
  const tail = o.tail ?? '某某县发展和改革局\n2024年1月17日';
  return `${title}\n${head}\n一、总体情况\n${body}\n二、主动公开政府信息情况\n第二十条第（一）项\n六、其他需要报告的事项\n无。\n\n${tail}\n`;
}

describe('meta rules: registry', () => {
  it('registers the seven rules with their catalogue names and severities', () => {
    assert.deepEqual(
      metaRules.map((r) => `${r.meta.id} ${r.meta.name} ${r.meta.group} ${r.meta.defaultSeverity}`),
      [
        'GK107 report-title S info',
        'GK501 year-mismatch D warning',
        'GK502 deadline D warning',
        'GK503 date-invalid D error',
        'GK504 date-too-early D warning',
        'GK701 article-reference L error',
        'GK702 outdated-reference L warning',
      ],
    );
    for (const r of metaRules) {
      assert.ok(r.meta.description['zh-cn'] && r.meta.description.en, r.meta.id);
      assert.ok(allRules.includes(r), `${r.meta.id} is in the registry`);
    }
  });

  it('the synthetic report is clean', () => {
    assert.deepEqual(run(report()), []);
    assert.deepEqual(runParsed(report()), []);
  });
});

describe('meta rules on the seeds and the real reports', () => {
  for (const dir of ['seeds', 'real']) {
    for (const file of readdirSync(join(root, 'test', 'fixtures', dir))) {
      if (file === 'README.md') continue;
      it(`${dir}/${file}: no finding`, () => {
        const text = readFileSync(join(root, 'test', 'fixtures', dir, file), 'utf8');
        const { findings } = runRules(parseReport(text), {}, metaRules);
        assert.deepEqual(
          findings.map((f) => `${f.ruleId} ${at(text, f)} ${f.message['zh-cn']}`),
          [],
        );
      });
    }
  }
});

describe('GK107 report-title', () => {
  it('fires when neither a title nor a preamble names the report', () => {
    const text = '工作总结\n一、总体情况\n本年度工作如下。\n';
    const f = run(text, 'GK107');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
    assert.equal(at(text, f[0]), '工作总结');
    assert.match(f[0].message['zh-cn'], /未找到报告标题/);
  });

  it('fires on a title without the agency, saying what is missing', () => {
    const text = report({ title: '2023年政府信息公开工作年度报告' });
    const f = run(text, 'GK107');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '2023年政府信息公开工作年度报告');
    assert.match(f[0].message['zh-cn'], /缺少发布机关/);
    assert.match(f[0].message.en, /missing: the issuing agency/);
  });

  it('is silent for a complete title, or a complete preamble without a title', () => {
    assert.deepEqual(run(report(), 'GK107'), []);
    const text = '根据《条例》规定，现公布昆明市人民政府2023年政府信息公开工作年度报告。统计期限为2023年1月1日—2023年12月31日。\n一、总体情况\n正文。\n';
    assert.deepEqual(run(text, 'GK107'), []);
  });
});

describe('GK501 year-mismatch', () => {
  it('fires when the period disagrees with the title, relating the title year', () => {
    const text = report({ head: '本报告所列数据统计期限为2022年1月1日至2022年12月31日。' });
    const f = run(text, 'GK501');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '2022年1月1日');
    assert.equal(f[0].message['zh-cn'], '统计期限起始日期的年份 2022 与标题的年份 2023 不一致');
    assert.equal(text.slice(f[0].related[0].span.start, f[0].related[0].span.end), '2023');
    assert.deepEqual(f[0].data, { expected: 2023, actual: 2022 });
  });

  it('fires when the preamble names another year', () => {
    const text = report({ head: '现公布某某县发展和改革局2022年政府信息公开工作年度报告。统计期限为2023年1月1日至2023年12月31日。' });
    const f = run(text, 'GK501');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '2022');
  });

  it('fires when part 一 opens with another year (parsed model)', () => {
    const text = report({ body: '2022年，本局认真贯彻《条例》。' });
    const f = runParsed(text, 'GK501');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '2022');
  });

  it('blames the title when the period and part 一 agree on another year', () => {
    const text = report({ title: '某某县发展和改革局2022年政府信息公开工作年度报告' });
    const f = runParsed(text, 'GK501');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '2022');
    assert.equal(f[0].message['zh-cn'], '标题的年份 2022 与统计期限起始日期的年份 2023 不一致');
    assert.deepEqual(f[0].related.map((r) => text.slice(r.span.start, r.span.end)), ['2023年1月1日', '2023']);
    // The report year is in doubt: no deadline finding on top of it.
    assert.deepEqual(runParsed(text, 'GK502'), []);
  });

  it('is silent when the years agree (yearless period end included)', () => {
    assert.deepEqual(runParsed(report(), 'GK501'), []);
    assert.deepEqual(run(report({ head: '统计期限从2023年1月1日到12月31日止。' }), 'GK501'), []);
  });
});

describe('GK502 deadline', () => {
  it('fires for a department signing after 1月31日, naming the rule and the body', () => {
    const text = report({ tail: '某某县发展和改革局\n2024年2月5日' });
    const f = run(text, 'GK502');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.equal(at(text, f[0]), '2024年2月5日');
    assert.equal(
      f[0].message['zh-cn'],
      '落款日期 2024年2月5日 晚于法定期限 2024年1月31日（部门、办公室和街道办事处应于次年1月31日前公布，条例第四十九条；本报告发布机关：某某县发展和改革局）',
    );
    assert.match(f[0].message.en, /2024-02-05 is after the statutory deadline 2024-01-31/);
    assert.equal(f[0].ruleId === 'GK502' && f[0].data.deadline, '2024-01-31');
  });

  it('fires for an office (办公室) on 发布日期 after 1月31日', () => {
    const text = report({ title: '某某市人民政府办公室2023年政府信息公开工作年度报告\n发布日期：2024-02-01', tail: '' });
    const f = run(text, 'GK502');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '2024-02-01');
    assert.match(f[0].message['zh-cn'], /^发布日期 2024年2月1日 晚于法定期限 2024年1月31日/);
  });

  it('gives a people’s government until 3月31日', () => {
    const gov = (date: string) => report({ title: '某某县人民政府2023年政府信息公开工作年度报告', tail: `某某县人民政府\n${date}` });
    assert.deepEqual(run(gov('2024年3月15日'), 'GK502'), []);
    const f = run(gov('2024年4月1日'), 'GK502');
    assert.equal(f.length, 1);
    assert.match(f[0].message['zh-cn'], /晚于法定期限 2024年3月31日（人民政府的年度报告应于次年3月31日前公布，条例第四十九条；本报告发布机关：某某县人民政府）/);
  });

  it('is silent within the deadline (seed 001: department, 2020年1月17日; seed 004: government, 2024-01-29)', () => {
    assert.deepEqual(run(report(), 'GK502'), []);
    for (const name of ['001_592af5ca0dea8887.txt', '004_726ada126d26dda0.txt']) {
      const text = readFileSync(join(root, 'test', 'fixtures', 'seeds', name), 'utf8');
      assert.deepEqual(runParsed(text, 'GK502'), []);
    }
  });
});

describe('GK503 date-invalid', () => {
  it('fires on 2月30日 and on month 13', () => {
    const text = report({ body: '2023年，本局于2023年2月30日和2023年13月1日开展检查。' });
    const f = run(text, 'GK503');
    assert.deepEqual(f.map((x) => at(text, x)), ['2023年2月30日', '2023年13月1日']);
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].message['zh-cn'], '日期 2023年2月30日 不存在：2023年2月只有28天');
    assert.equal(f[1].message['zh-cn'], '日期 2023年13月1日 不存在：没有13月');
  });

  it('is silent on real dates (29 February of a leap year)', () => {
    assert.deepEqual(run(report({ body: '2023年，本局于2024年2月29日开展检查。' }), 'GK503'), []);
  });
});

describe('GK504 date-too-early', () => {
  it('fires when signed before the period ended, relating the period', () => {
    const text = report({ tail: '某某县发展和改革局\n2023年12月20日' });
    const f = run(text, 'GK504');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '2023年12月20日');
    assert.equal(f[0].message['zh-cn'], '落款日期 2023年12月20日 早于统计期限截止日 2023年12月31日');
    assert.equal(text.slice(f[0].related[0].span.start, f[0].related[0].span.end), '2023年1月1日至2023年12月31日');
  });

  it('is silent when signed after the period', () => {
    assert.deepEqual(run(report(), 'GK504'), []);
    assert.deepEqual(run(report({ tail: '某某县发展和改革局\n2023年12月31日' }), 'GK504'), []);
  });
});

describe('GK701 article-reference', () => {
  it('fires on an article beyond 56, an item and a paragraph that do not exist', () => {
    const text = report({ body: '2023年，依据《条例》第五十七条、第二十条第（十六）项和第十四条第二款办理。' });
    const f = run(text, 'GK701');
    assert.deepEqual(f.map((x) => at(text, x)), ['第五十七条', '第二十条第（十六）项', '第十四条第二款']);
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].message['zh-cn'], '引用的条例第五十七条不存在：条例共五十六条，没有第五十七条');
    assert.equal(f[1].message['zh-cn'], '引用的条例第二十条第（十六）项不存在：条例第二十条共十五项，没有第（十六）项');
    assert.equal(f[2].message['zh-cn'], '引用的条例第十四条第二款不存在：条例第十四条只有一款，没有第二款');
  });

  it('is silent on existing references and on other laws', () => {
    const text = report({
      body: '2023年，依据《条例》第三十六条第（七）项、第十六条第二款办理；依照《中华人民共和国行政许可法》第六十条和行政复议法第九十条；按《上海市政府信息公开规定》第五十八条。',
    });
    assert.deepEqual(run(text, 'GK701'), []);
  });
});

describe('GK702 outdated-reference', () => {
  it('fires on 国务院令第492号 as the basis; the fix replaces it with 第711号', () => {
    const text = report({ head: '根据《中华人民共和国政府信息公开条例》（国务院令第492号）编制本报告。统计期限为2023年1月1日至2023年12月31日。' });
    const f = run(text, 'GK702');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '国务院令第492号');
    assert.match(f[0].message['zh-cn'], /2007年公布的原条例/);
    const fix = f[0].fixes[0];
    assert.equal(fix.safe, true);
    assert.equal(fix.title['zh-cn'], '改为国务院令第711号');
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('（国务院令第711号）'));
    assert.deepEqual(run(fixed, 'GK702'), []);
  });

  it('keeps the short form 国令 in the fix', () => {
    const text = report({ head: '根据《中华人民共和国政府信息公开条例》（国令第 492 号）编制本报告。统计期限为2023年1月1日至2023年12月31日。' });
    const f = run(text, 'GK702');
    assert.equal(f.length, 1);
    assert.ok(applyEdits(text, f[0].fixes[0].edits).includes('（国令第711号）'));
  });

  it('fires on 国办公开办函〔2019〕60号 in a 2023 report; the fix replaces it', () => {
    const text = report({ head: '根据《条例》和《政府信息公开工作年度报告格式》（国办公开办函〔2019〕60号）编制。统计期限为2023年1月1日至2023年12月31日。' });
    const f = run(text, 'GK702');
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '国办公开办函〔2019〕60号');
    assert.match(f[0].message['zh-cn'], /本报告为2023年度，应依据国办公开办函〔2021〕30号/);
    const fixed = applyEdits(text, f[0].fixes[0].edits);
    assert.ok(fixed.includes('（国办公开办函〔2021〕30号）'));
    assert.deepEqual(run(fixed, 'GK702'), []);
  });

  it('is silent on 〔2019〕60号 in a 2020 report and on 492号 as history', () => {
    const y2020 = report({
      title: '某某县发展和改革局2020年政府信息公开工作年度报告',
      head: '根据《条例》和国办公开办函〔2019〕60号编制。统计期限为2020年1月1日至2020年12月31日。',
      body: '2020年，本局认真贯彻《条例》。',
      tail: '某某县发展和改革局\n2021年1月17日',
    });
    assert.deepEqual(run(y2020, 'GK702'), []);
    const history = report({ body: '2023年，本局组织学习《条例》：条例于2007年以国务院令第492号公布，2019年修订。' });
    assert.deepEqual(run(history, 'GK702'), []);
  });
});

describe('meta rules: configuration', () => {
  it('a rule can be turned off or its severity changed', () => {
    const text = report({ tail: '某某县发展和改革局\n2024年2月5日' });
    assert.equal(runRules(metaModel(text), { rules: { GK502: false } }, metaRules).findings.filter((f) => f.ruleId === 'GK502').length, 0);
    const e = runRules(metaModel(text), { rules: { deadline: 'error' } }, metaRules).findings.filter((f) => f.ruleId === 'GK502');
    assert.equal(e[0].severity, 'error');
  });

  it('findings of these rules only come from these rules', () => {
    const text = report({ body: '2023年，依据《条例》第五十七条。' });
    assert.ok(run(text).every((f) => ids.has(f.ruleId)));
  });
});
