// The PDF importer: the three published reports (test/fixtures/native/pdf) read into tables and
// paragraphs that the checker finds the known faults in, mapped back to their pages; small PDFs written
// here by hand for the layouts and failures one at a time.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPdf } from '../../server/src/import/pdf/index';
import { ImportError, type SourceDocument, type SourceLocation, type TableBlock, type TableCell } from '../../server/src/import/common/document';
import { locate, tableGrid, toReportText, type ImportedText } from '../../server/src/import/common/render';
import { check } from '../../server/src/core';
import type { Finding } from '../../server/src/core';

const FIXTURES = join(__dirname, '..', 'fixtures');
const pdfFixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'native', 'pdf', name)));
const realText = (name: string) => readFileSync(join(FIXTURES, 'real', name), 'utf8');

const tablesOf = (doc: SourceDocument) => doc.blocks.filter((b): b is TableBlock => b.type === 'table');
const paragraphsOf = (doc: SourceDocument) => doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
const ruleIds = (findings: Finding[]) => findings.map((f) => f.ruleId).sort();
/** A grid row's slot texts ('' for an empty or covered slot). */
const gridTexts = (table: TableBlock) => tableGrid(table).map((row) => row.map((slot) => slot?.text ?? ''));
const allCells = (table: TableBlock) => table.rows.flat();
const cellWith = (table: TableBlock, text: string): TableCell | undefined =>
  allCells(table).find((c) => c.text.replace(/\n/g, '') === text);
const pageOf = (cell: { source: SourceLocation } | undefined) => (cell?.source.format === 'pdf' ? cell.source.page : undefined);

// ── the three published reports ────────────────────────────────────────────

interface RealCase {
  file: string;
  pdftotext: string;
  pages: number;
  /** Grid rows of table 三 and the rows its vertical 三、本年度办理结果 label spans. */
  requestRows: number;
  resultRows: number;
  /** Values of rows of table 三, by label. */
  values: Record<string, number[]>;
  /** Table 四's data row. */
  review: number[];
  /** Page where table 三's (四)无法提供 cell starts, and the page of table 三's last row. */
  unableCellPage: number;
  lastRowPage: number;
}

