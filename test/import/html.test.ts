// The web-page importer: the four saved 平潭 pages (fixtures/native/html, facts from the corpus README)
// read into the right tables and text and checked clean; small hand-made pages for each mechanism
// (spans, <br> in cells, layout tables, encodings, site chrome, hidden content, depth, non-HTML).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importHtml } from '../../server/src/import/html/index';
import { ImportError } from '../../server/src/import/common/document';
import type { ImportLimits, SourceDocument, TableBlock } from '../../server/src/import/common/document';
import { oneLine, toReportText } from '../../server/src/import/common/render';
import { check } from '../../server/src/core';
import type { Finding } from '../../server/src/core';

const dir = resolve(__dirname, '..', 'fixtures', 'native', 'html');
const page = (year: number) => readFileSync(join(dir, `pingtan-guanweihui-${year}.html`));
const utf8 = (s: string) => new TextEncoder().encode(s);
const html = (body: string, head = '<meta charset="utf-8"><title>测试页面</title>') =>
  utf8(`<!DOCTYPE html>\n<html>\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`);

const tablesOf = (doc: SourceDocument) => doc.blocks.filter((b): b is TableBlock => b.type === 'table');
const paragraphsOf = (doc: SourceDocument) => doc.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
/**
 * A table on its full HTML grid, as one-line text: a merged cell in its top-left slot, '' in the slots
 * it covers and in missing ones. (Written here rather than taken from render.ts, so that these tests
 * pin the model, whatever the report text does with merged slots.)
 */
function grid(t: TableBlock): string[][] {
  const out: string[][] = t.rows.map(() => []);
  const covered: boolean[][] = t.rows.map(() => []);
  let width = 0;
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (covered[r][c]) c++;
      out[r][c] = oneLine(cell.text);
      for (let dr = 0; dr < cell.rowSpan && r + dr < t.rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) covered[r + dr][c + dc] = true;
      }
      c += cell.colSpan;
      width = Math.max(width, c);
    }
  });
  return out.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}
const isNumber = (s: string) => /^\d+(\.\d+)?$/.test(s);
/** Grid rows holding numbers, each reduced to its numbers. */
const numberRows = (t: TableBlock) => grid(t).map((row) => row.filter(isNumber)).filter((nums) => nums.length > 0);
const rowLabelled = (t: TableBlock, label: string) => {
  const row = grid(t).find((r) => r.some((s) => s.startsWith(label)));
  assert.ok(row, `a row labelled ${label}`);
  return row.filter(isNumber);
};

function assertImportError(fn: () => unknown, pattern?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ImportError, `ImportError expected, got ${String(e)}`);
    assert.ok(e.reason['zh-cn'].length > 5 && /[\u4e00-\u9fff]/.test(e.reason['zh-cn']), 'a Chinese sentence');
    assert.ok(e.reason.en.length > 5 && /^[A-Z]/.test(e.reason.en), 'an English sentence');
    if (pattern) assert.match(e.reason.en, pattern);
    return true;
  });
}

// ── the four real pages ───────────────────────────────────────────────────────────────────────────

interface PageFacts {
  year: number;
  layout: '2019' | '2021';
  /** Grid rows with numbers in 表三, and in 表二. */
  requestRows: number;
  activeNumberRows: number;
  /** 表三 (七)总计 and 四、结转 rows (7 columns), and 表四's 15 numbers. */
  total: string[];
  carried: string[];
  review: string[];
}

const PAGES: PageFacts[] = [
  {
    year: 2019,
    layout: '2019',
    requestRows: 23,
    activeNumberRows: 8,
    total: ['23', '0', '0', '0', '0', '0', '23'],
    carried: ['0', '0', '0', '0', '0', '0', '0'],
    review: Array(15).fill('0'),
  },
  {
    year: 2023,
    layout: '2021',
    requestRows: 25,
    activeNumberRows: 6,
    total: ['80', '1', '0', '0', '0', '0', '81'],
    carried: ['0', '0', '0', '0', '0', '0', '0'],
    review: ['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2'],
  },
  {
    year: 2024,
    layout: '2021',
    requestRows: 25,
    activeNumberRows: 6,
    total: ['217', '1', '0', '0', '0', '0', '218'],
    carried: ['0', '0', '0', '0', '0', '0', '0'],
    review: ['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19'],
  },
  {
    year: 2025,
    layout: '2021',
    requestRows: 25,
    activeNumberRows: 6,
    total: ['147', '1', '0', '0', '0', '0', '148'],
    carried: ['4', '2', '0', '0', '0', '0', '6'],
    review: ['25', '3', '8', '0', '36', '3', '3', '0', '0', '6', '3', '0', '0', '0', '3'],
  },
];

