// The Word importer: real .docx files (the official template, filled templates, LibreOffice conversions
// of saved web pages) checked end to end, and small hand-made packages for each WordprocessingML
// feature and for every way a file can fail.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { importDocx } from '../../server/src/import/docx/index';
import { ImportError, type ParagraphBlock, type SourceDocument, type TableBlock, type TableCell } from '../../server/src/import/common/document';
import { locate, tableGrid, toReportText } from '../../server/src/import/common/render';
import { check, type Finding, type Table } from '../../server/src/core';
import { toString as decimalText } from '../../server/src/core/base/decimal';

const dir = resolve(__dirname, '..', 'fixtures', 'native', 'docx');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

const tables = (doc: SourceDocument) => doc.blocks.filter((b): b is TableBlock => b.type === 'table');
const paragraphs = (doc: SourceDocument) => doc.blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph').map((b) => b.text);
const cellWith = (table: TableBlock, text: string): TableCell | undefined => table.rows.flat().find((c) => c.text === text);
const gridWidth = (table: TableBlock) => tableGrid(table)[0]?.length ?? 0;

function checked(doc: SourceDocument) {
  const imported = toReportText(doc);
  const result = check(imported.text);
  return { ...imported, ...result };
}

const serious = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning');
const ruleIds = (fs: Finding[]) => [...new Set(fs.map((f) => f.ruleId))].sort();
const tableOf = (tablesFound: Table[], kind: Table['kind']) => tablesFound.find((t) => t.kind === kind);
const valuesOf = (t: Table | undefined, rowId: string) => t?.byRow.get(rowId)?.values.map((c) => (c.value ? decimalText(c.value) : c.raw.trim()));
/** Number rows of table 三 (rows with at least one number). */
const numberRows = (t: Table | undefined) => (t?.rows ?? []).filter((r) => r.values.some((c) => c.kind === 'number')).length;