const REAL: RealCase[] = [
  {
    file: 'huaian-city-2024.pdf',
    pdftotext: 'huaian-city-2024-pdftotext.txt',
    pages: 6,
    requestRows: 28,
    resultRows: 22,
    values: {
      '一、本年新收政府信息公开申请数量': [3001, 53, 0, 0, 61, 4, 3119],
      '二、上年结转政府信息公开申请数量': [34, 0, 0, 0, 0, 0, 34],
      '1.本机关不掌握相关政府信息': [746, 12, 0, 0, 10, 1, 769],
      '2.没有现成信息需要另行制作': [11, 0, 0, 0, 0, 0, 11],
      '3、其他': [108, 2, 0, 0, 0, 0, 110],
      '（七）总计': [2932, 53, 0, 0, 61, 4, 3050],
      '四、结转下年度继续办理': [103, 0, 0, 0, 0, 0, 103],
    },
    review: [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
    unableCellPage: 4,
    lastRowPage: 5,
  },
  {
    file: 'huaian-hongze-district-2023.pdf',
    pdftotext: 'hongze-2023-pdftotext.txt',
    pages: 5,
    requestRows: 26,
    resultRows: 20,
    values: {
      '一、本年新收政府信息公开申请数量': [21, 0, 0, 0, 0, 0, 21],
      '2.其他法律行政止公开': [0, 0, 0, 0, 0, 0, 0],
      '1.本机关不掌握相关政府信息': [10, 0, 0, 0, 0, 0, 10],
      '3.补正后申请内容仍不明确': [0, 0, 0, 0, 0, 0, 0],
      '（六）其他处理': [0, 0, 0, 0, 0, 0, 0],
      '（七）总计': [21, 0, 0, 0, 0, 0, 21],
      '四、结转下年度继续办理': [0, 0, 0, 0, 0, 0, 0],
    },
    review: [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0],
    unableCellPage: 3,
    lastRowPage: 4,
  },
  {
    file: 'huaian-hongze-district-2024.pdf',
    pdftotext: 'hongze-2024-pdftotext.txt',
    pages: 5,
    requestRows: 26,
    resultRows: 20,
    values: {
      '一、本年新收政府信息公开申请数量': [95, 0, 0, 0, 0, 0, 95],
      '（一）予以公开': [50, 0, 0, 0, 0, 0, 50],
      '1.本机关不掌握相关政府信息': [31, 0, 0, 0, 0, 0, 31],
      '2.没有现成信息需要另行制作': [1, 0, 0, 0, 0, 0, 1],
      '（六）其他处理': [0, 0, 0, 0, 0, 0, 0],
      '（七）总计': [95, 0, 0, 0, 0, 0, 95],
    },
    review: [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3],
    unableCellPage: 3,
    lastRowPage: 4,
  },
];

for (const rc of REAL) {
  describe(`PDF ${rc.file}`, () => {
    let doc: SourceDocument;
    let imported: ImportedText;
    let findings: Finding[];
    let table3: TableBlock;
    before(async () => {
      doc = await importPdf(pdfFixture(rc.file));
      imported = toReportText(doc);
      findings = check(imported.text).findings;
      table3 = tablesOf(doc)[1];
    });

    it('reads three tables, paragraphs around them, no notes', () => {
      assert.equal(doc.format, 'pdf');
      assert.equal(tablesOf(doc).length, 3, 'tables 二, 三, 四 (each joined over its page break)');
      assert.deepEqual(doc.notes, []);
      const paragraphs = paragraphsOf(doc);
      assert.match(paragraphs[0], /^(淮安市)?(洪泽区)?人民政府20\d\d年政府信息公开工作年度报告$/, 'the title on two lines is one paragraph');
      for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
        assert.ok(paragraphs.includes(heading), heading);
      }
      assert.ok(!paragraphs.some((p) => /^[-－—]?\s*\d+\s*[-－—]?$/.test(p)), 'no page number left');
      const pages = new Set(doc.blocks.map((b) => (b.source.format === 'pdf' ? b.source.page : 0)));
      assert.equal(Math.max(...pages), rc.pages);
    });

    it('joins a paragraph cut by a page break', () => {
      const cut = rc.file.startsWith('huaian-city')
        ? '“建设‘四最’一流营商环境高质量推进产业发展”'
        : '严格执行“分级审核、先审后发”程序';
      assert.ok(paragraphsOf(doc).some((p) => p.includes(cut)), cut);
    });

    it('rebuilds table 三 with its merged labels, over the page break', () => {
      const grid = gridTexts(table3);
      assert.equal(grid.length, rc.requestRows);
      assert.equal(grid[0].length, 10, '3 label columns and 7 number columns');
      const vertical = cellWith(table3, '三、本年度办理结果');
      assert.ok(vertical, 'the vertical label is one cell');
      assert.equal(vertical.rowSpan, rc.resultRows);
      const unable = cellWith(table3, '（四）无法提供');
      assert.ok(unable, '（四）无法提供 is one cell, also where the page break cuts it');
      assert.equal(unable.rowSpan, 3);
      assert.equal(pageOf(unable), rc.unableCellPage);
      const header = cellWith(table3, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
      assert.ok(header && header.rowSpan === 3 && header.colSpan === 3, 'the header block spans 3 × 3');
      assert.equal(cellWith(table3, '申请人情况')?.colSpan, 7);
      assert.equal(cellWith(table3, '法人或其他组织')?.colSpan, 5);
      for (const [label, values] of Object.entries(rc.values)) {
        const row = grid.find((r) => r.includes(label));
        assert.ok(row, label);
        assert.deepEqual(row.slice(-7).map(Number), values, label);
      }
      const last = table3.rows[table3.rows.length - 1];
      assert.equal(last[0].text, '四、结转下年度继续办理');
      assert.equal(pageOf(last[0]), rc.lastRowPage);
      assert.ok(!allCells(table3).some((c) => /^-?\s*\d\s*-?$/.test(c.text) && c.text.includes('-')), 'the page footer is not in the table');
    });

    it('reads table 四 as one data row of 15 numbers under its two-level header', () => {
      const review = tablesOf(doc)[2];
      const grid = gridTexts(review);
      assert.deepEqual(grid[grid.length - 1].map(Number), rc.review);
      assert.equal(cellWith(review, '行政复议')?.colSpan, 5);
      assert.equal(cellWith(review, '未经复议直接起诉')?.colSpan, 5);
      assert.equal(cellWith(review, '复议后起诉')?.colSpan, 5);
      assert.equal(cellWith(review, '结果维持')?.rowSpan, 2, 'the first 结果维持 spans both header rows');
    });

    it('checks exactly like the pdftotext copy: the same findings, no unreadable table', () => {
      assert.deepEqual(ruleIds(findings), ruleIds(check(realText(rc.pdftotext)).findings));
      for (const rule of ['GK201', 'GK202', 'GK206', 'GK210'] as const) assert.ok(!findings.some((f) => f.ruleId === rule), `no ${rule}`);
    });

    it('maps findings and cells back to their pages', () => {
      for (const f of findings) {
        const where = locate(imported.map, f.span.start);
        assert.ok(where && where.format === 'pdf' && where.page >= 1 && where.page <= rc.pages, f.ruleId);
      }
      const gk203 = findings.find((f) => f.ruleId === 'GK203');
      if (gk203) assert.equal((locate(imported.map, gk203.span.start) as { page: number }).page, rc.file.startsWith('huaian-city') ? 4 : 3);
      const heading = doc.blocks.find((b) => b.type === 'paragraph' && b.text === '五、存在的主要问题及改进情况');
      assert.ok(heading && heading.source.format === 'pdf');
      assert.equal(heading.source.page, rc.file.startsWith('huaian-city') ? 5 : 4);
      assert.ok(heading.source.x > 50 && heading.source.x < 150 && heading.source.y > 50 && heading.source.y < 800, 'top-left origin');
    });
  });
}

describe('PDF 洪泽 2023: the GK304 findings', () => {
  it('are the two totals of table 四 written 0, on page 4', async () => {
    const doc = await importPdf(pdfFixture('huaian-hongze-district-2023.pdf'));
    const imported = toReportText(doc);
    const gk304 = check(imported.text).findings.filter((f) => f.ruleId === 'GK304');
    assert.equal(gk304.length, 2);
    assert.deepEqual(
      gk304.map((f) => f.message['zh-cn'].match(/^(行政复议|复议后起诉)总计应为 (\d+)/)?.slice(1, 3).join(' ')),
      ['行政复议 11', '复议后起诉 5'],
    );
    for (const f of gk304) {
      const where = locate(imported.map, f.span.start);
      assert.ok(where?.format === 'pdf');
      assert.equal(where.page, 4);
      assert.equal(imported.text.slice(f.span.start, f.span.end), '0');
    }
  });
});

// ── hand-made PDFs ─────────────────────────────────────────────────────────

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

/** RC4 128-bit (V 2, R 3) standard security handler with an empty user password and an owner password. */
function ownerOnlyEncryption(id: Buffer, permissions: number) {
  const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
  const xorKey = (key: Buffer, i: number) => Buffer.from(key.map((b) => b ^ i));
  const rounds = (key: Buffer, data: Buffer) => {
    let out = rc4(key, data);
    for (let i = 1; i <= 19; i++) out = rc4(xorKey(key, i), out);
    return out;
  };
  let ownerKey = md5(Buffer.concat([Buffer.from('owner'), PAD]).subarray(0, 32));
  for (let i = 0; i < 50; i++) ownerKey = md5(ownerKey);
  const O = rounds(ownerKey, PAD);
  const P = Buffer.alloc(4);
  P.writeInt32LE(permissions);
  let key = md5(PAD, O, P, id);
  for (let i = 0; i < 50; i++) key = md5(key);
  const U = Buffer.concat([rounds(key, md5(PAD, id)), Buffer.alloc(16)]);
  const objectKey = (num: number) => md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]));
  return {
    dict: `<< /Filter /Standard /V 2 /R 3 /Length 128 /P ${permissions} /O <${O.toString('hex')}> /U <${U.toString('hex')}> >>`,
    encrypt: (num: number, data: Buffer) => rc4(objectKey(num), data),
  };
}

