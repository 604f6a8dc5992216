// The one renderer (core `publish`): the report model → paragraphs and tables in the official layout,
// laid out from the layout declarations alone, every element with its source span and its findings.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  check,
  msg,
  parseReport,
  publish,
  renderTable,
  skeletonBlocks,
  tableDef,
  type LayoutDef,
  type PublishedCell,
  type PublishedDocument,
  type PublishedParagraph,
  type PublishedTable,
  type TableDef,
} from '../../server/src/core';
import { registerLayout } from '../../server/src/core/spec/layout';
import { documentHtml } from '../../server/src/export';
import { CORPUS, corpusText } from './corpus';
import { collector } from '../../scripts/measure';

const blocksOf = (doc: PublishedDocument) => [...doc.front, ...doc.sections.flatMap((s) => [s.heading, ...s.blocks])];
const tablesOf = (doc: PublishedDocument) => blocksOf(doc).filter((b): b is PublishedTable => b.type === 'table');
const paragraphsOf = (doc: PublishedDocument) => blocksOf(doc).filter((b): b is PublishedParagraph => b.type === 'paragraph');
const tableOf = (doc: PublishedDocument, kind: PublishedTable['kind']) => tablesOf(doc).find((t) => t.kind === kind)!;
const cells = (t: PublishedTable) => t.rows.flatMap((r) => r.cells);
const cell = (t: PublishedTable, text: string) => cells(t).find((c) => c.text === text);
const valueAt = (t: PublishedTable, row: string, column: string) => cells(t).find((c) => c.role === 'value' && c.row === row && c.column === column);
const brief = (c: PublishedCell | undefined) => c && { col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan };

/** Every grid row is covered exactly once by the cells (rowspans and colspans included). */
function assertGrid(t: PublishedTable): void {
  const width = t.columns.length;
  const covered: number[][] = t.rows.map(() => Array(width).fill(0));
  t.rows.forEach((row, r) => {
    for (const c of row.cells) {
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) covered[r + dr][c.col + dc]++;
    }
  });
  covered.forEach((row, r) => assert.deepEqual(row, Array(width).fill(1), `${t.kind} grid row ${r}: ${JSON.stringify(t.rows[r].cells.map((c) => c.text))}`));
  assert.ok(Math.abs(t.columns.reduce((s, c) => s + c.width, 0) - 100) < 0.5, `${t.kind} widths add up to 100%`);
}

