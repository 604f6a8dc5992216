// Metadata extraction (parse/meta.ts) and the 条例 lookup (law/).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractMeta } from '../../server/src/core/parse/meta';
import { issuerKindOf, titleParts } from '../../server/src/core/parse/meta/title';
import { parseChineseNumeral } from '../../server/src/core/base/numerals';
import { splitLines } from '../../server/src/core/base/text';
import type { DocumentMeta, Line } from '../../server/src/core/model/model';
import type { Span } from '../../server/src/core/base/types';
import { articleCount, getArticle, resolveReference } from '../../server/src/core/spec/law';

const root = resolve(__dirname, '..', '..');
const fixture = (dir: 'seeds' | 'real', name: string) => readFileSync(join(root, 'test', 'fixtures', dir, name), 'utf8');

/** The first part heading (`一、…`, also `## 一、…`), as the parser would report it. */
function firstPartLine(lines: Line[]): number | undefined {
  const i = lines.findIndex((l) => /^\s*#*\s*一[、.．]/.test(l.text));
  return i < 0 ? undefined : i;
}

function meta(text: string, partLine?: number | null): DocumentMeta {
  const lines = splitLines(text);
  return extractMeta(text, lines, partLine === null ? undefined : partLine ?? firstPartLine(lines));
}

const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);
const ymd = (d: { year: number; month: number; day: number } | undefined) => (d ? `${d.year}-${d.month}-${d.day}` : undefined);

// ---------------------------------------------------------------------------------------------