/**
 * A minimal PDF writer: Helvetica for ASCII text, a non-embedded CID font (Identity-H with a
 * ToUnicode map) for Chinese, straight strokes, an optional image, optional encryption (a user
 * password that is not known, or an owner password only, as for "copying not allowed" files).
 */
class PdfBuilder {
  private readonly cids = new Map<string, number>();
  private readonly pages: { content: string; image: boolean; rotate: number; form: string }[] = [];
  encrypt: false | 'user-password' | 'owner-only' = false;

  text(x: number, y: number, s: string, size = 10): string {
    if (/^[\x20-\x7e]*$/.test(s)) return `BT /F1 ${size} Tf ${x} ${y} Td (${s.replace(/[()\\]/g, '\\$&')}) Tj ET\n`;
    let hex = '';
    for (const ch of s) {
      let cid = this.cids.get(ch);
      if (cid === undefined) this.cids.set(ch, (cid = this.cids.size + 1));
      hex += cid.toString(16).padStart(4, '0');
    }
    return `BT /F2 ${size} Tf ${x} ${y} Td <${hex}> Tj ET\n`;
  }

  /** A stroked line, or (`filled`) the thin filled rectangle some writers draw a rule as. */
  line(x1: number, y1: number, x2: number, y2: number, filled = false): string {
    if (!filled) return `${x1} ${y1} m ${x2} ${y2} l S\n`;
    return x1 === x2 ? `${x1 - 0.3} ${Math.min(y1, y2)} 0.6 ${Math.abs(y2 - y1)} re f\n` : `${Math.min(x1, x2)} ${y1 - 0.3} ${Math.abs(x2 - x1)} 0.6 re f\n`;
  }

  /**
   * Table cells as boxes on a grid (xs left to right, ys top to bottom, PDF y up), each cell's text on
   * lines from its top-left; merged cells are just bigger boxes. `open` leaves a cell's top side out.
   */
  cells(
    xs: number[],
    ys: number[],
    cells: { r: number; c: number; rs?: number; cs?: number; text?: string | string[]; open?: boolean }[],
    filled = false,
  ): string {
    let out = '0.5 w\n';
    for (const cell of cells) {
      const x0 = xs[cell.c];
      const x1 = xs[cell.c + (cell.cs ?? 1)];
      const top = ys[cell.r];
      const bottom = ys[cell.r + (cell.rs ?? 1)];
      if (!cell.open) out += this.line(x0, top, x1, top, filled);
      out += this.line(x0, bottom, x1, bottom, filled) + this.line(x0, top, x0, bottom, filled) + this.line(x1, top, x1, bottom, filled);
      const lines = cell.text === undefined ? [] : Array.isArray(cell.text) ? cell.text : [cell.text];
      lines.forEach((t, i) => (out += this.text(x0 + 3, top - 12 - i * 12, t, 10)));
    }
    return out;
  }