const SERIOUS = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

describe('html import: the saved 平潭 pages', () => {
  for (const facts of PAGES) {
    describe(`pingtan-guanweihui-${facts.year}.html`, () => {
      const doc = importHtml(page(facts.year));
      const { text } = toReportText(doc);
      const result = check(text);

      it('reads three tables: 表二, 表三 and 表四 with their numbers', () => {
        const tables = tablesOf(doc);
        assert.equal(tables.length, 3);
        const [active, requests, review] = tables;
        assert.equal(numberRows(active).length, facts.activeNumberRows);
        const rows = numberRows(requests);
        assert.equal(rows.length, facts.requestRows, '表三 number rows');
        for (const nums of rows) assert.equal(nums.length, 7, `7 columns in ${nums.join(' ')}`);
        assert.deepEqual(rowLabelled(requests, '（七）总计'), facts.total);
        assert.deepEqual(rowLabelled(requests, '四、结转下年度继续办理'), facts.carried);
        const reviewRows = numberRows(review);
        assert.equal(reviewRows.length, 1);
        assert.deepEqual(reviewRows[0], facts.review);
      });

      it('the checker sees the report: title, agency, year, layout, all 表三 rows, 表四 one row', () => {
        const { meta, tables } = result.model;
        assert.equal(meta.reportYear, facts.year);
        assert.equal(meta.agency, '平潭综合实验区');
        assert.match(meta.title?.text ?? '', new RegExp(`^平潭综合实验区${facts.year}年度?政府信息公开工作年度报告$`));
        assert.deepEqual(tables.map((t) => t.kind), ['active', 'requests', 'review']);
        assert.deepEqual(tables.map((t) => t.layout), [facts.layout, facts.layout, facts.layout]);
        const requests = tables[1];
        assert.equal(requests.rows.length, facts.requestRows);
        assert.equal(requests.unplaced.length, 0);
        assert.equal(requests.unreadable, undefined);
        assert.equal(tables[2].rows.length, 1);
        assert.equal(result.model.parts.map((p) => p.index).join(''), '123456', 'six parts, each once');
      });

      it('leaves the site chrome out', () => {
        for (const chrome of ['当前位置', '扫一扫', '附件下载', '版权所有', '网站标识码', '主办单位', '福州市政府网站', '文件下载', '分享到', '关闭']) {
          assert.ok(!text.includes(chrome), `no ${chrome}`);
        }
        assert.ok(text.startsWith(`平潭综合实验区${facts.year}年`), 'the report title first');
        assert.ok(text.trimEnd().endsWith('。') || text.trimEnd().endsWith('事项'), 'ends with part 六');
      });

      it('checks clean: no error or warning at all (no arithmetic, prose, layout or structure finding)', () => {
        assert.deepEqual(result.findings.filter(SERIOUS).map((f) => `${f.ruleId} ${f.message.en}`), []);
      });

      it('maps cells back to their elements', () => {
        const requests = tablesOf(doc)[1];
        assert.match(requests.source.format === 'html' ? requests.source.path : '', /^table\[2\]$/);
        for (const row of requests.rows) {
          for (const cell of row) {
            assert.equal(cell.source.format, 'html');
            if (cell.source.format !== 'html') continue;
            assert.match(cell.source.path, /^table\[2\] > tr\[\d+\] > t[dh]\[\d+\]$/);
            assert.ok(cell.source.line >= 300 && cell.source.line <= 400, 'the report sits on lines 300–400');
          }
        }
      });
    });
  }

  it('2019: the second `三、本年度办理结果` cell (a Word page break) is read as the same label', () => {
    const requests = tablesOf(importHtml(page(2019)))[1];
    const labels = requests.rows.flat().filter((c) => c.text === '三、本年度办理结果');
    assert.equal(labels.length, 1);
    assert.equal(labels[0].rowSpan, 20);
    const g = grid(requests);
    const at = g.findIndex((r) => r.some((s) => s.startsWith('（四）无法提供')));
    assert.equal(g[at][0], '', 'covered by the label above, not a new label');
  });

  it('2019: the title split over two centred paragraphs is one line; 表二 has the 2019 columns', () => {
    const doc = importHtml(page(2019));
    assert.equal(paragraphsOf(doc)[0], '平潭综合实验区2019年政府信息公开工作年度报告');
    const active = tablesOf(doc)[0];
    const g = grid(active);
    assert.deepEqual(g.find((r) => r[0] === '信息内容'), ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    assert.deepEqual(g.find((r) => r[0] === '政府集中采购')?.slice(0, 3), ['政府集中采购', '135', '75394432.52元']);
  });

  it('2024: the title comes from the page title above the report body, with its own location', () => {
    const first = importHtml(page(2024)).blocks[0];
    assert.equal(first.type, 'paragraph');
    assert.equal((first as { text: string }).text, '平潭综合实验区2024年度政府信息公开工作年度报告');
    assert.deepEqual(first.source, { format: 'html', line: 294, path: 'div.article_component > div.article_title_group > div.article_title' });
  });

  it('2024: header words split over several <p> and &nbsp; runs are whole again', () => {
    const g = grid(tablesOf(importHtml(page(2024)))[1]);
    const header = g[2].map((s) => s.replace(/\n/g, ''));
    assert.deepEqual(header.slice(4, 9), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const review = tablesOf(importHtml(page(2024)))[2];
    assert.equal(review.rows[1][1].text, '结果\n纠正', '<br/> in the cell');
    assert.equal(grid(review)[1][1], '结果纠正', 'one line in the report text');
  });
});

// ── hand-made pages ─────────────────────────────────────────────────────────────────────────────

describe('html import: tables', () => {
  it('rowspan and colspan keep the HTML shape; the grid puts each cell in its slot', () => {
    const doc = importHtml(
      html(`<table>
<tr><th rowspan="2">项目</th><th colspan="2">数量</th></tr>
<tr><th>甲</th><th>乙</th></tr>
<tr><td>一</td><td>1</td><td>2</td></tr>
</table>`),
    );
    const [t] = tablesOf(doc);
    assert.deepEqual(
      t.rows.map((r) => r.map((c) => [c.text, c.rowSpan, c.colSpan])),
      [
        [['项目', 2, 1], ['数量', 1, 2]],
        [['甲', 1, 1], ['乙', 1, 1]],
        [['一', 1, 1], ['1', 1, 1], ['2', 1, 1]],
      ],
    );
    assert.deepEqual(grid(t), [
      ['项目', '数量', ''],
      ['', '甲', '乙'],
      ['一', '1', '2'],
    ]);
  });

  it('absurd spans are clamped: colspan ≤ 1000, rowspan to the rows left; rowspan=0 runs to the end; junk is 1', () => {
    const doc = importHtml(
      html(`<table>
<tr><td rowspan="99999" colspan="100000">甲</td><td rowspan="0">乙</td><td rowspan="x" colspan="-3">丙</td></tr>
<tr><td>1</td></tr>
<tr><td>2</td></tr>
</table>`),
    );
    const [t] = tablesOf(doc);
    assert.deepEqual(t.rows[0].map((c) => [c.rowSpan, c.colSpan]), [[3, 1000], [3, 1], [1, 1]]);
  });

  it('<br> and <p> inside a cell are line breaks; &nbsp; padding is blank; the report text joins Chinese lines', () => {
    const doc = importHtml(
      html(`<table><tr>
<td>结果<br/>纠正</td>
<td><p>法律</p><p>服<span>务</span>
 &nbsp; &nbsp; </p><p>机构</p></td>
<td>0&nbsp;&nbsp;&nbsp;</td><td>&nbsp;12</td>
</tr><tr><td>a</td><td>b</td><td>c</td><td>d</td></tr></table>`),
    );
    const [t] = tablesOf(doc);
    assert.deepEqual(t.rows[0].map((c) => c.text), ['结果\n纠正', '法律\n服务\n机构', '0', '12']);
    assert.match(toReportText(doc).text, /^\| 结果纠正 \| 法律服务机构 \| 0 \| 12 \|$/m);
  });

  it('a table holding tables is layout: its cells are read as blocks, the inner table is the data table', () => {
    const doc = importHtml(
      html(`<table id="frame"><tr><td>
<p>XX市2023年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>本年度工作平稳。</p>
<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>3</td></tr></table>
</td></tr><tr><td><p>六、其他需要报告的事项</p><p>无。</p></td></tr></table>`),
    );
    assert.equal(tablesOf(doc).length, 1);
    assert.deepEqual(grid(tablesOf(doc)[0]), [
      ['信息内容', '本年制发件数'],
      ['规章', '3'],
    ]);
    assert.deepEqual(
      doc.blocks.map((b) => (b.type === 'table' ? '[table]' : b.text)),
      ['XX市2023年政府信息公开工作年度报告', '一、总体情况', '本年度工作平稳。', '[table]', '六、其他需要报告的事项', '无。'],
    );
    // Table numbers count every <table> of the page: the data table is the second.
    const cell = tablesOf(doc)[0].rows[1][1];
    assert.deepEqual(cell.source, { format: 'html', line: 8, path: 'table[2] > tr[2] > td[2]' });
  });

  it('a one-cell table is a frame around content, not a data table', () => {
    const doc = importHtml(html('<table><tr><td><p>第一段。</p><p>第二段。</p></td></tr></table>'));
    assert.equal(tablesOf(doc).length, 0);
    assert.deepEqual(paragraphsOf(doc), ['第一段。', '第二段。']);
  });

  it('thead, tbody and tfoot are read in that order whatever the source order; empty spacer rows drop out', () => {
    const doc = importHtml(
      html(`<table>
<tfoot><tr><td>合计</td><td>3</td></tr></tfoot>
<tbody><tr><td>甲</td><td>1</td></tr><tr><td></td><td> </td></tr><tr><td>乙</td><td>2</td></tr></tbody>
<thead><tr><th>项</th><th>数</th></tr></thead>
</table>`),
    );
    assert.deepEqual(grid(tablesOf(doc)[0]), [
      ['项', '数'],
      ['甲', '1'],
      ['乙', '2'],
      ['合计', '3'],
    ]);
  });

  it('a row span crossing a dropped spacer row is shortened with it', () => {
    const doc = importHtml(
      html(`<table>
<tr><td rowspan="3">组</td><td>甲</td><td>1</td></tr>
<tr><td></td><td></td></tr>
<tr><td>乙</td><td>2</td></tr>
<tr><td>丙</td><td>丁</td><td>3</td></tr>
</table>`),
    );
    const [t] = tablesOf(doc);
    assert.equal(t.rows.length, 3);
    assert.equal(t.rows[0][0].rowSpan, 2);
    assert.deepEqual(grid(t), [
      ['组', '甲', '1'],
      ['', '乙', '2'],
      ['丙', '丁', '3'],
    ]);
  });
});

describe('html import: paragraphs and text', () => {
  it('block elements and <br> make paragraphs; inline text is joined; entities decoded; source lines are the file’s', () => {
    const doc = importHtml(
      html(`<div id="content">
<h1>标题</h1>
<p>第<b>一</b>段&nbsp;有<a href="#">链接</a>和&lt;符号&gt;&#x4E00;。</p>
<p>第二行上半<br>第二行下半</p>
<ul><li>条目一</li><li>条目二</li></ul>
</div>`),
    );
    assert.deepEqual(paragraphsOf(doc), ['标题', '第一段 有链接和<符号>一。', '第二行上半', '第二行下半', '条目一', '条目二']);
    const [h1, p1, brTop, brBottom] = doc.blocks;
    assert.deepEqual(h1.source, { format: 'html', line: 6, path: 'div#content > h1[1]' });
    assert.deepEqual(p1.source, { format: 'html', line: 7, path: 'div#content > p[1]' });
    assert.equal(brTop.source.format === 'html' && brTop.source.line, 8);
    assert.equal(brBottom.source.format === 'html' && brBottom.source.line, 8);
  });

  it('a source line break between Chinese characters disappears (editors wrap anywhere); blanks collapse', () => {
    const doc = importHtml(html('<p>政府信息\n   公开工作   年度\r\n报告 2023\n年</p>'));
    assert.deepEqual(paragraphsOf(doc), ['政府信息公开工作 年度报告 2023 年']);
  });

  it('hidden and non-text content is left out: display:none, hidden, script, style, noscript, template, comments, forms', () => {
    const doc = importHtml(
      html(`<div>
<p>看得见的文字</p>
<p style="color:red; DISPLAY: NONE">隐藏段落</p>
<p>前<span style="display:none">藏起来的</span>后</p>
<div hidden>隐藏属性</div>
<div style="visibility:hidden">不可见</div>
<script>document.write("脚本文字")</script>
<style>.x{content:"样式文字"}</style>
<noscript>请启用脚本</noscript>
<template><p>模板文字</p></template>
<!-- 注释文字 -->
<select><option>下拉选项</option></select><button>按钮文字</button><textarea>输入框</textarea>
</div>`),
    );
    assert.deepEqual(paragraphsOf(doc), ['看得见的文字', '前后']);
  });

  it('<pre> keeps its lines', () => {
    const doc = importHtml(html('<pre>第一行\n第二行\n</pre>'));
    assert.deepEqual(paragraphsOf(doc), ['第一行', '第二行']);
  });
});

describe('html import: finding the report in the page', () => {
  const menu = `<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/nb">政府信息公开年报</a></li>
<li><a href="/hd">互动交流</a></li><li><a href="/fw">办事服务</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/nb">政府信息公开年报</a></div>
<div class="side"><p>往年年报</p><ul><li><a href="/2022">某某市人民政府2022年政府信息公开工作年度报告</a></li>
<li><a href="/2021">某某市人民政府2021年政府信息公开工作年度报告</a></li></ul></div>`;
  const report = `<div class="article">
<h1 class="title">某某市人民政府2023年政府信息公开工作年度报告</h1>
<div class="info">来源：某某市人民政府办公室　发布时间：2024-01-20　<a href="#">【打印】</a><a href="#">【关闭】</a></div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
<div class="body">
<p>本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为2023年1月1日至2023年12月31日。</p>
<p>一、总体情况</p><p>2023年，某某市持续深化政务公开。</p>
<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p><p>（略）</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>（略）</p>
<p>五、存在的主要问题及改进情况</p><p>仍需改进。</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
<p style="text-align:right">某某市人民政府办公室</p><p style="text-align:right">2024年1月20日</p>
</div>
<div class="attach"><p>附件下载：</p><ul><li><a href="/a.pdf">年报.pdf</a></li></ul></div>
<div class="qr"><p>扫一扫在手机上查看当前页面</p></div>
</div>`;
  const footer = `<div class="footer"><ul><li><a href="http://www.gov.cn">中国政府网</a></li><li><a href="#">省政府</a></li>
<li><a href="#">网站地图</a></li><li><a href="#">联系我们</a></li></ul>
<p>版权所有：某某市人民政府　主办：某某市人民政府办公室</p><p>网站标识码：1234567890　某ICP备12345678号</p></div>`;

  it('between a menu and a footer: only the report, its title from the <h1> above the body', () => {
    const doc = importHtml(html(menu + report + footer, '<meta charset="utf-8"><title>年报_某某市人民政府</title>'));
    const paragraphs = paragraphsOf(doc);
    assert.equal(paragraphs[0], '某某市人民政府2023年政府信息公开工作年度报告');
    assert.ok(paragraphs[1].startsWith('本报告依据'), 'the preamble follows the title');
    assert.equal(paragraphs[paragraphs.length - 1], '2024年1月20日', 'the signature date ends it');
    const text = toReportText(doc).text;
    for (const chrome of ['首页', '当前位置', '往年年报', '2022年', '来源：', '打印', '分享到', '附件下载', '扫一扫', '中国政府网', '版权所有', '网站标识码']) {
      assert.ok(!text.includes(chrome), `no ${chrome}`);
    }
    const { meta, parts, tables } = check(text).model;
    assert.equal(meta.reportYear, 2023);
    assert.equal(meta.agency, '某某市人民政府');
    assert.equal(parts.map((p) => p.index).join(''), '123456');
    assert.equal(tables.length, 1);
    assert.deepEqual(doc.notes, []);
  });

  it('no title in the body: the page <title> segment that names the report', () => {
    const body = report.replace(/<h1[^]*?<\/h1>/, '');
    const doc = importHtml(html(menu + body + footer, '<meta charset="utf-8"><title>某某县2024年政府信息公开工作年度报告_年报_某某县人民政府</title>'));
    const first = doc.blocks[0];
    assert.equal(first.type === 'paragraph' && first.text, '某某县2024年政府信息公开工作年度报告');
    assert.deepEqual(first.source, { format: 'html', line: 3, path: 'title' });
  });

  it('chrome inside the report’s own container is trimmed at its edges: the 索引号 table, print / close, 扫一扫', () => {
    const doc = importHtml(
      html(`<div class="content">
<table><tr><td>索引号：</td><td>123/2024-00001</td><td>发布机构：</td><td>某某局</td></tr><tr><td>生成日期：</td><td>2024-01-20</td><td>公开方式：</td><td>主动公开</td></tr></table>
<p>某某局2023年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>正文。</p>
<table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>0</td><td>0</td></tr></table>
<p>六、其他需要报告的事项</p><p>无。</p>
<p>【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</p>
<p>扫一扫在手机打开当前页</p>
</div>`),
    );
    assert.deepEqual(
      doc.blocks.map((b) => (b.type === 'table' ? '[table]' : b.text)),
      ['某某局2023年政府信息公开工作年度报告', '一、总体情况', '正文。', '[table]', '六、其他需要报告的事项', '无。'],
    );
  });

  it('an old page laid out in tables: the report’s cell, not the menu cells', () => {
    const doc = importHtml(
      html(`<table width="1000"><tr><td colspan="2"><img src="banner.jpg"><a href="/">首页</a> | <a href="/gk">信息公开</a></td></tr>
<tr><td width="200"><table><tr><td><a href="/1">机构职能</a></td></tr><tr><td><a href="/2">政策文件</a></td></tr><tr><td><a href="/3">年度报告</a></td></tr></table></td>
<td width="800"><p align="center">某某县2023年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>全年主动公开信息100条。</p>
<table border="1"><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>
<p>二、主动公开政府信息情况</p><p>见上表。</p></td></tr>
<tr><td colspan="2">版权所有 某某县人民政府 技术支持：某某公司</td></tr></table>`),
    );
    assert.equal(paragraphsOf(doc)[0], '某某县2023年政府信息公开工作年度报告');
    assert.equal(tablesOf(doc).length, 1);
    const text = toReportText(doc).text;
    for (const chrome of ['首页', '机构职能', '政策文件', '版权所有']) assert.ok(!text.includes(chrome), `no ${chrome}`);
  });

  it('a report written as <br>-separated lines in one <div>', () => {
    const doc = importHtml(
      html(`<div class="nav"><a href="/">首页</a><a href="/a">新闻</a><a href="/b">公开</a><a href="/c">互动</a></div>
<div class="text">现公布某某镇2023年政府信息公开工作年度报告。<br>一、总体情况<br>　　本年度平稳推进。<br>
二、主动公开政府信息情况<br>见下表。<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>
六、其他需要报告的事项<br>无。</div>`, '<meta charset="utf-8"><title>某某镇2023年政府信息公开工作年度报告-某某镇</title>'),
    );
    assert.deepEqual(
      doc.blocks.map((b) => (b.type === 'table' ? '[table]' : b.text)),
      ['某某镇2023年政府信息公开工作年度报告', '现公布某某镇2023年政府信息公开工作年度报告。', '一、总体情况', '本年度平稳推进。', '二、主动公开政府信息情况', '见下表。', '[table]', '六、其他需要报告的事项', '无。'],
    );
    assert.deepEqual(doc.blocks[0].source, { format: 'html', line: 3, path: 'title' });
    assert.equal(doc.blocks[3].source.format === 'html' && doc.blocks[3].source.line, 6);
    assert.equal(doc.blocks[4].source.format === 'html' && doc.blocks[4].source.line, 7, 'the line of the text after <br> and a newline');
  });

  it('a fragment without <html>/<body> is read whole', () => {
    const doc = importHtml(utf8('<p>第一段</p>\n<p>第二段</p>\n文字在外'));
    assert.deepEqual(paragraphsOf(doc), ['第一段', '第二段', '文字在外']);
    assert.deepEqual(doc.blocks[1].source, { format: 'html', line: 2, path: 'p[2]' });
  });

  it('a page with no report headings: the part holding most non-link text, with a note', () => {
    const doc = importHtml(
      html(
        menu +
          '<div class="main"><h2>关于做好某项工作的通知</h2><p>各有关单位：现将有关事项通知如下，请认真贯彻执行，确保各项工作落到实处。</p><p>特此通知。</p></div>' +
          footer,
      ),
    );
    assert.deepEqual(paragraphsOf(doc), ['关于做好某项工作的通知', '各有关单位：现将有关事项通知如下，请认真贯彻执行，确保各项工作落到实处。', '特此通知。']);
    assert.equal(doc.notes.length, 1);
    assert.match(doc.notes[0].en, /part headings/);
  });
});

// ── encodings ───────────────────────────────────────────────────────────────────────────────────

/** A GBK encoder for the test, built from the platform's own GB18030 decoder (no table shipped). */
function gbkEncoder(): (s: string) => Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, [number, number]>();
  const pair = new Uint8Array(2);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      pair[0] = a;
      pair[1] = b;
      const ch = decoder.decode(pair);
      if (ch.length === 1 && !codes.has(ch)) codes.set(ch, [a, b]);
    }
  }
  return (s: string) => {
    const out: number[] = [];
    for (const ch of s) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else {
        const bytes = codes.get(ch);
        assert.ok(bytes, `GBK has ${ch}`);
        out.push(...bytes);
      }
    }
    return Uint8Array.from(out);
  };
}

