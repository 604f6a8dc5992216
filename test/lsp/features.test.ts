// The built language server over stdio: hovers, symbols, folding, formatting, completion, code
// actions beyond quick fixes, commands and custom requests.
import assert from 'node:assert/strict';
import { check } from '../../server/src/core';
import { after, before, describe, test } from 'node:test';
import { type LspClient, applyLspEdits, positionOf, seedText, seedUri, startServer } from '../../scripts/lsp-client';

const KUNMING = '000_62a988e64cb0ac5c.txt';
const QILIN = '004_726ada126d26dda0.txt';

let client: LspClient;
const applied: any[] = [];
before(async () => {
  client = await startServer({ capabilities: { workspace: { applyEdit: true } } });
  client.onRequest('workspace/applyEdit', (params) => {
    applied.push(params.edit);
    return { applied: true };
  });
});
after(() => client.shutdown());

async function openSeed(name: string, uri = seedUri(name), text = seedText(name)): Promise<string> {
  client.open(uri, text);
  await client.diagnostics(uri, 1);
  return uri;
}

describe('hovers', () => {
  test('on 第二十条第(一)项: the item text of the 条例, its lead-in and a plain explanation', async () => {
    const uri = await openSeed(KUNMING);
    const text = seedText(KUNMING);
    const hover = await client.call('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '第二十条第(一)项', 3) });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /（一）行政法规、规章和规范性文件；/);
    assert.match(hover.contents.value, /第二十条第（一）项/);
    assert.match(hover.contents.value, /释义/);
    assert.deepEqual(hover.range.start, positionOf(text, '第二十条第(一)项'));
  });

  test('on a total cell: its row and column, the formula with the values, and that it holds', async () => {
    const uri = seedUri(KUNMING);
    const text = seedText(KUNMING);
    const hover = await client.call('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '| 2670 |', 2) });
    assert.match(hover.contents.value, /一、本年新收政府信息公开申请数量 \/ 总计/);
    assert.match(hover.contents.value, /= 2446 \+ 123 \+ 9 \+ 2 \+ 82 \+ 8/);
    assert.match(hover.contents.value, /✓/);
  });

  test('on a table 三 row label: what it counts and its article; on a part heading: what the part holds', async () => {
    const uri = seedUri(KUNMING);
    const text = seedText(KUNMING);
    const row = await client.call('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '1.属于国家秘密', 2) });
    assert.match(row.contents.value, /国家秘密/);
    assert.match(row.contents.value, /第十四条/);
    const part = await client.call('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '五、政府信息公开工作', 3) });
    assert.match(part.contents.value, /第五十条第（四）项/);
    const doc = await client.call('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '国办公开办函', 2) });
    assert.match(doc.contents.value, /2021年版/);
    const none = await client.call('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 40 } });
    assert.equal(none, null);
  });
});

describe('outline, folding, formatting, completion', () => {
  test('document symbols list the six parts, with tables under parts 二 三 四', async () => {
    const symbols = await client.call('textDocument/documentSymbol', { textDocument: { uri: seedUri(KUNMING) } });
    const parts = symbols.filter((s: any) => /^[一二三四五六]、/.test(s.name));
    assert.deepEqual(parts.map((s: any) => s.name[0]), ['一', '二', '三', '四', '五', '六']);
    assert.deepEqual(parts.slice(1, 4).map((s: any) => s.children.map((c: any) => c.name)), [['表二 主动公开政府信息情况'], ['表三 收到和处理政府信息公开申请情况'], ['表四 政府信息公开行政复议、行政诉讼情况']]);
    assert.ok(parts[0].children.length >= 5, 'sub-headings (一)…(五) of part 一');
  });

  test('folding ranges cover the parts and the tables', async () => {
    const ranges = await client.call('textDocument/foldingRange', { textDocument: { uri: seedUri(KUNMING) } });
    const text = seedText(KUNMING);
    assert.ok(ranges.some((r: any) => r.startLine === positionOf(text, '三、收到和处理').line));
    assert.ok(ranges.filter((r: any) => r.kind === 'region').length === 3, 'the three tables');
  });

  test('formatting aligns the pipe tables, keeps every cell, and is idempotent', async () => {
    const uri = 'file:///tmp/gkreport-format.gkreport';
    const text = seedText(KUNMING);
    client.open(uri, text, 'gkreport');
    const before = await client.diagnostics(uri, 1);
    const edits = await client.call('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.ok(edits.length > 0);
    const formatted = applyLspEdits(text, edits);
    const cells = (t: string) => t.split('\n').map((l) => l.split('|').map((c) => c.trim()).join('|'));
    assert.deepEqual(cells(formatted), cells(text), 'only spaces around cells changed');
    client.change(uri, 2, formatted);
    const after = await client.diagnostics(uri, 2);
    assert.deepEqual(after.params.diagnostics.map((d: any) => d.code), before.params.diagnostics.map((d: any) => d.code));
    const again = await client.call('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(again, []);
    client.close(uri);
  });

  test('completion offers the canonical row labels inside a table and the part headings at line start', async () => {
    const uri = seedUri(KUNMING);
    const text = seedText(KUNMING);
    const inTable = await client.call('textDocument/completion', { textDocument: { uri }, position: positionOf(text, '规章 |') });
    assert.ok(inTable.some((i: any) => i.label === '行政规范性文件'));
    const atLine = await client.call('textDocument/completion', { textDocument: { uri }, position: { line: positionOf(text, '六、其他需要').line + 1, character: 0 } });
    assert.ok(atLine.some((i: any) => i.label === '六、其他需要报告的事项'));
  });
});

describe('code actions, commands and requests', () => {
  test('GK201 offers inserting the blank table; recompute-all and fix-all source actions', async () => {
    const uri = await openSeed(QILIN);
    const { params } = await client.diagnostics(uri, 1);
    const missing = params.diagnostics.find((d: any) => d.code === 'GK201');
    const actions = await client.call('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
    assert.ok(actions.some((a: any) => a.kind === 'quickfix' && /插入空白表二/.test(a.title)));
    const broken = seedText(KUNMING).replace('| 2446 | 123 | 9 | 2 | 82 | 8 | 2670 |', '| 2446 | 123 | 9 | 2 | 82 | 18 | 2670 |');
    const other = 'file:///tmp/gkreport-totals.gkreport';
    client.open(other, broken, 'gkreport');
    await client.diagnostics(other, 1);
    const source = await client.call('textDocument/codeAction', {
      textDocument: { uri: other },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    const recompute = source.find((a: any) => a.kind === 'source.recomputeTotals.gkreport');
    assert.ok(recompute, 'recompute all totals');
    const fixAll = source.find((a: any) => a.kind === 'source.fixAll.gkreport');
    assert.ok(fixAll, 'fix all (the GK209 header names are safe fixes)');
    assert.match(applyLspEdits(broken, fixAll.edit.changes[other]), /\| 18 \| 2670 \|/, 'totals are left alone unless gkreport.fixAll.includeTotals');
    const recomputed = applyLspEdits(broken, recompute.edit.changes[other]);
    assert.match(recomputed, /\| 2446 \| 123 \| 9 \| 2 \| 82 \| 18 \| 2680 \|/);
    client.close(other);
  });

  test('gkreport.server.recomputeTotals applies an edit and reports the changed cells', async () => {
    const uri = 'file:///tmp/gkreport-recompute.gkreport';
    const broken = seedText(KUNMING).replace('| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | 1039 |');
    client.open(uri, broken, 'gkreport');
    await client.diagnostics(uri, 1);
    applied.length = 0;
    const result = await client.call('workspace/executeCommand', { command: 'gkreport.server.recomputeTotals', arguments: [uri] });
    assert.ok(result.changed >= 1);
    const change = applied[0].documentChanges[0];
    assert.equal(change.textDocument.uri, uri);
    assert.equal(applyLspEdits(broken, change.edits), seedText(KUNMING));
    client.close(uri);
  });

  test('gkreport.server.insertTable inserts the blank standard table 三', async () => {
    applied.length = 0;
    const uri = seedUri(QILIN);
    const text = seedText(QILIN);
    const at = positionOf(text, '三、收到和处理');
    await client.call('workspace/executeCommand', { command: 'gkreport.server.insertTable', arguments: [uri, at, '三'] });
    const edits = applied[0].documentChanges[0].edits;
    const inserted = applyLspEdits(text, edits);
    assert.match(inserted, /一、本年新收政府信息公开申请数量/);
    assert.match(inserted, /四、结转下年度继续办理/);
    const bad = await client.request('workspace/executeCommand', { command: 'gkreport.server.insertTable', arguments: [uri, at, '五'] });
    assert.ok(bad.error, 'an unknown table is refused');
  });

  test('gkreport.server.insertTable inserts a template by its id: the skeleton on an empty line checks with all six parts and three tables', async () => {
    applied.length = 0;
    const uri = 'file:///tmp/empty-report.gkreport';
    client.open(uri, '\n', 'gkreport');
    await client.call('workspace/executeCommand', { command: 'gkreport.server.insertTable', arguments: [uri, { line: 0, character: 0 }, 'skeleton'] });
    const inserted = applyLspEdits('\n', applied[0].documentChanges[0].edits);
    const { model } = check(inserted);
    assert.deepEqual(model.parts.map((p) => p.index), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(model.tables.map((t) => t.kind), ['active', 'requests', 'review']);
    client.close(uri);
  });

  test('gkreport/templates returns the three 2021 tables and the skeleton', async () => {
    const templates = await client.call('gkreport/templates', {});
    assert.deepEqual(templates.map((t: any) => t.id), ['table-二', 'table-三', 'table-四', 'skeleton']);
    for (const t of templates) assert.ok(t.label && t.description && t.text.length > 20);
    assert.match(templates[3].text, /六、其他需要报告的事项/);
  });

  test('gkreport/checkFiles checks files from disk and publishes their diagnostics', async () => {
    const uris = ['001_592af5ca0dea8887.txt', '002_5d8db5c6007b71c2.txt'].map(seedUri);
    const result = await client.call('gkreport/checkFiles', { uris });
    assert.equal(result.files, 2);
    assert.equal(result.warnings, 2, 'seed 001: GK203 and GK204');
    assert.equal(result.errors, 0);
    const published = await client.diagnostics(uris[0]);
    assert.ok(published.params.diagnostics.some((d: any) => d.code === 'GK204'));
  });
});