  /** A page; `form` is drawn as a form XObject (/Fm1) that the content may paint with `/Fm1 Do`. */
  page(content: string, image = false, opts: { rotate?: number; form?: string } = {}): this {
    this.pages.push({ content, image, rotate: opts.rotate ?? 0, form: opts.form ?? '' });
    return this;
  }

  build(): Uint8Array {
    /** Object bodies; a stream's data is kept apart so that it can be encrypted. */
    const objects: { dict: string; data?: string }[] = [];
    const add = (dict: string, data?: string) => objects.push({ dict, data });
    add(''); // 1: catalog
    add(''); // 2: page tree
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'); // 3
    const map = [...this.cids].map(([ch, cid]) => `<${cid.toString(16).padStart(4, '0')}> <${ch.codePointAt(0)!.toString(16).padStart(4, '0')}>`);
    const chunks: string[] = [];
    for (let i = 0; i < map.length; i += 100) chunks.push(`${map.slice(i, i + 100).length} beginbfchar\n${map.slice(i, i + 100).join('\n')}\nendbfchar`);
    const cmap =
      '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
      `/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${chunks.join('\n')}\nendcmap\n` +
      'CMapName currentdict /CMap defineresource pop\nend\nend';
    add('<< >>', cmap); // 4
    add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>'); // 5
    add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 >>'); // 6
    add('<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 4 0 R >>'); // 7
    add('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>', '\x00\xff\xff\x00'); // 8
    const kids: number[] = [];
    for (const p of this.pages) {
      const content = p.content + (p.image ? 'q 400 0 0 500 100 200 cm /Im1 Do Q\n' : '');
      const fonts = '/Font << /F1 3 0 R /F2 7 0 R >>';
      add(`<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 0] /Resources << ${fonts} >> >>`, p.form);
      const form = objects.length;
      add('<< >>', content);
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate ${p.rotate} /Resources << ${fonts} /XObject << /Im1 8 0 R /Fm1 ${form} 0 R >> >> /Contents ${objects.length} 0 R >>`,
      );
      kids.push(objects.length);
    }
    objects[0].dict = '<< /Type /Catalog /Pages 2 0 R >>';
    objects[1].dict = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
    const id = Buffer.alloc(16, 0xab);
    let trailerExtra = '';
    let encrypt: ((num: number, data: Buffer) => Buffer) | undefined;
    if (this.encrypt) {
      const count = objects.length;
      if (this.encrypt === 'user-password') {
        // /U does not match the empty password: the file cannot be opened without its password.
        add(`<< /Filter /Standard /V 2 /R 3 /Length 128 /P -44 /O <${'6f'.repeat(32)}> /U <${'75'.repeat(32)}> >>`);
      } else {
        const security = ownerOnlyEncryption(id, -3904); // printing allowed, copying not
        add(security.dict);
        encrypt = security.encrypt;
      }
      trailerExtra = ` /Encrypt ${count + 1} 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`;
    }
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let size = parts[0].length;
    const offsets: number[] = [];
    const encryptedCount = encrypt ? objects.length - 1 : 0; // the /Encrypt dictionary itself stays plain
    objects.forEach((obj, i) => {
      offsets.push(size);
      const num = i + 1;
      let dict = obj.dict;
      let data: Buffer | undefined = obj.data === undefined ? undefined : Buffer.from(obj.data, 'latin1');
      if (encrypt && num <= encryptedCount) {
        dict = dict.replace(/\(([^()\\]*)\)/g, (_, str: string) => `<${encrypt!(num, Buffer.from(str, 'latin1')).toString('hex')}>`);
        if (data) data = encrypt(num, data);
      }
      if (data) dict = dict.replace(/>>$/, ` /Length ${data.length} >>`);
      const chunk = Buffer.concat([
        Buffer.from(`${num} 0 obj\n${dict}\n`, 'latin1'),
        ...(data ? [Buffer.from('stream\n', 'latin1'), data, Buffer.from('\nendstream\n', 'latin1')] : []),
        Buffer.from('endobj\n', 'latin1'),
      ]);
      parts.push(chunk);
      size += chunk.length;
    });
    let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) tail += `${String(o).padStart(10, '0')} 00000 n \n`;
    tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${size}\n%%EOF\n`;
    parts.push(Buffer.from(tail, 'latin1'));
    return new Uint8Array(Buffer.concat(parts));
  }
}

/** A one-page PDF whose text is in the non-embedded STSong-Light under the given predefined CMap (UCS-2 codes). */
function predefinedCMapPdf(text: string, encoding: string): Uint8Array {
  let hex = '';
  for (const ch of text) hex += ch.codePointAt(0)!.toString(16).padStart(4, '0');
  const content = `BT /F1 16 Tf 72 700 Td <${hex}> Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${encoding} /DescendantFonts [6 0 R] >>`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

async function importError(bytes: Uint8Array, limits?: Parameters<typeof importPdf>[1]): Promise<ImportError> {
  try {
    await importPdf(bytes, limits);
  } catch (error) {
    assert.ok(error instanceof ImportError, `an ImportError, not ${String(error)}`);
    assert.ok(error.reason['zh-cn'].length > 10 && error.reason.en.length > 10);
    assert.ok(!error.reason['zh-cn'].includes('\n') && !error.reason.en.includes('\n'), 'one sentence');
    return error;
  }
  assert.fail('expected an ImportError');
}

describe('PDF import of hand-made files', () => {
  it('a ruled table with merged cells, text around it, the page number dropped', async () => {
    const b = new PdfBuilder();
    const xs = [72, 200, 300, 400];
    const ys = [700, 680, 660, 640, 620];
    const content =
      b.text(72, 780, '一、总体情况', 12) +
      b.text(96, 760, '第一段文字。', 10) +
      b.cells(xs, ys, [
        { r: 0, c: 0, rs: 2, text: '信息内容' }, // two rows high
        { r: 0, c: 1, cs: 2, text: '本年处理决定数量' }, // two columns wide
        { r: 1, c: 1, text: 'A' },
        { r: 1, c: 2, text: 'B' },
        { r: 2, c: 0, text: '行政许可' },
        { r: 2, c: 1, text: '550' },
        { r: 2, c: 2, text: '7' },
        { r: 3, c: 0, text: ['行政事业性', '收费'] }, // wrapped over two lines
        { r: 3, c: 1, cs: 2, text: '96171.6' },
      ]) +
      b.text(96, 600, '表后的段落。', 10) +
      b.text(290, 40, '-1-', 10);
    const doc = await importPdf(b.page(content).build());
    assert.deepEqual(
      doc.blocks.map((x) => x.type),
      ['paragraph', 'paragraph', 'table', 'paragraph'],
    );
    const table = tablesOf(doc)[0];
    assert.deepEqual(
      table.rows.map((r) => r.map((c) => `${c.text}/${c.rowSpan}x${c.colSpan}`)),
      [['信息内容/2x1', '本年处理决定数量/1x2'], ['A/1x1', 'B/1x1'], ['行政许可/1x1', '550/1x1', '7/1x1'], ['行政事业性\n收费/1x1', '96171.6/1x2']],
    );
    const cell = table.rows[2][1];
    assert.deepEqual(cell.source, { format: 'pdf', page: 1, x: 203, y: 185.5 }, 'left and top of the text, y from the page top');
    assert.deepEqual(table.source, { format: 'pdf', page: 1, x: 72, y: 142 });
    const text = toReportText(doc).text;
    assert.ok(text.includes('| 行政事业性收费 | 96171.6 |'), 'wrapped label joined');
    assert.ok(!text.includes('-1-'));
  });

  it('a table going on over a page break: footer left out, the cut merged cell joined, the repeated header dropped', async () => {
    const b = new PdfBuilder();
    const xs = [72, 140, 300, 360];
    const header = [
      { r: 0, c: 0, cs: 2, text: '项目' },
      { r: 0, c: 2, text: '数量' },
    ];
    const page1 =
      b.text(72, 780, '三、收到和处理政府信息公开申请情况', 12) +
      b.cells(xs, [740, 720, 700, 680], [
        ...header,
        { r: 1, c: 0, cs: 2, text: '（三）不予公开' },
        { r: 1, c: 2, text: '5' },
        { r: 2, c: 0, text: '（四）无' }, // the merged cell as far as this page goes
        { r: 2, c: 1, text: '1.本机关不掌握相关政府信息' },
        { r: 2, c: 2, text: '769' },
      ]) +
      b.text(290, 40, '-4-', 10);
    const page2 =
      b.cells(xs, [800, 780, 760, 740, 720], [
        ...header.map((h) => ({ ...h })), // the header repeated on the new page
        { r: 1, c: 0, rs: 2, text: '法提供' },
        { r: 1, c: 1, text: '2.没有现成信息需要另行制作' },
        { r: 1, c: 2, text: '11' },
        { r: 2, c: 1, text: '3.补正后申请内容仍不明确' },
        { r: 2, c: 2, text: '1' },
        { r: 3, c: 0, cs: 2, text: '（五）不予处理' },
        { r: 3, c: 2, text: '62' },
      ]) +
      b.text(72, 690, '四、政府信息公开行政复议、行政诉讼情况', 12) +
      b.text(290, 40, '-5-', 10);
    const doc = await importPdf(b.page(page1).page(page2).build());
    assert.deepEqual(doc.blocks.map((x) => x.type), ['paragraph', 'table', 'paragraph']);
    const table = tablesOf(doc)[0];
    assert.deepEqual(gridTexts(table), [
      ['项目', '', '数量'],
      ['（三）不予公开', '', '5'],
      ['（四）无法提供', '1.本机关不掌握相关政府信息', '769'],
      ['', '2.没有现成信息需要另行制作', '11'],
      ['', '3.补正后申请内容仍不明确', '1'],
      ['（五）不予处理', '', '62'],
    ]);
    const unable = cellWith(table, '（四）无法提供');
    assert.equal(unable?.rowSpan, 3);
    assert.equal(pageOf(unable), 1);
    assert.equal(pageOf(cellWith(table, '（五）不予处理')), 2);
    assert.ok(!toReportText(doc).text.includes('-4-'));
  });

  it('a cell without a rule above it at the top of the next page goes on from the cell above', async () => {
    const b = new PdfBuilder();
    const xs = [72, 140, 300, 360];
    const page1 = b.cells(xs, [740, 720, 700], [
      { r: 0, c: 0, rs: 2, text: ['三、本年', '度办理'] },
      { r: 0, c: 1, text: '（一）予以公开' },
      { r: 0, c: 2, text: '50' },
      { r: 1, c: 1, text: '（二）部分公开' },
      { r: 1, c: 2, text: '9' },
    ]);
    const page2 = b.cells(xs, [800, 780, 760], [
      { r: 0, c: 0, rs: 2, text: '结果', open: true },
      { r: 0, c: 1, text: '（三）不予公开' },
      { r: 0, c: 2, text: '1' },
      { r: 1, c: 1, text: '（七）总计' },
      { r: 1, c: 2, text: '60' },
    ]);
    const doc = await importPdf(b.page(page1).page(page2).build());
    const table = tablesOf(doc)[0];
    assert.equal(tablesOf(doc).length, 1);
    const label = cellWith(table, '三、本年度办理结果');
    assert.equal(label?.rowSpan, 4);
    assert.deepEqual(gridTexts(table).map((r) => r[2]), ['50', '9', '1', '60']);
  });

  it('a row cut by the page break (no rule between its parts) stays one row; new rows without a rule above stay rows', async () => {
    const b = new PdfBuilder();
    const xs = [72, 300, 360, 420];
    const page1 = b.cells(xs, [740, 720, 700], [
      { r: 0, c: 0, text: '4.无正当理由大量反复申请' },
      { r: 0, c: 1, text: '0' },
      { r: 0, c: 2, text: '0' },
      { r: 1, c: 0, text: '5.要求行政机关确认或重新出' },
      { r: 1, c: 1, text: '1' },
      { r: 1, c: 2, text: '1' },
    ]);
    const page2 = b.cells(xs, [800, 780, 760], [
      { r: 0, c: 0, text: '具已获取信息', open: true },
      { r: 0, c: 1, open: true },
      { r: 0, c: 2, open: true },
      { r: 1, c: 0, text: '（六）其他处理' },
      { r: 1, c: 1, text: '2' },
      { r: 1, c: 2, text: '2' },
    ]);
    const doc = await importPdf(b.page(page1).page(page2).build());
    assert.deepEqual(gridTexts(tablesOf(doc)[0]).filter((r) => r.some((t) => t !== '')), [
      ['4.无正当理由大量反复申请', '0', '0'],
      ['5.要求行政机关确认或重新出具已获取信息', '1', '1'],
      ['（六）其他处理', '2', '2'],
    ]);
    assert.ok(toReportText(doc).text.includes('| 5.要求行政机关确认或重新出具已获取信息 | 1 | 1 |\n| （六）其他处理 |'), 'no empty row');

    const b2 = new PdfBuilder();
    const next = b2.cells(xs, [800, 780], [
      { r: 0, c: 0, text: '（六）其他处理', open: true },
      { r: 0, c: 1, text: '2', open: true },
      { r: 0, c: 2, text: '2', open: true },
    ]);
    const doc2 = await importPdf(b2.page(b2.cells(xs, [740, 720], [{ r: 0, c: 0, text: '（五）不予处理' }, { r: 0, c: 1, text: '1' }, { r: 0, c: 2, text: '1' }])).page(next).build());
    assert.deepEqual(gridTexts(tablesOf(doc2)[0]), [
      ['（五）不予处理', '1', '1'],
      ['（六）其他处理', '2', '2'],
    ]);
  });

  it('does not join a table on the next page with other columns, nor a table after text', async () => {
    const b = new PdfBuilder();
    const page1 = b.cells([72, 200, 400], [740, 720, 700], [
      { r: 0, c: 0, text: '规章' },
      { r: 0, c: 1, text: '1' },
      { r: 1, c: 0, text: '行政规范性文件' },
      { r: 1, c: 1, text: '8' },
    ]);
    const page2 = b.cells([72, 100, 150, 300, 500], [800, 780], [
      { r: 0, c: 0, text: '10' },
      { r: 0, c: 1, text: '1' },
      { r: 0, c: 2, text: '0' },
      { r: 0, c: 3, text: '11' },
    ]);
    const doc = await importPdf(b.page(page1).page(page2).build());
    assert.equal(tablesOf(doc).length, 2);
  });

  it('rules drawn as thin filled rectangles, inside a form XObject moved by a matrix', async () => {
    const b = new PdfBuilder();
    const table = b.cells(
      [72, 200, 300],
      [700, 680, 660],
      [
        { r: 0, c: 0, cs: 2, text: '第二十条第（五）项' },
        { r: 1, c: 0, text: '行政许可' },
        { r: 1, c: 1, text: '550' },
      ],
      true,
    );
    const doc = await importPdf(b.page('q 1 0 0 1 0 -100 cm /Fm1 Do Q\n', false, { form: table }).build());
    const [t] = tablesOf(doc);
    assert.ok(t, 'a table');
    assert.deepEqual(gridTexts(t), [['第二十条第（五）项', ''], ['行政许可', '550']]);
    assert.deepEqual(t.source, { format: 'pdf', page: 1, x: 72, y: 242 }, '100 points lower than drawn in the form');
  });

  it('a page turned by /Rotate 90 with its content turned back reads upright', async () => {
    const b = new PdfBuilder();
    const table = b.cells([72, 200, 300], [500, 480, 460], [
      { r: 0, c: 0, text: '规章' },
      { r: 0, c: 1, text: '1' },
      { r: 1, c: 0, text: '行政许可' },
      { r: 1, c: 1, text: '550' },
    ]);
    const doc = await importPdf(b.page(`q 0 1 -1 0 595 0 cm\n${table}Q\n`, false, { rotate: 90 }).build());
    assert.deepEqual(gridTexts(tablesOf(doc)[0]), [['规章', '1'], ['行政许可', '550']]);
  });

  it('rows of a table drawn without rules stay lines of their own, read as table rows', async () => {
    const b = new PdfBuilder();
    const row = (y: number, label: string, values: number[]) =>
      b.text(72, y, label, 9) + values.map((v, i) => b.text(250 + 40 * i, y, String(v), 9)).join('');
    const content =
      b.text(72, 780, '三、收到和处理政府信息公开申请情况', 12) +
      row(750, '一、本年新收政府信息公开申请数量', [21, 0, 0, 0, 0, 0, 21]) +
      row(735, '二、上年结转政府信息公开申请数量', [0, 0, 0, 0, 0, 0, 0]) +
      row(720, '（七）总计', [21, 0, 0, 0, 0, 0, 21]);
    const doc = await importPdf(b.page(content).build());
    assert.deepEqual(paragraphsOf(doc), [
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21',
      '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '（七）总计 21 0 0 0 0 0 21',
    ]);
  });

  it('joins a paragraph cut by the page break, not one that ended', async () => {
    const b = new PdfBuilder();
    const full = '这是一行写满的正文文字，一直写到右边距为止这是一行写满的正文';
    const page1 =
      b.text(96, 780, full.slice(2), 16) +
      b.text(72, 756, full, 16) +
      b.text(72, 732, full, 16) +
      b.text(72, 708, full, 16) +
      b.text(72, 684, full, 16) +
      b.text(72, 660, full, 16) +
      b.text(72, 636, full, 16) + // the page ends mid-paragraph
      b.text(290, 40, '第 1 页', 10);
    const page2 =
      b.text(72, 780, '下一页接着写完。', 16) +
      b.text(96, 756, '新的一段。', 16) +
      b.text(290, 40, '第 2 页', 10);
    const doc = await importPdf(b.page(page1).page(page2).build());
    const paragraphs = paragraphsOf(doc);
    assert.equal(paragraphs.length, 2, paragraphs.join(' / '));
    assert.ok(paragraphs[0].endsWith(`${full}下一页接着写完。`));
    assert.equal(paragraphs[1], '新的一段。');
  });

  it('running headers and footers: dropped, except a header on the first page; a paragraph goes on past them', async () => {
    const b = new PdfBuilder();
    const full = '这是一行写满的正文文字，一直写到右边距为止这是一行写满的正文';
    for (let n = 1; n <= 3; n++) {
      let body = '';
      for (let i = 0; i < 8; i++) body += b.text(i === 0 && n === 1 ? 104 : 72, 700 - 24 * i, i === 0 && n === 1 ? full.slice(2) : full, 16);
      b.page(b.text(200, 800, '淮安市人民政府办公室文件', 10) + body + b.text(250, 30, `第 ${n} 页 共 3 页`, 10));
    }
    const doc = await importPdf(b.build());
    const paragraphs = paragraphsOf(doc);
    assert.deepEqual(paragraphs.slice(0, 1), ['淮安市人民政府办公室文件']);
    assert.equal(paragraphs.length, 2, 'the header once, then one paragraph over three pages');
    assert.equal(paragraphs[1], full.slice(2) + full.repeat(23));
  });

  it('a page with only an image: no text layer, one clear error', async () => {
    const error = await importError(new PdfBuilder().page('', true).page('', true).build());
    assert.match(error.reason['zh-cn'], /OCR/);
    assert.match(error.reason.en, /no text layer/);
  });

  it('notes pages without text when others have some', async () => {
    const b = new PdfBuilder();
    const doc = await importPdf(b.page(b.text(72, 780, 'Some text.')).page('', true).build());
    assert.equal(doc.notes.length, 1);
    assert.match(doc.notes[0].en, /Page 2 has no text layer/);
  });

  it('text in a non-embedded Chinese font under a predefined CMap is read (pdf.js CMaps found beside pdfjs-dist)', async () => {
    const doc = await importPdf(predefinedCMapPdf('政府信息公开工作年度报告', 'UniGB-UCS2-H'));
    assert.deepEqual(paragraphsOf(doc), ['政府信息公开工作年度报告']);
  });

  it('text drawn in an encoding without a character map: one clear error, not "scanned"', async () => {
    const error = await importError(predefinedCMapPdf('政府信息公开工作年度报告', 'UniZZ-Missing-H'));
    assert.match(error.reason.en, /cannot be decoded/);
  });

  it('a password-protected PDF: one clear error', async () => {
    const b = new PdfBuilder();
    b.encrypt = 'user-password';
    const error = await importError(b.page(b.text(72, 780, 'Secret.')).build());
    assert.match(error.reason['zh-cn'], /密码/);
    assert.match(error.reason.en, /password/);
  });

  it('an encrypted PDF that opens without a password (copying not allowed) is read', async () => {
    const b = new PdfBuilder();
    b.encrypt = 'owner-only';
    const content = b.text(72, 780, '一、总体情况', 12) + b.cells([72, 200, 300], [700, 680], [{ r: 0, c: 0, text: '行政许可' }, { r: 0, c: 1, text: '550' }]);
    const doc = await importPdf(b.page(content).build());
    assert.deepEqual(paragraphsOf(doc), ['一、总体情况']);
    assert.deepEqual(gridTexts(tablesOf(doc)[0]), [['行政许可', '550']]);
  });

  it('garbage, an empty file and a broken PDF: one clear error each', async () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
    for (const bytes of [garbage, new Uint8Array(0), new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'))]) {
      const error = await importError(bytes);
      assert.match(error.reason.en, /not a readable PDF|no text layer/);
    }
    const truncated = pdfFixture('huaian-hongze-district-2024.pdf').slice(0, 4000);
    const error = await importError(truncated);
    assert.match(error.reason.en, /not a readable PDF|no text layer/);
  });

  it('damaged copies of a real PDF (bytes changed, cut short, blanked out): a document or one ImportError, never a crash', async () => {
    const base = pdfFixture('huaian-hongze-district-2024.pdf');
    let seed = 20240101;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let read = 0;
    let refused = 0;
    for (let i = 0; i < 18; i++) {
      let bytes = base.slice();
      if (i % 3 === 0) for (let k = 0; k < 50; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      else if (i % 3 === 1) bytes = bytes.slice(0, Math.floor(random() * bytes.length));
      else bytes.fill(0x20, Math.floor(random() * bytes.length), Math.floor(random() * bytes.length) + 2000);
      try {
        const doc = await importPdf(bytes);
        assert.equal(doc.format, 'pdf');
        read++;
      } catch (error) {
        assert.ok(error instanceof ImportError, `copy ${i}: ${String(error)}`);
        refused++;
      }
    }
    assert.equal(read + refused, 18);
  });

  it('a 300-page PDF: the first maxPages pages are read, and a note says so', async () => {
    const b = new PdfBuilder();
    for (let i = 1; i <= 300; i++) b.page(b.text(72, 500, `Page ${i} says something.`));
    const bytes = b.build();
    const doc = await importPdf(bytes);
    assert.equal(doc.blocks.length, 200);
    assert.match(doc.notes[0].en, /first 200 of 300 pages/);
    const few = await importPdf(bytes, { maxPages: 3 });
    assert.deepEqual(paragraphsOf(few), ['Page 1 says something.', 'Page 2 says something.', 'Page 3 says something.']);
    assert.match(few.notes[0]['zh-cn'], /前 3 页（共 300 页）/);
  });

  it('input size and time limits give one clear error', async () => {
    const bytes = new PdfBuilder().page('BT /F1 10 Tf 72 780 Td (x) Tj ET\n').build();
    const tooLarge = await importError(bytes, { maxInputBytes: 100 });
    assert.match(tooLarge.reason.en, /too large/);
    const tooSlow = await importError(pdfFixture('huaian-city-2024.pdf'), { maxMillis: 1 });
    assert.match(tooSlow.reason.en, /limit/);
  });

  it('leaves the caller\'s bytes usable', async () => {
    const bytes = new PdfBuilder().page('BT /F1 10 Tf 72 780 Td (Hello.) Tj ET\n').build();
    const copy = bytes.slice();
    await importPdf(bytes);
    assert.deepEqual(bytes, copy);
  });
});
