// The Word and web-page exports: GB/T 9704 page and faces, real Word tables with the official template's
// merges, repeated header rows and right-aligned numbers; a self-contained page with no inline style.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseReport } from '../../server/src/core';
import { exportDocx, exportHtml, exportReport } from '../../server/src/export';
import { corpusText, root } from './corpus';

const SEED = corpusText('seeds/002_5d8db5c6007b71c2.txt');
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']);
const tablesOf = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const rowsOf = (table: string) => [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
const count = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].length;
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('export to Word (.docx)', async () => {
  const bytes = await exportDocx(SEED);
  const xml = documentXml(bytes);

  it('A4 with the GB/T 9704 margins; page numbers as — n — on the outer side', () => {
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    assert.match(xml, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const files = unzipSync(bytes);
    assert.match(strFromU8(files['word/settings.xml']), /<w:evenAndOddHeaders\/>/);
    const footers = Object.keys(files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => strFromU8(files[n]));
    assert.equal(footers.length, 2);
    for (const f of footers) assert.match(f, /— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
  });

  it('the title in 小标宋 二号 centred, the body in 仿宋_GB2312 三号, headings in 黑体 and 楷体_GB2312', () => {
    const paragraphs = [...xml.split(/<w:tbl>[\s\S]*?<\/w:tbl>/).join('').matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const title = paragraphs.find((p) => textOf(p) === '安宁市人民政府办公室2022年度政府信息公开工作年度报告')!;
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.match(title, /w:eastAsia="方正小标宋简体"/);
    assert.match(title, /<w:sz w:val="44"\/>/);
    const heading = paragraphs.find((p) => textOf(p) === '一、总体情况')!;
    assert.match(heading, /w:eastAsia="黑体"/);
    assert.match(heading, /<w:sz w:val="32"\/>/);
    const runOn = paragraphs.find((p) => textOf(p).startsWith('(一)深入推进主动公开。'))!;
    const runs = [...runOn.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]);
    assert.match(runs[0], /w:eastAsia="楷体_GB2312"/);
    assert.match(runs[1], /w:eastAsia="仿宋_GB2312"/);
    assert.match(runOn, /<w:ind w:firstLine="640"\/>/);
    assert.match(runOn, /<w:spacing w:line="579" w:lineRule="exact"\/>/);
  });

  it('the font table gives each face the fallback every Windows machine has', () => {
    const fonts = strFromU8(unzipSync(bytes)['word/fontTable.xml']);
    for (const [face, alt] of [['仿宋_GB2312', '仿宋'], ['仿宋', 'FangSong'], ['楷体_GB2312', '楷体'], ['楷体', 'KaiTi'], ['黑体', 'SimHei'], ['宋体', 'SimSun'], ['方正小标宋简体', '宋体']]) {
      assert.match(fonts, new RegExp(`<w:font w:name="${face}"><w:altName w:val="${alt}"/>`), face);
    }
  });

  it('three Word tables with the official template’s merges: as many gridSpan and vMerge cells', () => {
    const template = documentXml(new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'native', 'docx', 'template-2021-format-govnianbao.docx'))));
    const tables = tablesOf(xml);
    assert.equal(tables.length, 3);
    const merges = (x: string) => ({ gridSpan: count(x, /<w:gridSpan /g), vMerge: count(x, /<w:vMerge /g) });
    assert.deepEqual(merges(tables.join('')), merges(tablesOf(template).join('')));
    assert.deepEqual(merges(tables.join('')), { gridSpan: 26, vMerge: 58 });
    assert.deepEqual(tablesOf(template).map((t) => rowsOf(t).length), tables.map((t) => rowsOf(t).length));
  });

  it('the printed header rows repeat on every page; rows do not split; numbers are right-aligned', () => {
    const [active, requests, review] = tablesOf(xml);
    const headerRows = (t: string) => rowsOf(t).map((r) => r.includes('<w:tblHeader/>'));
    assert.deepEqual(headerRows(requests).slice(0, 4), [true, true, true, false]);
    assert.deepEqual(headerRows(review), [true, true, true, false]);
    assert.ok(!headerRows(active).some(Boolean));
    assert.ok(rowsOf(requests).every((r) => r.includes('<w:cantSplit/>')));
    const cellsOf = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    const newRow = rowsOf(requests).find((r) => textOf(r).startsWith('一、本年新收'))!;
    const numbers = cellsOf(newRow).filter((c) => /^\d+$/.test(textOf(c)));
    assert.equal(numbers.length, 7);
    for (const c of numbers) assert.match(c, /<w:jc w:val="right"\/>/);
    assert.match(xml, /<w:tblW w:type="dxa" w:w="8845"\/>/);
  });

  it('nothing of the text is lost: every paragraph, row label and value is in the document', () => {
    const all = textOf(xml);
    const model = parseReport(SEED);
    const tableLines = new Set(model.tables.flatMap((t) => Array.from({ length: t.lines.last - t.lines.first + 1 }, (_, i) => t.lines.first + i)));
    model.lines.forEach((line, i) => {
      if (!tableLines.has(i) && line.text.trim() !== '') assert.ok(all.includes(line.text.trim()), line.text);
    });
    for (const row of model.tables.flatMap((t) => t.rows)) {
      for (const c of [...row.labelCells, ...row.values]) assert.ok(all.includes(c.raw), c.raw);
    }
  });
});

describe('export to a web page (.html)', () => {
  const html = exportHtml(SEED);

  it('one self-contained page: inline CSS with an A4 print sheet, no script, no inline style, no remote resource', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(html, /<title>安宁市人民政府办公室2022年度政府信息公开工作年度报告<\/title>/);
    assert.match(html, /@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    assert.match(html, /"仿宋_GB2312", "仿宋", FangSong/);
    assert.doesNotMatch(html, /<script|\sstyle="|https?:\/\/(?!www\.kman\.gov\.cn)|\ssrc=|<link/);
    assert.doesNotMatch(html, /gk-mark|data-s=/, 'no fault highlighting or source spans in the export');
  });

  it('the tables with their header in <thead> and the merges as rowspan/colspan', () => {
    const requests = html.slice(html.indexOf('<table class="gk-table gk-requests"'), html.indexOf('</table>', html.indexOf('gk-requests')));
    const thead = requests.slice(requests.indexOf('<thead>'), requests.indexOf('</thead>'));
    assert.equal(count(thead, /<tr /g), 3);
    assert.match(thead, /<th class="gk-header gk-c" rowspan="3" colspan="3">（本列数据的勾稽关系为：/);
    assert.match(thead, /<th class="gk-header gk-c" colspan="7">申请人情况<\/th>/);
    assert.match(requests, /<th class="gk-group gk-c" rowspan="22" scope="row"><span class="gk-vertical">三、本年度办理结果<\/span><\/th>/);
    assert.match(requests, /<td class="gk-value gk-r">20<\/td><\/tr>/);
  });

  it('exportReport gives the file’s bytes for either format', async () => {
    assert.equal(new TextDecoder().decode(await exportReport(SEED, 'html')), html);
    const docx = await exportReport(SEED, 'docx');
    assert.deepEqual([...docx.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  });
});