describe('docx importer: real files', () => {
  describe('blank official template', () => {
    const doc = importDocx(fixture('template-2021-format-govnianbao.docx'));

    it('reads the three tables with their merges (14 / 28 / 4 rows, grids of 4 / 10 / 15 columns)', () => {
      const ts = tables(doc);
      assert.deepEqual(ts.map((t) => t.rows.length), [14, 28, 4]);
      assert.deepEqual(ts.map(gridWidth), [4, 10, 15]);
      const requests = ts[1];
      const results = cellWith(requests, '三、本年度办理结果')!;
      assert.equal(results.rowSpan, 22);
      assert.deepEqual(results.source, { format: 'docx', table: 2, row: 6, column: 1 });
      assert.equal(cellWith(requests, '（三）不予公开')!.rowSpan, 8);
      assert.equal(cellWith(requests, '（四）无法提供')!.rowSpan, 3);
      assert.equal(cellWith(requests, '（五）不予处理')!.rowSpan, 5);
      assert.equal(cellWith(requests, '（六）其他处理')!.rowSpan, 3);
      assert.equal(cellWith(requests, '申请人情况')!.colSpan, 7);
      assert.equal(cellWith(requests, '一、本年新收政府信息公开申请数量')!.colSpan, 3);
      // Covered cells are not repeated: the row under (三)1 starts with its own label.
      const w2Row = requests.rows.find((r) => r.some((c) => c.text === '2.其他法律行政法规禁止公开'))!;
      assert.equal(w2Row[0].text, '2.其他法律行政法规禁止公开');
      assert.equal(w2Row[0].source.format === 'docx' && w2Row[0].source.column, 3);
      const review = ts[2];
      assert.equal(cellWith(review, '行政诉讼')!.colSpan, 10);
      assert.deepEqual(review.rows[3].map((c) => c.text), Array(15).fill(''));
    });

    it('keeps the title and every part heading, in order', () => {
      const ps = paragraphs(doc);
      assert.equal(ps[0], '政府信息公开工作年度报告格式模板');
      const headings = ps.filter((t) => /^[一二三四五六]、/.test(t));
      assert.deepEqual(headings, [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
      assert.deepEqual(doc.notes, []);
    });

    it('checks as three recognised tables with blank cells: GK204, no GK201 / GK206 / GK210', () => {
      const r = checked(doc);
      assert.equal(r.model.tables.length, 3);
      const ids = ruleIds(r.findings);
      for (const bad of ['GK201', 'GK206', 'GK210'] as const) assert.ok(!ids.includes(bad), `${bad} not expected`);
      // 10 cells of table 二, 25 rows × 7 of table 三, 15 of table 四.
      assert.equal(r.findings.filter((f) => f.ruleId === 'GK204').length, 200);
      // The rest is about the blank template's text: its title names no agency or year, part 五 is a placeholder.
      assert.deepEqual(ids, ['GK107', 'GK204', 'GK602']);
      assert.deepEqual(ruleIds(serious(r.findings)), ['GK204']);
    });
  });

  describe('template filled (Kunming 2023)', () => {
    const clean = importDocx(fixture('template-filled-kunming-2023.docx'));
    const wrong = importDocx(fixture('template-filled-kunming-2023-wrong-total.docx'));

    it('reads the filled cells where the template has them', () => {
      const requests = tables(clean)[1];
      const at = (row: number, column: number) =>
        requests.rows.flat().find((c) => c.source.format === 'docx' && c.source.row === row && c.source.column === column)?.text;
      assert.equal(at(4, 4), '2446');
      assert.equal(at(4, 10), '2670');
      assert.equal(at(16, 10), '829');
      assert.equal(at(28, 10), '66');
      assert.equal(paragraphs(clean)[0], '昆明市人民政府2023年政府信息公开工作年度报告');
    });

    it('checks clean: no finding at all', () => {
      const r = checked(clean);
      assert.deepEqual(
        r.findings.map((f) => `${f.ruleId} ${r.text.slice(f.span.start, f.span.end)}`),
        [],
      );
      const requests = tableOf(r.model.tables, 'requests');
      assert.equal(numberRows(requests), 25);
      assert.deepEqual(valuesOf(requests, 'forward'), ['63', '0', '0', '0', '1', '2', '66']);
      assert.deepEqual(valuesOf(tableOf(r.model.tables, 'review'), 'cases'), '33 23 5 16 77 21 10 9 13 53 7 1 3 4 15'.split(' '));
    });

    it('wrong total: GK301 on the cell 830, located at table 2, row 16, column 10', () => {
      const r = checked(wrong);
      const gk301 = r.findings.filter((f) => f.ruleId === 'GK301');
      assert.equal(gk301.length, 1);
      assert.equal(r.text.slice(gk301[0].span.start, gk301[0].span.end), '830');
      assert.deepEqual(locate(r.map, gk301[0].span.start), { format: 'docx', table: 2, row: 16, column: 10 });
    });

    it('wrong total: exactly GK301 and GK302 beyond the clean copy', () => {
      const a = checked(clean);
      const b = checked(wrong);
      const key = (t: string, f: Finding) => `${f.ruleId} ${t.slice(f.span.start, f.span.end)}`;
      const before = new Set(a.findings.map((f) => key(a.text, f)));
      const extra = b.findings.filter((f) => !before.has(key(b.text, f)));
      assert.deepEqual(extra.map((f) => key(b.text, f)), ['GK301 830', 'GK302 2651']);
      // GK302 is on the 总计 column: the (七)总计 cell of that column.
      assert.deepEqual(locate(b.map, extra[1].span.start), { format: 'docx', table: 2, row: 27, column: 10 });
    });
  });

  describe('template filled (Pingtan 2025)', () => {
    const doc = importDocx(fixture('template-filled-pingtan-2025.docx'));

    it('reads 结转 and table 四 in the model', () => {
      const requests = tables(doc)[1];
      const forward = requests.rows.find((r) => r[0]?.text === '四、结转下年度继续办理')!;
      assert.deepEqual(forward.slice(1).map((c) => c.text), ['4', '2', '0', '0', '0', '0', '6']);
      assert.deepEqual(tables(doc)[2].rows[3].map((c) => c.text).filter((_, i) => i % 5 === 4), ['36', '6', '3']);
    });

    it('checks with no error: table 三 25 rows with 结转 6, table 四 totals 36 / 6 / 3', () => {
      const r = checked(doc);
      assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId), []);
      const requests = tableOf(r.model.tables, 'requests');
      assert.equal(numberRows(requests), 25);
      assert.equal(valuesOf(requests, 'forward')?.[6], '6');
      const review = valuesOf(tableOf(r.model.tables, 'review'), 'cases')!;
      assert.deepEqual([review[4], review[9], review[14]], ['36', '6', '3']);
    });
  });

  for (const [year, rows, layout] of [
    [2019, 23, '2019'],
    [2024, 25, '2021'],
  ] as const) {
    describe(`LibreOffice conversion of the Pingtan ${year} web page`, () => {
      const doc = importDocx(fixture(`pingtan-guanweihui-${year}-from-html.docx`));

      it('leaves out the site around the report: starts at the title, ends after part 六', () => {
        const ps = paragraphs(doc);
        // 2019: the report's own title, written over two paragraphs, read as one; 2024: the page's headline.
        assert.equal(ps[0], year === 2019 ? '平潭综合实验区2019年政府信息公开工作年度报告' : '平潭综合实验区2024年度政府信息公开工作年度报告');
        assert.match(ps[1], /^(本报告)?根据《中华人民共和国政府信息公开条例》/);
        assert.equal(ps.at(-2), '六、其他需要报告的事项');
        assert.equal(ps.at(-1), year === 2019 ? '无其他需要报告的事项' : '2024年，无收取信息处理费情况。');
        for (const chrome of ['首页', '微信 微博 QQ空间', '全真版', '文件下载', '附件下载', '扫一扫在手机上查看当前页面', '友情链接', '福建日报']) {
          assert.ok(!ps.includes(chrome), `site line ${chrome} left in`);
        }
        const all = ps.join('\n');
        for (const chrome of ['版权所有', '来源：', '网站标识码']) assert.ok(!all.includes(chrome), `site text ${chrome} left in`);
        // Found like a web page's report: nothing to say about the site around it.
        assert.deepEqual(doc.notes, []);
      });

      it(`keeps the three tables with their merges (表三 ${rows} number rows in the model)`, () => {
        const ts = tables(doc);
        assert.equal(ts.length, 3);
        assert.equal(gridWidth(ts[1]), 10);
        const numeric = ts[1].rows.filter((r) => r.some((c) => /^\d+$/.test(c.text.trim())));
        assert.equal(numeric.length, rows);
      });

      it(`checks like the page: no error, 表三 ${rows} rows, title and year found`, () => {
        const r = checked(doc);
        assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId), []);
        assert.equal(r.model.tables.length, 3);
        const requests = tableOf(r.model.tables, 'requests');
        assert.equal(requests?.layout, layout);
        assert.equal(numberRows(requests), rows);
        assert.equal(r.model.meta.reportYear, year);
        assert.equal(r.model.meta.titleYear?.year, year);
        assert.match(r.model.meta.title?.text ?? '', new RegExp(`^平潭综合实验区${year}年`));
      });
    });
  }
});

