// Finding the report among the paragraphs of a saved web page (site header, menus, share buttons,
// footer link lists), and leaving ordinary Word reports alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, SourceDocument, TableBlock } from '../../server/src/import/common/document';
import { extentBlocks, isFooterLine, reportExtent, trimToReport } from '../../server/src/import/common/extent';

let counter = 0;
const para = (text: string): Block => ({ type: 'paragraph', text, source: { format: 'docx', paragraph: ++counter } });
const table = (label: string): TableBlock => ({
  type: 'table',
  rows: [[{ text: label, rowSpan: 1, colSpan: 1, source: { format: 'docx', table: 1, row: 1, column: 1 } }]],
  source: { format: 'docx', table: 1 },
});
const texts = (blocks: Block[]) => blocks.map((b) => (b.type === 'paragraph' ? b.text : `[表 ${b.rows[0][0].text}]`));
const doc = (blocks: Block[]): SourceDocument => ({ format: 'html', blocks, notes: [] });

const PREAMBLE = '本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制，所列数据统计期限为2024年1月1日至2024年12月31日。';

/** The six parts of a report with a table in 二, 三 and 四. */
const reportParts = (six = '2024年，无收取信息处理费情况。'): Block[] => [
  para('一、总体情况'),
  para('2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开工作，取得积极成效。'),
  para('二、主动公开政府信息情况'),
  table('第二十条第（一）项'),
  para('三、收到和处理政府信息公开申请情况'),
  table('申请人情况'),
  para('四、政府信息公开行政复议、行政诉讼情况'),
  table('行政复议'),
  para('五、存在的主要问题及改进情况'),
  para('存在的主要问题：一是公开内容不够全面；二是解读形式较为单一。下一步，我们将持续改进。'),
  para('六、其他需要报告的事项'),
  para(six),
];

const SITE_HEAD = ['国务院 省政府 省人大 省政协', '移动版', '登录 登录 注册 注册 你好， 注销', '首页', '政务公开', '互动交流', '当前位置：', '首页', '政府信息公开', '政府信息公开年报'];
const SITE_FOOT = ['附件下载', '扫一扫在手机上查看当前页面', '关闭', '友情链接', '人民网', '新华网', '使用帮助 / 联系我们 / 隐私保护 /', '网站标识码：3590000001 公安备案号：35012899001-19002 闽ICP备09032658号', '版权所有：某某网站'];