describe('html import: encodings', () => {
  const gbk = gbkEncoder();
  const page = (head: string) =>
    `<html><head>${head}<title>年报</title></head><body><p>某某县2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>全年主动公开信息１２３条。</p><p>二、主动公开政府信息情况</p></body></html>`;

  it('the GBK encoder of this test agrees with the platform decoder', () => {
    assert.equal(new TextDecoder('gb18030').decode(gbk('政府信息公开')), '政府信息公开');
  });

  it('<meta charset="gbk">: read as GB18030', () => {
    const doc = importHtml(gbk(page('<meta charset="gbk">')));
    assert.deepEqual(paragraphsOf(doc), ['某某县2023年政府信息公开工作年度报告', '一、总体情况', '全年主动公开信息１２３条。', '二、主动公开政府信息情况']);
    assert.deepEqual(doc.notes, []);
  });

  it('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">: read as GB18030', () => {
    const doc = importHtml(gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')));
    assert.equal(paragraphsOf(doc)[0], '某某县2023年政府信息公开工作年度报告');
  });

  it('no declaration and not UTF-8: GB18030', () => {
    const doc = importHtml(gbk(page('')));
    assert.equal(paragraphsOf(doc)[1], '一、总体情况');
  });

  it('no declaration, valid UTF-8: UTF-8; a UTF-8 byte-order mark wins over a wrong declaration', () => {
    assert.equal(paragraphsOf(importHtml(utf8(page(''))))[1], '一、总体情况');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page('<meta charset="gbk">'))]);
    assert.equal(paragraphsOf(importHtml(bom))[1], '一、总体情况');
  });

  it('UTF-16 with a byte-order mark', () => {
    const s = page('');
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      bytes[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    assert.equal(paragraphsOf(importHtml(bytes))[1], '一、总体情况');
  });

  it('declared gb2312 but saved as UTF-8 (a crawler re-saved it): the bytes win, with a note', () => {
    const doc = importHtml(utf8(page('<meta charset="gb2312">')));
    assert.equal(paragraphsOf(doc)[1], '一、总体情况');
    assert.equal(doc.notes.length, 1);
    assert.match(doc.notes[0].en, /valid UTF-8/);
  });

  it('declared UTF-8 but GBK bytes: GB18030, with a note', () => {
    const doc = importHtml(gbk(page('<meta charset="utf-8">')));
    assert.equal(paragraphsOf(doc)[1], '一、总体情况');
    assert.match(doc.notes[0].en, /not valid UTF-8/);
  });
});