// ── hand-made packages ────────────────────────────────────────────────────

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOC_RELS_NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

/** The document part around body XML. */
function documentXml(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">` +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`
  );
}

interface DocxParts {
  numbering?: string;
  styles?: string;
  /** Extra or replacement parts, by name (string or bytes). */
  extra?: Record<string, string | Uint8Array>;
  /** Leave out these standard parts. */
  omit?: string[];
}

/** A .docx with the given body XML (inside w:body). */
function makeDocx(body: string, parts: DocxParts = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(documentXml(body)),
  };
  if (parts.numbering !== undefined) {
    files['word/_rels/document.xml.rels'] = strToU8(DOC_RELS_NUMBERING);
    files['word/numbering.xml'] = strToU8(`<w:numbering xmlns:w="${W_NS}">${parts.numbering}</w:numbering>`);
    files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W_NS}">${parts.styles ?? ''}</w:styles>`);
  }
  for (const [name, data] of Object.entries(parts.extra ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data;
  for (const name of parts.omit ?? []) delete files[name];
  return zipSync(files);
}

/** A paragraph of plain text runs. */
const p = (...runs: string[]) => `<w:p>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;

/** A table cell: properties XML and content paragraphs. */
const tc = (props: string, ...paras: string[]) => `<w:tc><w:tcPr>${props}</w:tcPr>${paras.length > 0 ? paras.join('') : '<w:p/>'}</w:tc>`;

const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;


describe('docx importer: text of paragraphs', () => {
  it('joins runs; tab → space; break → line (joined by the model); symbols; hyperlinks, smart tags, content controls, insertions', () => {
    const body =
      '<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t>总体</w:t></w:r><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>情况</w:t></w:r></w:hyperlink></w:p>' +
      '<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F0B4"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:noBreakHyphen/><w:t>D</w:t></w:r></w:p>' +
      '<w:p><w:smartTag><w:r><w:t>昆明</w:t></w:r></w:smartTag><w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t>市</w:t></w:r></w:sdtContent></w:sdt><w:ins w:id="1"><w:r><w:t>人民政府</w:t></w:r></w:ins></w:p>' +
      '<w:sdt><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="100"/></w:tabs></w:pPr><w:r><w:t>&lt;实体&amp;&#x4E00;&gt;</w:t></w:r></w:p>';
    const doc = importDocx(makeDocx(body));
    assert.deepEqual(paragraphs(doc), ['一、总体情况', 'A B C×✓-D', '昆明市人民政府', '控件里的段落', '<实体&一>']);
    assert.deepEqual(
      doc.blocks.map((b) => b.source),
      [1, 2, 3, 4, 5].map((n) => ({ format: 'docx', paragraph: n })),
    );
  });

  it('numbers paragraphs among all body paragraphs, empty ones included', () => {
    const doc = importDocx(makeDocx('<w:p/>' + p('a') + '<w:p><w:r><w:t> </w:t></w:r></w:p>' + tbl(tr(tc('', p('x')))) + p('b')));
    assert.deepEqual(
      doc.blocks.map((b) => b.source),
      [
        { format: 'docx', paragraph: 2 },
        { format: 'docx', table: 1 },
        { format: 'docx', paragraph: 4 },
      ],
    );
  });

  it('skips deleted and moved-away text, field instructions and hidden runs; keeps field results', () => {
    const body =
      '<w:p><w:r><w:t>本年</w:t></w:r><w:del w:id="1"><w:r><w:delText>收到</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>新收</w:t></w:r></w:ins>' +
      '<w:moveFrom w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:r><w:t>申请</w:t></w:r></w:p>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>/30</w:t></w:r></w:fldSimple></w:p>' +
      '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r></w:p>';
    const doc = importDocx(makeDocx(body));
    assert.deepEqual(paragraphs(doc), ['本年新收申请', '12/30', '可见']);
    // Tracked changes are read as accepted, and the user is told so.
    assert.equal(doc.notes.length, 1);
    assert.match(doc.notes[0]['zh-cn'], /修订/);
    assert.deepEqual(importDocx(makeDocx(p('无修订'))).notes, []);
  });

  it('ignores the earlier properties kept by track changes (pPrChange, tcPrChange)', () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const body =
      '<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>编号已被修订去掉</w:t></w:r></w:p>' +
      tbl(tr(tc('<w:tcPrChange w:id="2"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange>', p('a')), tc('', p('b'))));
    const doc = importDocx(makeDocx(body, { numbering }));
    assert.deepEqual(paragraphs(doc), ['编号已被修订去掉']);
    assert.deepEqual(tables(doc)[0].rows[0].map((c) => c.colSpan), [1, 1]);
  });

  it('reads text boxes once (mc:Choice, not mc:Fallback) as paragraphs after their anchor', () => {
    const box = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>锚段</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('文本框')}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('文本框')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>之后</w:t></w:r></w:p>` +
      p('下一段');
    const doc = importDocx(makeDocx(body));
    assert.deepEqual(paragraphs(doc), ['锚段之后', '文本框', '下一段']);
    assert.deepEqual(doc.blocks[1].source, { format: 'docx', paragraph: 1 });
  });

  it('resolves the WordprocessingML namespace by URI, whatever its prefix', () => {
    const xml = `<?xml version="1.0"?><x:document xmlns:x="${W_NS}"><x:body><x:p><x:r><x:t>前缀不是 w</x:t></x:r></x:p><w:p xmlns:w="urn:other"><w:r><w:t>别的命名空间</w:t></w:r></w:p></x:body></x:document>`;
    const doc = importDocx(makeDocx('', { extra: { 'word/document.xml': xml } }));
    assert.deepEqual(paragraphs(doc), ['前缀不是 w']);
  });

  it('finds the main part through _rels/.rels, then [Content_Types].xml', () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>`;
    const main = `<w:document xmlns:w="${W_NS}"><w:body>${p('主文档')}</w:body></w:document>`;
    const viaRels = importDocx(makeDocx(p('不是它'), { extra: { '_rels/.rels': rels, 'word/main.xml': main } }));
    assert.deepEqual(paragraphs(viaRels), ['主文档']);
    const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/other.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
    const viaTypes = importDocx(
      makeDocx('', { omit: ['_rels/.rels', 'word/document.xml'], extra: { '[Content_Types].xml': types, 'word/other.xml': main } }),
    );
    assert.deepEqual(paragraphs(viaTypes), ['主文档']);
  });
});

describe('docx importer: tables', () => {
  it('gridSpan → colSpan, vMerge restart/continue → rowSpan with continuations dropped, grid columns in sources', () => {
    const body = tbl(
      tr(tc('<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>', p('甲')), tc('', p('乙')), tc('', p('丙'))),
      tr(tc('<w:gridSpan w:val="2"/><w:vMerge/>', '<w:p/>'), tc('<w:vMerge w:val="restart"/>', p('丁')), tc('', p('1'))),
      tr(tc('<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>'), tc('<w:vMerge/>'), tc('', p('2'))),
      tr(tc('', p('a')), tc('', p('b')), tc('<w:gridSpan w:val="2"/>', p('c'))),
    );
    const [table] = tables(importDocx(makeDocx(body)));
    const view = table.rows.map((r) =>
      r.map((c) => `${c.text}${c.rowSpan > 1 ? `↓${c.rowSpan}` : ''}${c.colSpan > 1 ? `→${c.colSpan}` : ''}@${c.source.format === 'docx' ? `${c.source.row}.${c.source.column}` : ''}`),
    );
    assert.deepEqual(view, [['甲↓3→2@1.1', '乙@1.3', '丙@1.4'], ['丁↓2@2.3', '1@2.4'], ['2@3.4'], ['a@4.1', 'b@4.2', 'c→2@4.3']]);
    assert.deepEqual(table.source, { format: 'docx', table: 1 });
    const text = toReportText({ format: 'docx', blocks: [table], notes: [] }).text;
    assert.match(text, /\| 甲 \|/);
    assert.match(text, /\| 2 \|\n/);
  });

  it('joins a cell\'s paragraphs with line breaks and drops its empty paragraphs', () => {
    const [table] = tables(importDocx(makeDocx(tbl(tr(tc('', p('法人或'), '<w:p/>', p('其他组织')))))));
    assert.equal(table.rows[0][0].text, '法人或\n其他组织');
  });

  it('gridBefore → an empty leading cell, so later cells keep their grid columns', () => {
    const body = tbl(tr(tc('', p('x')), tc('', p('y')), tc('', p('z'))), `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc('', p('3'))}</w:tr>`);
    const [table] = tables(importDocx(makeDocx(body)));
    assert.deepEqual(
      table.rows[1].map((c) => [c.text, c.colSpan, c.source.format === 'docx' && c.source.column]),
      [
        ['', 2, 1],
        ['3', 1, 3],
      ],
    );
  });

  it('legacy hMerge merges across; rows deleted under track changes are dropped', () => {
    const body = tbl(
      tr(tc('<w:hMerge w:val="restart"/>', p('合并')), tc('<w:hMerge/>'), tc('', p('v'))),
      `<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>${tc('', '<w:p><w:del w:id="8"><w:r><w:delText>删掉的行</w:delText></w:r></w:del></w:p>')}</w:tr>`,
      tr(tc('', p('a')), tc('', p('b')), tc('', p('c'))),
    );
    const [table] = tables(importDocx(makeDocx(body)));
    assert.deepEqual(
      table.rows.map((r) => r.map((c) => `${c.text}/${c.colSpan}`)),
      [
        ['合并/2', 'v/1'],
        ['a/1', 'b/1', 'c/1'],
      ],
    );
    assert.equal(table.rows[1][0].source.format === 'docx' && table.rows[1][0].source.row, 3);
  });

  it('appends a nested table\'s text to its cell and numbers only top-level tables', () => {
    const inner = tbl(tr(tc('', p('内1')), tc('', p('内2'))));
    const body = tbl(tr(tc('', p('外'), inner, p('尾')), tc('', p('右')))) + p('中间') + tbl(tr(tc('', p('第二个表'))));
    const doc = importDocx(makeDocx(body));
    const ts = tables(doc);
    assert.equal(ts.length, 2);
    assert.deepEqual(ts[0].rows[0].map((c) => c.text), ['外\n内1\n内2\n尾', '右']);
    assert.deepEqual(ts[1].rows[0][0].source, { format: 'docx', table: 2, row: 1, column: 1 });
  });
});

describe('docx importer: automatic numbering', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="0">' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>' +
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>' +
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>' +
    '</w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>';
  const styles =
    '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>';
  const np = (numId: number | undefined, ilvl: number | undefined, text: string, style?: string) =>
    `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId !== undefined ? `<w:numPr>${ilvl !== undefined ? `<w:ilvl w:val="${ilvl}"/>` : ''}<w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

  it('rebuilds 一、 / （一） / 1. markers, restarting lower levels, from numPr and from paragraph styles', () => {
    const body =
      np(1, 0, '总体情况') +
      np(1, 1, '主动公开') +
      np(1, 1, '依申请公开') +
      np(1, 2, '细项') +
      np(undefined, undefined, '二级标题用样式编号', 'H1') +
      np(1, 1, '重新从一开始') +
      np(undefined, undefined, '基于样式的样式', 'H1b') +
      np(2, 0, '项目符号不加标记') +
      np(3, 0, '天干') +
      np(3, 0, '天干二') +
      np(4, 0, '从五开始') +
      np(0, 0, '编号已去掉');
    const doc = importDocx(makeDocx(body, { numbering, styles }));
    assert.deepEqual(paragraphs(doc), [
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '1. 细项',
      '二、二级标题用样式编号',
      '（一）重新从一开始',
      '三、基于样式的样式',
      '项目符号不加标记',
      '甲、天干',
      '乙、天干二',
      '五、从五开始',
      '编号已去掉',
    ]);
  });

  it('a damaged numbering part costs the markers, not the document', () => {
    const deep = '<w:x>'.repeat(300) + '</w:x>'.repeat(300);
    const doc = importDocx(makeDocx(np(1, 0, '总体情况'), { numbering: numbering + deep }));
    assert.deepEqual(paragraphs(doc), ['总体情况']);
  });

  it('counts Chinese numerals past ten', () => {
    const body = Array.from({ length: 12 }, (_, i) => np(1, 0, `第${i + 1}项`)).join('');
    const ps = paragraphs(importDocx(makeDocx(body, { numbering, styles })));
    assert.deepEqual(ps.slice(9), ['十、第10项', '十一、第11项', '十二、第12项']);
  });
});

describe('docx importer: files that cannot be read', () => {
  const fails = (bytes: Uint8Array, pattern: RegExp, limits = {}) => {
    assert.throws(
      () => importDocx(bytes, limits),
      (e: unknown) => {
        assert.ok(e instanceof ImportError, `ImportError expected, got ${String(e)}`);
        assert.match(e.reason['zh-cn'], pattern);
        assert.ok(e.reason.en.length > 20 && /[.;]$|\.$/.test(e.reason.en.trim()), 'an English sentence');
        assert.equal(e.message, e.reason.en);
        return true;
      },
    );
  };

  const ole = (...streams: string[]) => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    let at = 1024;
    for (const name of streams) {
      const u = Buffer.from(name, 'utf16le');
      bytes.set(u, at);
      at += 128;
    }
    return bytes;
  };

  it('a legacy .doc / .wps (OLE compound file)', () => fails(ole('Root Entry', 'WordDocument', '1Table'), /旧版 Word（\.doc）.*另存为.*\.docx/));
  it('a password-protected .docx (OLE file with EncryptedPackage)', () => fails(ole('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), /密码/));
  it('an OLE file of unknown kind is taken for a legacy Word file', () => fails(ole('Root Entry'), /旧版 Word/));
  it('a PDF', () => fails(strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF/));
  it('an RTF file named .doc', () => fails(strToU8('{\\rtf1\\ansi\\deff0 {\\fonttbl}}'), /RTF/));
  it('a web page saved as .doc', () => fails(strToU8('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>报告</body></html>'), /网页/));
  it('a Word XML file (Word 2003 XML or flat OPC)', () =>
    fails(strToU8('<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="x"/>'), /Word XML/));
  it('an empty file and random bytes', () => {
    fails(new Uint8Array(0), /不是 Word 文档/);
    fails(strToU8('这只是一段文字'), /不是 Word 文档/);
  });

  it('a corrupted zip: truncated, or with damaged compressed data', () => {
    const good = makeDocx(p('正文'.repeat(200)));
    fails(good.subarray(0, good.length - 30), /已损坏/);
    const damaged = new Uint8Array(good);
    // Overwrite the middle of document.xml's compressed data.
    const at = Buffer.from(damaged).indexOf(Buffer.from('word/document.xml')) + 'word/document.xml'.length + 10;
    damaged.fill(0xff, at, at + 40);
    fails(damaged, /已损坏/);
    fails(strToU8('PK\u0003\u0004 not really a zip at all, no directory'), /已损坏/);
    // Damaged content of the same size is caught by the CRC: a stored (uncompressed) entry with one byte changed.
    const stored = zipSync({ '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(documentXml(p('本年新收申请23件'))) }, { level: 0 });
    assert.deepEqual(paragraphs(importDocx(stored)), ['本年新收申请23件']);
    const changed = new Uint8Array(stored);
    changed[Buffer.from(changed).indexOf(Buffer.from('23件'))] = 0x38; // 23 → 83
    fails(changed, /已损坏/);
  });

  it('a zip without word/document.xml (and telling an Excel workbook apart)', () => {
    fails(zipSync({ 'readme.txt': strToU8('hello') }), /没有 Word 正文/);
    fails(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }), /Excel/);
  });

  it('a zip bomb that declares its size: refused before inflating', () => {
    const bomb = makeDocx(p('x'), { extra: { 'word/document.xml': new Uint8Array(8 * 1024 * 1024) } });
    assert.ok(bomb.length < 64 * 1024, 'the bomb itself is small');
    fails(bomb, /解压后超过 1 MB/, { maxExpandedBytes: 1024 * 1024 });
  });

  it('a zip bomb that lies about its size: stopped while inflating', () => {
    const bomb = makeDocx(p('x'), { extra: { 'word/document.xml': new Uint8Array(16 * 1024 * 1024) } });
    // Patch the declared uncompressed size of word/document.xml in the central directory to 100 bytes.
    const buf = Buffer.from(bomb);
    const central = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    let at = central;
    for (;;) {
      const nameLen = buf.readUInt16LE(at + 28);
      const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
      if (name === 'word/document.xml') break;
      at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    }
    buf.writeUInt32LE(100, at + 24);
    const lying = new Uint8Array(buf);
    fails(lying, /已损坏|解压后超过/, { maxExpandedBytes: 1024 * 1024 });
    fails(lying, /已损坏|解压后超过/);
  });

  it('XML nested 10 000 elements deep: refused at the depth limit', () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(5000) + p('深处') + '</w:sdtContent></w:sdt>'.repeat(5000);
    fails(makeDocx(deep), /嵌套超过 256 层/);
    // Within a raised limit the same file reads.
    assert.deepEqual(paragraphs(importDocx(makeDocx(deep), { maxDepth: 20_000 })), ['深处']);
  });

  it('input larger than the limit, and a spent time budget', () => {
    fails(makeDocx(p('x')), /超过 .* 的上限/, { maxInputBytes: 100 });
    fails(makeDocx(p('x')), /时限/, { maxMillis: -1 });
  });

  it('damaged copies of a real file: every outcome is a document or an ImportError', () => {
    const original = fixture('template-filled-kunming-2023.docx');
    let seed = 20240601;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    let documents = 0;
    let errors = 0;
    for (let k = 0; k < 300; k++) {
      let bytes: Uint8Array;
      if (k % 3 === 0) {
        bytes = original.subarray(0, Math.floor(random() * original.length));
      } else {
        bytes = new Uint8Array(original);
        const flips = 1 + Math.floor(random() * 8);
        for (let f = 0; f < flips; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      try {
        const doc = importDocx(bytes);
        assert.ok(Array.isArray(doc.blocks));
        toReportText(doc);
        documents++;
      } catch (e) {
        assert.ok(e instanceof ImportError, `mutation ${k}: ${String(e)}`);
        errors++;
      }
    }
    assert.equal(documents + errors, 300);
    assert.ok(errors > 0 && documents > 0, `${documents} documents, ${errors} errors`);
  });

  it('malformed XML does not crash: unclosed and stray tags are tolerated', () => {
    const xml = `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>未闭合</w:t></w:r></w:body></w:document></w:tc></w:tr><w:p><w:r><w:t>尾巴`;
    const doc = importDocx(makeDocx('', { extra: { 'word/document.xml': xml } }));
    assert.deepEqual(paragraphs(doc), ['未闭合', '尾巴']);
  });
});

describe('docx importer: speed', () => {
  // Timing depends on the machine and its load, so it is measured on demand:
  //   GKREPORT_BENCH=1 node --import tsx --test test/import/docx.test.ts
  const names = [
    'template-2021-format-govnianbao.docx',
    'template-filled-kunming-2023.docx',
    'template-filled-kunming-2023-wrong-total.docx',
    'template-filled-pingtan-2025.docx',
    'pingtan-guanweihui-2019-from-html.docx',
    'pingtan-guanweihui-2024-from-html.docx',
  ];
  it('imports each real file in 50 ms or less (median of 31 runs after 20 warm-up runs)', { skip: !process.env.GKREPORT_BENCH && 'set GKREPORT_BENCH=1 to measure' }, (t) => {
    for (const name of names) {
      const bytes = fixture(name);
      for (let i = 0; i < 20; i++) importDocx(bytes);
      const times: number[] = [];
      for (let i = 0; i < 31; i++) {
        const start = performance.now();
        importDocx(bytes);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      t.diagnostic(`${name}: median ${times[15].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[30].toFixed(1)})`);
      assert.ok(times[15] <= 50, `${name}: median ${times[15].toFixed(1)} ms`);
    }
  });
});

describe('docx importer: repeated imports', () => {
  it('give the same model every time (no state kept between imports)', () => {
    for (const name of ['template-filled-kunming-2023.docx', 'pingtan-guanweihui-2019-from-html.docx']) {
      const bytes = fixture(name);
      const first = JSON.stringify(importDocx(bytes));
      for (let i = 0; i < 3; i++) assert.equal(JSON.stringify(importDocx(bytes)), first);
    }
  });
});