describe('report extent', () => {
  it('a saved web page: the headline kept as title, the furniture under it and the site around left out', () => {
    const blocks = [
      ...SITE_HEAD.map(para),
      para('平潭综合实验区2024年度政府信息公开工作年度报告'),
      ...['来源：平潭综合实验区管委会办公室 时间：2025-03-10 15:35', '微信 微博 QQ空间', '全真版', '文字版', '文件下载', '相关链接：'].map(para),
      para(PREAMBLE),
      ...reportParts(),
      ...SITE_FOOT.map(para),
    ];
    const extent = reportExtent(blocks);
    assert.deepEqual(extent, { from: 17, to: 17 + 13, title: { first: 10, last: 10 } });
    const kept = texts(extentBlocks(blocks, extent));
    assert.equal(kept[0], '平潭综合实验区2024年度政府信息公开工作年度报告');
    assert.equal(kept[1], PREAMBLE);
    assert.equal(kept.at(-1), '2024年，无收取信息处理费情况。');
    assert.equal(kept.length, 14);

    const trimmed = trimToReport(doc(blocks));
    assert.deepEqual(texts(trimmed.blocks), kept);
    assert.deepEqual(trimmed.notes, []);
  });

  it('the report\'s own title, broken over two paragraphs, after the page headline: read as one title', () => {
    const blocks = [
      ...SITE_HEAD.map(para),
      para('平潭综合实验区2019年度政府信息公开工作年度报告'),
      para('来源：平潭县人民政府 时间：2020-01-20 15:22'),
      para('平潭综合实验区2019年'),
      para('政府信息公开工作年度报告'),
      para(PREAMBLE),
      ...reportParts('无其他需要报告的事项'),
      ...SITE_FOOT.map(para),
    ];
    const extent = reportExtent(blocks);
    assert.deepEqual(extent.title, { first: 12, last: 13 });
    const kept = extentBlocks(blocks, extent);
    assert.equal(kept[0].type === 'paragraph' && kept[0].text, '平潭综合实验区2019年政府信息公开工作年度报告');
    // The joined title points at its first paragraph.
    assert.deepEqual(kept[0].source, blocks[12].source);
    assert.equal(texts(kept)[1], PREAMBLE);
    assert.equal(texts(kept).at(-1), '无其他需要报告的事项');
  });

  it('a title of agency and year-and-subject on two lines is joined too', () => {
    const blocks = [para('首页'), para('昆明市人民政府'), para('2023年政府信息公开工作年度报告'), ...reportParts(), para('打印本页')];
    const kept = texts(trimToReport(doc(blocks)).blocks);
    assert.equal(kept[0], '昆明市人民政府2023年政府信息公开工作年度报告');
    assert.equal(kept[1], '一、总体情况');
  });

  it('ends right after the signature date when the footer follows it', () => {
    const blocks = [
      para('某某区2024年政府信息公开工作年度报告'),
      ...reportParts(),
      para('某某区人民政府办公室'),
      para('2025年1月20日'),
      para('【打印本页】'),
      para('【关闭窗口】'),
    ];
    const extent = reportExtent(blocks);
    assert.deepEqual(extent, { from: 1, to: 15, title: { first: 0, last: 0 } });
    assert.equal(texts(blocks.slice(extent.from, extent.to)).at(-1), '2025年1月20日');
  });

  it('without a title: starts at the preamble right before 一、总体情况', () => {
    const blocks = [...SITE_HEAD.map(para), para('相关链接：'), para(PREAMBLE), ...reportParts(), ...SITE_FOOT.map(para)];
    const extent = reportExtent(blocks);
    assert.deepEqual(extent, { from: 11, to: 11 + 13 });
  });

  it('tables of the site before the report are left out; the report\'s tables kept', () => {
    const blocks = [para('首页'), table('索引号'), para('某县2024年政府信息公开工作年度报告'), ...reportParts(), para('上一篇：某县2023年政府信息公开工作年度报告')];
    const kept = texts(trimToReport(doc(blocks)).blocks);
    assert.deepEqual(kept.filter((t) => t.startsWith('[表')), ['[表 第二十条第（一）项]', '[表 申请人情况]', '[表 行政复议]']);
    assert.equal(kept[0], '某县2024年政府信息公开工作年度报告');
    assert.equal(kept.at(-1), '2024年，无收取信息处理费情况。');
  });

  describe('conservative: when unsure, everything stays', () => {
    it('an ordinary Word report is returned as it is', () => {
      const d = doc([para('某市2024年政府信息公开工作年度报告'), para(PREAMBLE), ...reportParts(), para('某市人民政府办公室'), para('2025年1月20日')]);
      assert.equal(trimToReport(d), d);
    });

    it('lines before the title that are not a web page\'s furniture stay', () => {
      const blocks = [para('某市人民政府办公室文件'), para('（2025年1月）'), para('某市2024年政府信息公开工作年度报告'), ...reportParts()];
      assert.deepEqual(reportExtent(blocks), { from: 0, to: blocks.length });
    });

    it('lines between the title and the body that are not furniture stay', () => {
      const blocks = [para('首页'), para('某市2024年政府信息公开工作年度报告'), para('某市人民政府办公室'), para('2025年1月20日'), ...reportParts()];
      const extent = reportExtent(blocks);
      assert.deepEqual(extent, { from: 2, to: blocks.length, title: { first: 1, last: 1 } });
      assert.deepEqual(texts(extentBlocks(blocks, extent)).slice(0, 3), ['某市2024年政府信息公开工作年度报告', '某市人民政府办公室', '2025年1月20日']);
    });

    it('a site\'s menu before the title counts as furniture even without a known word', () => {
      const menu = ['某市人民政府门户网站', '政务公开', '政务服务', '互动交流', '走进某市', '数据开放'];
      const blocks = [...menu.map(para), para('某市2024年政府信息公开工作年度报告'), ...reportParts()];
      assert.equal(reportExtent(blocks).title?.first, 6);
      const short = [...menu.slice(0, 3).map(para), para('某市2024年政府信息公开工作年度报告'), ...reportParts()];
      assert.deepEqual(reportExtent(short), { from: 0, to: short.length });
    });

    it('no part heading: nothing is trimmed, even around site furniture', () => {
      const blocks = [...SITE_HEAD.map(para), para('某市2024年政府信息公开工作年度报告'), para(PREAMBLE), ...SITE_FOOT.map(para)];
      assert.deepEqual(reportExtent(blocks), { from: 0, to: blocks.length });
    });

    it('no footer line after the last part: the end stays, signature date or not', () => {
      const blocks = [para('某市2024年政府信息公开工作年度报告'), ...reportParts(), para('2025年1月20日'), para('附：名词解释')];
      assert.equal(reportExtent(blocks).to, blocks.length);
    });

    it('a breadcrumb naming 政府信息公开年报 is no title', () => {
      const blocks = [para('首页'), para('政府信息公开年报'), ...reportParts(), para('关闭')];
      const extent = reportExtent(blocks);
      assert.equal(extent.title, undefined);
      assert.equal(extent.from, 2);
    });
  });

  it('footer lines are short lines only: report prose mentioning 关闭 or 打印 is not one', () => {
    assert.ok(isFooterLine('扫一扫在手机上查看当前页面'));
    assert.ok(isFooterLine('【打印本页】'));
    assert.ok(isFooterLine('闽ICP备09032658号'));
    assert.ok(!isFooterLine('关闭了3个不再使用的政务新媒体账号，打印并发放政务公开宣传资料2000余份，进一步提升公众知晓度。'));
    assert.ok(!isFooterLine('六、其他需要报告的事项'));
  });

  it('is linear: 200 000 blocks of site text around a report', () => {
    const noise = Array.from({ length: 100_000 }, (_, i) => para(`栏目${i}`));
    const blocks = [...noise, para('首页'), para('某市2024年政府信息公开工作年度报告'), ...reportParts(), para('关闭'), ...noise];
    const extent = reportExtent(blocks);
    assert.deepEqual(extent, { from: 100_002, to: 100_002 + 12, title: { first: 100_001, last: 100_001 } });
  });
});