describe('law: the 条例 as data', () => {
  it('has 56 articles in 6 chapters', () => {
    assert.equal(articleCount, 56);
    assert.equal(getArticle(1)?.chapter.title, '总则');
    assert.equal(getArticle(56)?.chapter.number, 6);
    assert.equal(getArticle(57), undefined);
    assert.equal(getArticle(0), undefined);
  });

  it('keeps paragraphs and items apart', () => {
    const a20 = getArticle(20)!;
    assert.equal(a20.chapter.number, 3);
    assert.equal(a20.chapter.title, '主动公开');
    assert.equal(a20.paragraphs.length, 1);
    assert.equal(a20.paragraphs[0].items.length, 15);
    assert.match(a20.paragraphs[0].text, /^行政机关应当依照本条例第十九条的规定/);
    const a50 = getArticle(50)!;
    assert.equal(a50.paragraphs.length, 2);
    assert.equal(a50.paragraphs[0].items.length, 5);
    assert.equal(a50.paragraphs[1].items.length, 0);
    assert.equal(getArticle(16)!.paragraphs.length, 2);
    assert.equal(getArticle(49)!.paragraphs.length, 2);
  });

  it('resolves articles, paragraphs and items', () => {
    const r = resolveReference(20, undefined, 1);
    assert.ok(r.ok);
    assert.equal(r.text, '（一）行政法规、规章和规范性文件；');
    assert.equal(r.paragraph, 1);
    assert.equal(r.label, '第二十条第（一）项');
    const r36 = resolveReference(36, undefined, 7);
    assert.ok(r36.ok && r36.text.startsWith('（七）'));
    const p = resolveReference(16, 2);
    assert.ok(p.ok && p.text.startsWith('行政机关在履行行政管理职能过程中形成的讨论记录'));
    const whole = resolveReference(49);
    assert.ok(whole.ok && whole.text.includes('1月31日前') && whole.text.includes('3月31日前'));
    assert.ok(resolveReference(50, 1, 4).ok);
  });

  it('says why a reference does not exist', () => {
    const a = resolveReference(57);
    assert.ok(!a.ok && a.problem === 'article-out-of-range');
    assert.equal(a.reason['zh-cn'], '条例共五十六条，没有第五十七条');
    const i = resolveReference(20, undefined, 16);
    assert.ok(!i.ok && i.problem === 'item-out-of-range');
    assert.equal(i.reason['zh-cn'], '条例第二十条共十五项，没有第（十六）项');
    const p = resolveReference(14, 2);
    assert.ok(!p.ok && p.problem === 'paragraph-out-of-range');
    assert.equal(p.reason['zh-cn'], '条例第十四条只有一款，没有第二款');
    const n = resolveReference(14, undefined, 1);
    assert.ok(!n.ok && n.problem === 'no-items');
    const n2 = resolveReference(50, 2, 1);
    assert.ok(!n2.ok && n2.problem === 'no-items');
  });

  it('the generated file is up to date with regulation-2019.md', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'gen-law.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});

// ---------------------------------------------------------------------------------------------

interface Expected {
  file: string;
  dir: 'seeds' | 'real';
  title?: string;
  titleSpan?: string;
  agency: string;
  kind: DocumentMeta['issuerKind'];
  titleYear: number;
  reportYear: number;
  period?: [string, string, string]; // span text, start, end
  signed?: string;
  published?: string;
  docs: string[];
  refs: number;
}

const EXPECTED: Expected[] = [
  {
    file: '000_62a988e64cb0ac5c.txt', dir: 'seeds', agency: '昆明市人民政府', kind: 'government', titleYear: 2023, reportYear: 2023,
    period: ['2023年1月1日—2023年12月31日', '2023-1-1', '2023-12-31'], docs: ['国办公开办函〔2021〕30号'], refs: 4,
  },
  {
    file: '001_592af5ca0dea8887.txt', dir: 'seeds', title: '昆明市政务服务管理局2019年政府信息公开年度报告', agency: '昆明市政务服务管理局',
    kind: 'department', titleYear: 2019, reportYear: 2019, signed: '2020-1-17', docs: ['昆政规〔2019〕2号'], refs: 5,
  },
  {
    file: '002_5d8db5c6007b71c2.txt', dir: 'seeds', title: '安宁市人民政府办公室2022年度政府信息公开工作年度报告', agency: '安宁市人民政府办公室',
    kind: 'office', titleYear: 2022, reportYear: 2022, period: ['2022年1月1日至12月31日', '2022-1-1', '2022-12-31'],
    docs: ['国务院令第711号'], refs: 6,
  },
  {
    file: '003_5e8b3a9a41b72c94.txt', dir: 'seeds', title: '昆明市盘龙区科学技术和工业信息化局2023年政府信息公开工作年度报告',
    agency: '昆明市盘龙区科学技术和工业信息化局', kind: 'department', titleYear: 2023, reportYear: 2023,
    period: ['2023年1月1日至2023年12月31日', '2023-1-1', '2023-12-31'], docs: ['国办公开办函〔2021〕30号'], refs: 4,
  },
  {
    file: '004_726ada126d26dda0.txt', dir: 'seeds', title: '麒麟区人民政府2023年政府信息公开工作年度报告', agency: '麒麟区人民政府',
    kind: 'government', titleYear: 2023, reportYear: 2023, period: ['2023年1月1日-2023年12月31日', '2023-1-1', '2023-12-31'],
    published: '2024-1-29', docs: ['国办公开办函〔2021〕30号', '云政办规〔2019〕6号'], refs: 0,
  },
  {
    file: 'hongze-2023-pdftotext.txt', dir: 'real', title: '洪泽区人民政府2023年政府信息公开工作年度报告',
    titleSpan: '洪泽区人民政府\n      2023 年政府信息公开工作年度报告', agency: '洪泽区人民政府', kind: 'government', titleYear: 2023,
    reportYear: 2023, period: ['2023 年 1 月 1 日\n起至 2023 年 12 月 31 日', '2023-1-1', '2023-12-31'], docs: ['国务院令第711号'], refs: 4,
  },
  {
    file: 'hongze-2024-pdftotext.txt', dir: 'real', title: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告', agency: '淮安市洪泽区人民政府',
    kind: 'government', titleYear: 2024, reportYear: 2024, period: ['2024 年 1 月 1 日\n起至 2024 年 12 月 31 日', '2024-1-1', '2024-12-31'],
    docs: ['国务院令第711号'], refs: 4,
  },
  {
    file: 'huaian-city-2024-pdftotext.txt', dir: 'real', title: '淮安市人民政府2024年政府信息公开工作年度报告', agency: '淮安市人民政府',
    kind: 'government', titleYear: 2024, reportYear: 2024, period: ['2024 年 1 月 1 日至 2024 年 12 月 31 日', '2024-1-1', '2024-12-31'],
    docs: ['国务院令第711号'], refs: 4,
  },
  {
    file: 'shanghai-office-2019-oldformat-tabs.txt', dir: 'real', title: '2019年上海市人民政府办公厅政府信息公开工作年度报告',
    agency: '上海市人民政府办公厅', kind: 'office', titleYear: 2019, reportYear: 2019,
    period: ['2019年1月1日到12月31日', '2019-1-1', '2019-12-31'], published: '2020-1-31', docs: [], refs: 5,
  },
  {
    file: 'shanghai-office-2025-pdftext.md', dir: 'real', title: '2025年上海市人民政府办公厅政府信息公开工作年度报告',
    titleSpan: '2025 年上海市人民政府办公厅政府信息公开\n工作年度报告', agency: '上海市人民政府办公厅', kind: 'office', titleYear: 2025,
    reportYear: 2025, period: ['2025\n年 1 月 1 日至 12 月 31 日', '2025-1-1', '2025-12-31'], docs: ['国办公开办函〔2021〕30号'], refs: 4,
  },
  {
    file: 'shanghai-stcsm-2024-pdftext.md', dir: 'real', title: '2024年上海市科委政府信息公开工作年度报告',
    titleSpan: '2024 年上海市科委政府信息公开工作\n年度报告', agency: '上海市科委', kind: 'department', titleYear: 2024, reportYear: 2024,
    period: ['2024 年 1 月 1 日至 12 月 31 日', '2024-1-1', '2024-12-31'], docs: [], refs: 4,
  },
  {
    file: 'shuyang-county-2025-ocr.md', dir: 'real', title: '沐阳县人民政府2025年政府信息公开工作年度报告',
    titleSpan: '沐阳县人民政府 2025 年 政府信息公开工作年度报告', agency: '沐阳县人民政府', kind: 'government', titleYear: 2025,
    reportYear: 2025, period: ['2025年1月1日至2025年12月31日', '2025-1-1', '2025-12-31'], signed: '2026-1-23',
    docs: ['国办公开办函〔2021〕30号'], refs: 4,
  },
  {
    file: 'shuyang-fagaiju-2023-tabs.txt', dir: 'real', title: '沭阳县发展和改革局2023年政府信息公开年度报告', agency: '沭阳县发展和改革局',
    kind: 'department', titleYear: 2023, reportYear: 2023, period: ['2023年1月1日至2023年12月31日', '2023-1-1', '2023-12-31'],
    signed: '2024-1-17', docs: [], refs: 4,
  },
];

describe('extractMeta on the seeds and the real reports', () => {
  for (const e of EXPECTED) {
    it(e.file, () => {
      const text = fixture(e.dir, e.file);
      const m = meta(text);
      assert.equal(m.title?.text, e.title);
      if (e.titleSpan) assert.equal(at(text, m.title?.span), e.titleSpan);
      else if (e.title) assert.equal(at(text, m.title?.span)?.replace(/\s+/g, ''), e.title);
      assert.equal(m.agency, e.agency);
      assert.equal(m.issuerKind, e.kind);
      assert.equal(m.titleYear?.year, e.titleYear);
      assert.equal(at(text, m.titleYear?.span), String(e.titleYear));
      assert.equal(m.reportYear, e.reportYear);
      if (e.period) {
        assert.equal(at(text, m.period?.span), e.period[0]);
        assert.equal(ymd(m.period?.start), e.period[1]);
        assert.equal(ymd(m.period?.end), e.period[2]);
      } else assert.equal(m.period, undefined);
      assert.equal(ymd(m.signed), e.signed);
      assert.equal(ymd(m.published), e.published);
      assert.deepEqual(m.docNumbers.map((d) => d.text), e.docs);
      assert.equal(m.lawRefs.length, e.refs);
      assert.ok(m.lawRefs.every((r) => r.toRegulation), 'every reference in these reports is to the 条例');
      assert.ok(m.dates.every((d) => d.valid), 'no impossible date');
      for (const d of m.dates) assert.match(text.slice(d.span.start, d.span.end), /^\d{4}|^\d{1,2}\s*月/);
    });
  }

  it('seed 000: the agency and year come from the preamble (no title line)', () => {
    const text = fixture('seeds', '000_62a988e64cb0ac5c.txt');
    const m = meta(text);
    assert.equal(m.title, undefined);
    assert.ok(text.slice(m.titleYear!.span.start - 7, m.titleYear!.span.end).startsWith('昆明市人民政府2023'));
  });

  it('seed 002: 第二十、二十一条 is two references', () => {
    const text = fixture('seeds', '002_5d8db5c6007b71c2.txt');
    const refs = meta(text).lawRefs.slice(0, 2);
    assert.deepEqual(refs.map((r) => r.article), [20, 21]);
    assert.deepEqual(refs.map((r) => at(text, r.span)), ['第二十', '二十一条']);
  });

  it('seed 004: 发布时间 with a clock time', () => {
    const text = fixture('seeds', '004_726ada126d26dda0.txt');
    const m = meta(text);
    assert.equal(at(text, m.published?.span), '2024-01-29');
  });

  it('without the first part line, the head is still found', () => {
    for (const e of EXPECTED) {
      const m = meta(fixture(e.dir, e.file), null);
      assert.equal(m.reportYear, e.reportYear, e.file);
      assert.equal(m.agency, e.agency, e.file);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('extractMeta: titles and agencies', () => {
  it('agency on the line before the year', () => {
    const m = meta('洪泽区人民政府\n2023 年政府信息公开工作年度报告\n\n一、总体情况\n');
    assert.equal(m.agency, '洪泽区人民政府');
    assert.equal(m.issuerKind, 'government');
    assert.equal(m.title?.text, '洪泽区人民政府2023年政府信息公开工作年度报告');
  });

  it('a title split after 工作', () => {
    const m = meta('正文\n2024 年上海市科委政府信息公开工作\n年度报告\n根据……\n一、总体情况\n');
    assert.equal(m.title?.text, '2024年上海市科委政府信息公开工作年度报告');
    assert.equal(m.agency, '上海市科委');
    assert.equal(m.issuerKind, 'department');
  });

  it('a Markdown heading title', () => {
    const text = '# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n\n沐阳县人民政府\n(2026年1月23日)\n\n## 一、总体情况\n';
    const m = meta(text);
    assert.equal(m.agency, '沐阳县人民政府');
    assert.equal(at(text, m.title?.span), '沐阳县人民政府 2025 年 政府信息公开工作年度报告');
    assert.equal(ymd(m.signed), '2026-1-23');
    assert.equal(at(text, m.signed?.span), '2026年1月23日');
  });

  it('preamble with 现将…向社会公布 and 现向社会公布', () => {
    const a = meta('根据《条例》规定，现将沭阳县人民政府2025年政府信息公开年度报告向社会公布。\n一、总体情况\n');
    assert.equal(a.agency, '沭阳县人民政府');
    assert.equal(a.titleYear?.year, 2025);
    const b = meta('现向社会公布沭阳县发展和改革局（以下简称县发改局）2023年度政府信息公开年度报告。\n一、总体情况\n');
    assert.equal(b.agency, '沭阳县发展和改革局');
    assert.equal(b.issuerKind, 'department');
  });

  it('issuer kinds', () => {
    assert.equal(issuerKindOf('昆明市人民政府'), 'government');
    assert.equal(issuerKindOf('沭阳县政府'), 'government');
    assert.equal(issuerKindOf('安宁市人民政府办公室'), 'office');
    assert.equal(issuerKindOf('上海市人民政府办公厅'), 'office');
    assert.equal(issuerKindOf('五华区华山街道办事处'), 'subdistrict');
    assert.equal(issuerKindOf('昆明市政务服务管理局'), 'department');
    assert.equal(issuerKindOf('上海市科学技术委员会'), 'department');
    assert.equal(issuerKindOf('上海市科委'), 'department');
    assert.equal(issuerKindOf(undefined), 'unknown');
  });

  it('title parts', () => {
    assert.deepEqual(titleParts('昆明市政务服务管理局2019年政府信息公开年度报告'), { agency: '昆明市政务服务管理局', year: 2019, subject: true });
    assert.deepEqual(titleParts('2023年政府信息公开工作年度报告'), { agency: '', year: 2023, subject: true });
    assert.deepEqual(titleParts('某某局政务公开工作报告'), { agency: '某某局', year: undefined, subject: false });
  });

  it('no title and no preamble', () => {
    const m = meta('一、总体情况\n本年度工作如下。\n');
    assert.equal(m.title, undefined);
    assert.equal(m.agency, undefined);
    assert.equal(m.issuerKind, 'unknown');
    assert.equal(m.reportYear, undefined);
  });
});

describe('extractMeta: dates and the statistics period', () => {
  const head = (s: string) => `某某局2023年政府信息公开工作年度报告\n${s}\n一、总体情况\n正文。\n`;

  it('period wordings', () => {
    const cases: [string, string, string][] = [
      ['本报告中所列数据统计期限为2023年1月1日—2023年12月31日。', '2023-1-1', '2023-12-31'],
      ['统计起止时间为2023年1月1日-2023年12月31日。', '2023-1-1', '2023-12-31'],
      ['数据的统计周期\n为 2023 年 1 月 1 日至 12 月 31 日。', '2023-1-1', '2023-12-31'],
      ['统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。', '2023-1-1', '2023-12-31'],
      ['统计期限从2023年1月1日到12月31日止。', '2023-1-1', '2023-12-31'],
      ['统计时间为2023.1.1-2023.12.31。', '2023-1-1', '2023-12-31'],
      ['统计时间为2023-01-01至2023-12-31。', '2023-1-1', '2023-12-31'],
    ];
    for (const [s, start, end] of cases) {
      const m = meta(head(s));
      assert.equal(ymd(m.period?.start), start, s);
      assert.equal(ymd(m.period?.end), end, s);
    }
  });

  it('a range in the body is not the period when the head has one', () => {
    const m = meta('某某局2023年政府信息公开工作年度报告\n统计期限为2023年1月1日至2023年12月31日。\n一、总体情况\n2023年3月1日至2023年5月1日开展专项检查。\n');
    assert.equal(ymd(m.period?.end), '2023-12-31');
    assert.equal(m.dates.length, 4);
  });

  it('date forms, spaces and validity', () => {
    const text = head('落款 2023 年 2 月 30 日；发布日期：2024-02-05；2024.1.3；二〇二四年一月十七日；2023年13月1日；2024年2月29日；电话0871-63123819；版本1.2.3；2023年12月');
    const m = meta(text);
    const got = m.dates.map((d) => `${at(text, d.span)}${d.valid ? '' : '!'}`);
    assert.deepEqual(got, ['2023 年 2 月 30 日!', '2024-02-05', '2024.1.3', '二〇二四年一月十七日', '2023年13月1日!', '2024年2月29日']);
    assert.equal(ymd(m.published), '2024-2-5');
  });

  it('signature at the end, published in the head', () => {
    const text = '某某局2023年政府信息公开工作年度报告\n发布日期：2024-01-20\n一、总体情况\n正文。\n\n某某局\n2024年1月17日\n';
    const m = meta(text);
    assert.equal(ymd(m.signed), '2024-1-17');
    assert.equal(ymd(m.published), '2024-1-20');
  });

  it('signature on the same line as the body, CRLF line ends', () => {
    const text = '某某局2023年政府信息公开工作年度报告\r\n一、总体情况\r\n正文。\r\n昆明市政务服务管理局    2024年1月17日\r\n';
    const m = meta(text);
    assert.equal(at(text, m.signed?.span), '2024年1月17日');
  });

  it('a date in the last prose sentence is not a signature', () => {
    const m = meta('某某局2023年政府信息公开工作年度报告\n一、总体情况\n本机关于2024年1月10日完成了年度报告的编制和审核工作，并报送上级主管部门备案。\n');
    assert.equal(m.signed, undefined);
  });
});

describe('extractMeta: legal references', () => {
  const refs = (body: string) => {
    const text = `某某局2023年政府信息公开工作年度报告\n一、总体情况\n${body}\n`;
    return meta(text).lawRefs.map((r) => ({ t: at(text, r.span), a: r.article, p: r.paragraph, i: r.item, reg: r.toRegulation }));
  };

  it('articles, paragraphs, items, both bracket widths', () => {
    assert.deepEqual(refs('依据《条例》第三十六条第（七）项、第十六条第二款和第十四条办理；第二十条第(一)项；第二十条 第（五）项。'), [
      { t: '第三十六条第（七）项', a: 36, p: undefined, i: 7, reg: true },
      { t: '第十六条第二款', a: 16, p: 2, i: undefined, reg: true },
      { t: '第十四条', a: 14, p: undefined, i: undefined, reg: true },
      { t: '第二十条第(一)项', a: 20, p: undefined, i: 1, reg: true },
      { t: '第二十条 第（五）项', a: 20, p: undefined, i: 5, reg: true },
    ]);
  });

  it('lists of articles and of items', () => {
    assert.deepEqual(
      refs('对照《条例》第二十、二十一条规定；按照第三十六条第（一）、（二）项。').map((r) => [r.t, r.a, r.i]),
      [['第二十', 20, undefined], ['二十一条', 21, undefined], ['第三十六条第（一）', 36, 1], ['（二）项', 36, 2]],
    );
  });

  it('references to other laws are not to the 条例', () => {
    const r = refs(
      '根据《中华人民共和国行政许可法》第六十条办理。依照行政复议法第九十条。按《上海市政府信息公开规定》第三十条。根据《中华人民共和国政府信息公开条例》第五十七条。根据《行政诉讼法实施条例》第三条。根据政府信息公开条例第十条。',
    );
    assert.deepEqual(r.map((x) => [x.a, x.reg]), [[60, false], [90, false], [30, false], [57, true], [3, false], [10, true]]);
  });

  it('a bare ordinal that counts things is not a reference', () => {
    assert.deepEqual(refs('开通第五十七条公交线路。第二十条规定的信息已公开。').map((r) => [r.a, r.reg]), [[57, false], [20, true]]);
  });

  it('counted things with Arabic numerals are not references', () => {
    assert.deepEqual(refs('办理第3条建议；《条例》第36条。').map((r) => r.a), [36]);
  });

  it('Chinese numerals', () => {
    assert.equal(parseChineseNumeral('二十'), 20);
    assert.equal(parseChineseNumeral('十六'), 16);
    assert.equal(parseChineseNumeral('五十六'), 56);
    assert.equal(parseChineseNumeral('一百零五'), 105);
    assert.equal(parseChineseNumeral('一二'), undefined);
    assert.equal(parseChineseNumeral(''), undefined);
  });
});

describe('extractMeta: document numbers', () => {
  it('normalises brackets and spaces', () => {
    const text =
      '依据国办公开办函〔2021〕30号、国办公开办函[2019]60号、国办函（2020）109 号、《条例》（国务院令第711号）、（国令第 711 号）、国务院令第492号和（云政办规〔2019〕6号）。';
    const m = meta(`某某局2023年政府信息公开工作年度报告\n${text}\n一、总体情况\n`);
    assert.deepEqual(m.docNumbers.map((d) => d.text), [
      '国办公开办函〔2021〕30号',
      '国办公开办函〔2019〕60号',
      '国办函〔2020〕109号',
      '国务院令第711号',
      '国务院令第711号',
      '国务院令第492号',
      '云政办规〔2019〕6号',
    ]);
  });
});

describe('extractMeta: robustness', () => {
  it('never throws on odd input', () => {
    assert.doesNotThrow(() => extractMeta('', [], undefined));
    assert.doesNotThrow(() => extractMeta('abc', [], 5));
    assert.doesNotThrow(() => extractMeta('第', [{ start: 0, end: 99, text: 'x' }], -1));
    assert.doesNotThrow(() => extractMeta('\r\r\n\n', splitLines('\r\r\n\n'), 0));
    assert.doesNotThrow(() => meta('》第二十条第（'));
    assert.doesNotThrow(() => meta('2023年2月'));
  });

  it('a 200,000-character hostile line completes quickly', () => {
    const pieces = ['1', '2', '0', '9', '年', '月', '日', '第', '条', '款', '项', '二', '十', '（', '）', '、', '-', '.', '〔', '〕', '号', '令', '国', '》', '《', '至', '现', '公布', '报告'];
    let x = 7;
    let random = '';
    while (random.length < 200_000) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      random += pieces[x % pieces.length];
    }
    const inputs = [
      random,
      '2023年'.repeat(40_000),
      '2023年1月1日至'.repeat(20_000),
      '第二十条第（一）、'.repeat(25_000),
      '第'.repeat(200_000),
      '9'.repeat(200_000),
      '》第二十条'.repeat(40_000),
      '2024-01-01-'.repeat(20_000),
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      const m = extractMeta(text, splitLines(text), undefined);
      const ms = performance.now() - t0;
      assert.ok(m, 'returns');
      assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
    }
  });
});