describe('publish: the official layout from the declarations', () => {
  const doc = publish(parseReport(corpusText('seeds/002_5d8db5c6007b71c2.txt')));

  it('title, preamble, then the six parts in order with their headings', () => {
    assert.equal(doc.title, '安宁市人民政府办公室2022年度政府信息公开工作年度报告');
    assert.deepEqual(doc.front.map((b) => b.type === 'paragraph' && b.role), ['title', 'body']);
    assert.deepEqual(doc.sections.map((s) => s.part), [1, 2, 3, 4, 5, 6]);
    assert.equal(doc.sections[0].heading.runs[0].text, '一、总体情况');
    assert.deepEqual(doc.sections[0].heading.runs.map((r) => r.style), ['heading1']);
    // A level-2 heading runs on into its paragraph: the heading in 楷体, the rest in the body face.
    const runOn = doc.sections[0].blocks[1] as PublishedParagraph;
    assert.deepEqual(runOn.runs.map((r) => [r.style, r.text.slice(0, 12)]), [['heading2', '(一)深入推进主动公开。'], ['body', '对照《条例》第二十、二十']]);
    assert.deepEqual(doc.sections.map((s) => s.blocks.filter((b) => b.type === 'table').map((b) => (b as PublishedTable).kind)), [[], ['active'], ['requests'], ['review'], [], []]);
  });

  it('表三: the printed header with its merges; the label block from the groups and the label columns', () => {
    const t = tableOf(doc, 'requests');
    const def = tableDef('2021', 'requests');
    assert.equal(t.headerRows, def.printed.header.length);
    assert.deepEqual(t.rows.slice(0, 3).map((r) => r.cells.map((c) => [c.rowSpan, c.colSpan])), def.printed.header.map((row) => row.map((c) => [c.rowSpan ?? 1, c.colSpan ?? 1])));
    assert.equal(t.columns.length, def.printed.labelColumns + def.printed.valueColumns);
    assert.deepEqual(t.columns.slice(0, 3).map((c) => c.role), ['stack', 'group', 'label']);
    // 三、本年度办理结果: one tall cell over every result row, set top to bottom.
    const results = cell(t, '三、本年度办理结果')!;
    const resultRows = def.rows.filter((r) => r.group !== undefined).length;
    assert.deepEqual({ ...brief(results), vertical: results.vertical, role: results.role }, { col: 0, rowSpan: resultRows, colSpan: 1, vertical: true, role: 'group' });
    // Each group spans its rows in the group column; rows right in 三 span the group and label columns.
    for (const group of def.groups.filter((g) => g.parent)) {
      const c = cells(t).find((x) => x.role === 'group' && x.group === group.id)!;
      assert.deepEqual(brief(c), { col: 1, rowSpan: def.rows.filter((r) => r.group === group.id).length, colSpan: 1 }, group.label);
    }
    assert.deepEqual(brief(cell(t, '(一)予以公开')), { col: 1, rowSpan: 1, colSpan: 2 });
    assert.deepEqual(brief(cell(t, '(七)总计')), { col: 1, rowSpan: 1, colSpan: 2 });
    // Rows outside every group span the three label columns.
    for (const id of ['new', 'carried', 'forward']) assert.deepEqual(brief(cells(t).find((c) => c.role === 'label' && c.row === id)), { col: 0, rowSpan: 1, colSpan: 3 }, id);
    assert.deepEqual(brief(valueAt(t, 'new', 'total')), { col: 9, rowSpan: 1, colSpan: 1 });
    assert.equal(valueAt(t, 'new', 'total')!.align, 'right');
    assertGrid(t);
  });

  it('表四: the 5 + 10 bands over three header rows, and one data row of fifteen numbers', () => {
    const t = tableOf(doc, 'review');
    assert.deepEqual(t.rows.slice(0, 3).map((r) => r.cells.map((c) => `${c.text}:${c.rowSpan}x${c.colSpan}`)), [
      ['行政复议:1x5', '行政诉讼:1x10'],
      ['结果维持:2x1', '结果纠正:2x1', '其他结果:2x1', '尚未审结:2x1', '总计:2x1', '未经复议直接起诉:1x5', '复议后起诉:1x5'],
      [...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']].map((s) => `${s}:1x1`),
    ]);
    const data = t.rows.filter((r) => r.role === 'data');
    assert.equal(data.length, 1);
    assert.deepEqual(data[0].cells.map((c) => c.text), ['1', ...Array(3).fill('0'), '1', ...Array(10).fill('0')]);
    assert.deepEqual(data[0].cells.map((c) => c.column), tableDef('2021', 'review').columns.map((c) => c.id));
    assertGrid(t);
  });

  it('表二: each block as its band across the table, its 信息内容 header row, its rows; fewer values span the rest', () => {
    const t = tableOf(doc, 'active');
    assert.deepEqual(
      t.rows.map((r) => `${r.role}:${r.cells.map((c) => `${c.text}/${c.colSpan}`).join('|')}`),
      [
        'band:第二十条第(一)项/4',
        'blockHeader:信息内容/1|本年制发件数/1|本年废止件数/1|现行有效件数/1',
        'data:规章/1|0/1|0/1|0/1',
        'data:行政规范性文件/1|0/1|0/1|4/1',
        'band:第二十条第(五)项/4',
        'blockHeader:信息内容/1|本年处理决定数量/3',
        'data:行政许可/1|0/3',
        'band:第二十条第(六)项/4',
        'blockHeader:信息内容/1|本年处理决定数量/3',
        'data:行政处罚/1|0/3',
        'data:行政强制/1|0/3',
        'band:第二十条第(八)项/4',
        'blockHeader:信息内容/1|本年收费金额(单位:万元)/3',
        'data:行政事业性收费/1|0/3',
      ],
    );
    assert.equal(t.headerRows, 0);
    assertGrid(t);
  });

  it('2019–2020 reports in the 2019 layout: (六)其他处理 one row spanning two label columns, 表二 with (九)', () => {
    const old = publish(parseReport(corpusText('seeds/001_592af5ca0dea8887.txt')));
    const t = tableOf(old, 'requests');
    assert.equal(t.layout, '2019');
    assert.deepEqual(brief(cells(t).find((c) => c.role === 'label' && c.row === 'otherHandling')), { col: 1, rowSpan: 1, colSpan: 2 });
    assert.equal(cell(t, '三、本年度办理结果')!.rowSpan, tableDef('2019', 'requests').rows.filter((r) => r.group).length);
    assert.ok(!cells(t).some((c) => c.group === 'otherHandling'), 'no (六) group in 2019');
    const active = tableOf(old, 'active');
    assert.deepEqual(active.rows.filter((r) => r.role === 'band').map((r) => r.cells[0].text), ['第二十条第(一)项', '第二十条第(五)项', '第二十条第(六)项', '第二十条第(八)项', '第二十条第(九)项']);
    for (const table of tablesOf(old)) assertGrid(table);
  });

  it('every table of the corpus covers its grid exactly; nothing written is lost (every number and paragraph is there)', () => {
    for (const { name, text } of CORPUS) {
      const model = parseReport(text);
      const published = publish(model);
      for (const t of tablesOf(published)) assertGrid(t);
      const shown = [
        ...paragraphsOf(published).map((p) => p.runs.map((r) => r.text).join('')),
        ...tablesOf(published).flatMap((t) => cells(t).map((c) => c.text)),
      ].join('\n');
      for (const t of model.tables) {
        for (const row of [...t.rows, ...t.unplaced]) for (const v of row.values) if (v.kind === 'number') assert.ok(shown.includes(v.raw), `${name}: ${v.raw}`);
      }
      for (const n of model.proseNumbers) assert.ok(shown.includes(text.slice(n.span.start, n.span.end)), `${name}: prose number ${text.slice(n.span.start, n.span.end)}`);
    }
  });
});

describe('publish: source spans and findings', () => {
  const text = corpusText('seeds/002_5d8db5c6007b71c2.txt').replace('| 17 | 3 | 0 | 0 | 0 | 0 | 20 |', '| 17 | 3 | 0 | 0 | 0 | 0 | 21 |');
  const result = check(text);
  const doc = publish(result.model, result.findings);

  it('every written cell and paragraph keeps the span of its text', () => {
    for (const t of tablesOf(doc)) {
      for (const c of cells(t)) {
        if (!c.span || c.role === 'label') continue;
        assert.equal(text.slice(c.span.start, c.span.end), c.text, `${t.kind} ${c.role} ${c.text}`);
      }
    }
    for (const p of paragraphsOf(doc)) assert.equal(text.slice(p.span.start, p.span.end), p.runs.map((r) => r.text).join(''));
  });

  it('the wrong total carries the error and the GK301 message; the cells it adds up carry nothing', () => {
    const t = tableOf(doc, 'requests');
    const total = valueAt(t, 'new', 'total')!;
    assert.equal(total.text, '21');
    assert.equal(total.marks?.severity, 'error');
    assert.deepEqual(total.marks?.messages.map((m) => m.ruleId), ['GK301']);
    assert.match(total.marks!.messages[0].message['zh-cn'], /20/);
    assert.equal(valueAt(t, 'new', 'natural')!.marks, undefined);
    // Each finding lands on something published.
    const marked = [...cells(t), ...paragraphsOf(doc)].flatMap((e) => e.marks?.messages ?? []);
    assert.equal(marked.length, result.findings.length);
    assert.equal(doc.marks, undefined);
  });

  it('a finding on a paragraph marks the paragraph; a missing part sits on nothing and goes to the document', () => {
    const noFee = corpusText('seeds/002_5d8db5c6007b71c2.txt').replace('(一)信息处理费用情况。本年度安宁市人民政府办公室未收取信息处理费。\n', '');
    const r = check(noFee);
    const fee = r.findings.find((f) => f.ruleId === 'GK601');
    assert.ok(fee, 'GK601 fires without the fee sentence');
    const published = publish(r.model, r.findings);
    const on = [...paragraphsOf(published), ...tablesOf(published).flatMap(cells)].filter((e) => e.marks?.messages.some((m) => m.ruleId === 'GK601'));
    assert.equal(on.length, 1);
    const cut = corpusText('seeds/002_5d8db5c6007b71c2.txt');
    const withoutSix = cut.slice(0, cut.indexOf('六、其他需要报告的事项'));
    const r6 = check(withoutSix);
    const p6 = publish(r6.model, r6.findings);
    assert.ok(p6.marks?.messages.some((m) => m.ruleId === 'GK101'), JSON.stringify(p6.marks));
  });
});

describe('publish: a layout declared as data is rendered with no code change', () => {
  /** Table 三 with a 小计 column printed under 法人或其他组织, one more row under 一, and a deeper group. */
  function fictional(): LayoutDef {
    const base = tableDef('2021', 'requests');
    const columns = base.columns.map((c) => (c.id === 'legalSubtotal' ? { ...c, optional: false } : c));
    const organisations = columns.filter((c) => c.group === 'organisations');
    const requests: TableDef = {
      ...base,
      layout: 'P2031',
      columns,
      rows: [base.rows[0], { id: 'online', label: '其中：通过互联网提交的申请', en: 'Of which: online' }, ...base.rows.slice(1)],
      printed: {
        ...base.printed,
        valueColumns: columns.length,
        header: [
          [base.printed.header[0][0], { ...base.printed.header[0][1], colSpan: columns.length }],
          [base.printed.header[1][0], { ...base.printed.header[1][1], colSpan: organisations.length }, base.printed.header[1][2]],
          organisations.map((c) => ({ text: c.label, en: c.en, column: c.id })),
        ],
      },
      knownHeaders: [base.knownHeaders[0]],
      telltales: { rows: ['online'], shows: msg('（有“通过互联网提交”一行）', ' (with an online row)') },
      carryOver: undefined,
    };
    return {
      id: 'P2031',
      docNumber: '国办公开办函〔2030〕98号',
      name: msg('测试用版式', 'Test layout'),
      years: { from: 2031 },
      about: msg('测试用的虚构版式。', 'A fictional layout.'),
      tables: [{ ...tableDef('2021', 'active'), layout: 'P2031' }, requests, { ...tableDef('2021', 'review'), layout: 'P2031' }],
    };
  }
  let unregister: () => void;
  before(() => {
    unregister = registerLayout(fictional());
  });
  after(() => unregister());

  it('its printed header (小计 under 法人或其他组织), its extra row outside the groups', () => {
    const blocks = skeletonBlocks('P2031', {
      text: (t) => t,
      year: () => '2031',
      agency: () => '某某县人民政府',
      slot: (hint) => `${hint}本机关认真落实条例要求。`,
      table: (def) => renderTable(def, 'markdown', () => '0'),
    });
    const text = blocks.map((b) => b.join('\n')).join('\n\n');
    const model = parseReport(text);
    const t = tableOf(publish(model), 'requests');
    assert.equal(t.layout, 'P2031');
    const subtotal = cells(t).find((c) => c.role === 'header' && c.column === 'legalSubtotal')!;
    assert.deepEqual(brief(subtotal), { col: 9, rowSpan: 1, colSpan: 1 });
    assert.equal(cell(t, '法人或其他组织')!.colSpan, 6);
    assert.equal(cell(t, '申请人情况')!.colSpan, 8);
    assert.deepEqual(brief(cells(t).find((c) => c.role === 'label' && c.row === 'online')), { col: 0, rowSpan: 1, colSpan: 3 });
    assertGrid(t);
  });
});

describe('publish: robustness', () => {
  const PIECES = ['|', '｜', '\t', '\n', '\r\n', ' ', '  ', '\u3000', '0', '７', '12', '-3', '一、', '（三）', '(六)', '总计', '三、本年度办理结果', '予公开', '1.属于国家秘密',
    '第二十条第（一）项', '信息内容', '申请人情况', '—', '#', '。', '---', '\ud800'];
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.constantFrom(...PIECES) });
  const mutated = fc.tuple(fc.constantFrom(...CORPUS.map((c) => c.text)), fc.array(edit, { minLength: 1, maxLength: 12 })).map(([text, edits]) => {
    let t = text;
    for (const e of edits) {
      const at = Math.floor(e.at * t.length);
      t = t.slice(0, at) + e.insert + t.slice(at + e.remove);
    }
    return t;
  });

  it('never throws on edited reports or report-like noise; every table covers its grid; spans stay in the text', () => {
    const text = fc.oneof(mutated, fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        const r = check(t);
        const doc = publish(r.model, r.findings);
        for (const table of tablesOf(doc)) {
          assertGrid(table);
          for (const c of cells(table)) if (c.span) assert.ok(c.span.start >= 0 && c.span.start <= c.span.end && c.span.end <= t.length);
        }
        for (const p of paragraphsOf(doc)) assert.ok(p.span.start >= 0 && p.span.end <= t.length);
        const marked = [...paragraphsOf(doc), ...tablesOf(doc), ...tablesOf(doc).flatMap(cells), doc].flatMap((e) => e.marks?.messages ?? []);
        assert.ok(marked.length >= r.findings.length, 'every finding sits somewhere');
        documentHtml(doc, { marks: true, sources: true });
      }),
      { seed: 20261201, numRuns: 150, endOnFailure: true },
    );
  });

  it('time grows with the input, not faster: a report repeated 20 and 160 times, a long line among the rows', () => {
    const seed = corpusText('seeds/002_5d8db5c6007b71c2.txt');
    const gc = collector();
    // The quickest of five runs, each after a full collection: what the work costs, not what else the
    // machine (or the collector, cleaning up after earlier tests) was doing.
    const time = (text: string) => {
      const model = parseReport(text);
      publish(model);
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        gc();
        const started = performance.now();
        publish(model);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const twenty = time(Array(20).fill(seed).join('\n'));
    const many = time(Array(160).fill(seed).join('\n'));
    // 8× the input: linear work takes about 8× the time, quadratic work 64×.
    assert.ok(many < 8 * twenty * 3, `160 copies: ${many.toFixed(0)} ms, 20 copies: ${twenty.toFixed(0)} ms`);
    const long = seed.replace('(四)无法提供 |', `${'政府信息公开申请'.repeat(5000)}\n(四)无法提供 |`);
    const one = time(seed);
    const withLong = time(long);
    assert.ok(withLong < 20 * Math.max(one, 1), `a 40 000-character line inside table 三: ${withLong.toFixed(1)} ms, the report alone ${one.toFixed(1)} ms`);
  });
});