// ── robustness and limits ───────────────────────────────────────────────────────────────────────

describe('html import: robustness', () => {
  it('10,000 nested <div>s: no stack overflow, the text is read, a note says structure was flattened', () => {
    const deep = html(`${'<div>'.repeat(10_000)}<p>深处的文字</p><p>第二段</p>${'</div>'.repeat(10_000)}`);
    const doc = importHtml(deep);
    assert.match(toReportText(doc).text, /深处的文字 第二段/);
    assert.ok(doc.notes.some((n) => /nests elements more than 256 deep/.test(n.en)), 'a note on the depth');
  });

  it('10,000 unclosed <div>s and 3,000 nested tables: bounded, text read', () => {
    const unclosed = importHtml(html(`${'<div>'.repeat(10_000)}文字`));
    assert.equal(paragraphsOf(unclosed).join(''), '文字');
    const tables = importHtml(html(`${'<table><tr><td>'.repeat(3_000)}嵌套表格${'</td></tr></table>'.repeat(3_000)}`));
    assert.match(toReportText(tables).text, /嵌套表格/);
  });

  it('20,000 nested links, and 20,000 stray end tags under 20,000 open ones: bounded, text read', () => {
    const links = importHtml(html(`<p>${'<a href="#">'.repeat(20_000)}链接里的文字`));
    assert.match(toReportText(links).text, /链接里的文字/);
    const stray = importHtml(html(`${'<div>'.repeat(20_000)}开头${'</span>'.repeat(20_000)}<script>var 脚本 = 1;</script>结尾`));
    assert.match(toReportText(stray).text, /^开头\s*结尾$/m, 'a script beyond the parser’s depth cap stays out');
  });

  it('maxDepth is honoured: below it, blocks and tables are still text', () => {
    const doc = importHtml(html('<div><div><div><div><p>甲</p><table><tr><td>乙</td><td>丙</td></tr></table></div></div></div></div>'), { maxDepth: 4 });
    assert.equal(tablesOf(doc).length, 0);
    assert.equal(toReportText(doc).text.trim(), '甲 乙 丙');
  });

  it('not a web page, empty, or no text: one clear ImportError', () => {
    assertImportError(() => importHtml(new Uint8Array(0)), /empty/);
    assertImportError(() => importHtml(utf8('  \n\t \n')), /empty/);
    assertImportError(() => importHtml(utf8('一、总体情况\n本年度共收到申请5件。\n')), /no HTML markup/);
    assertImportError(() => importHtml(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')), /PDF/);
    assertImportError(() => importHtml(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])), /docx/);
    assertImportError(() => importHtml(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /not a web page/);
    assertImportError(() => importHtml(html('<script>var a = "只有脚本";</script><img src="scan.png">')), /no readable text/);
  });

  it('limits: input size and time budget give an ImportError', () => {
    const bytes = html('<p>一段文字</p>');
    assertImportError(() => importHtml(bytes, { maxInputBytes: 10 }), /too large/);
    const limits: Partial<ImportLimits> = { maxMillis: -1 };
    assertImportError(() => importHtml(bytes, limits), /too complex/);
  });

  it('a large page stays linear: 20,000 paragraphs and a 300-row table', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>行${i}</td><td>${i}</td></tr>`).join('');
    const paras = Array.from({ length: 20_000 }, (_, i) => `<p>第${i}段</p>`).join('\n');
    const doc = importHtml(html(`${paras}<table>${rows}</table>`));
    assert.equal(paragraphsOf(doc).length, 20_000);
    assert.equal(tablesOf(doc)[0].rows.length, 300);
  });
});
