// gkreport/publish on the built language server (dist/server.js) over stdio, as the VS Code preview and
// export commands use it: the preview markup carries the findings of the check the diagnostics came
// from; the exports are the files' bytes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { PUBLISH_REQUEST, type PublishResult } from '../../server/src/contract/protocol';
import { type LspClient, seedText, startServer } from '../../scripts/lsp-client';

const URI = 'file:///tmp/gkreport-publish-wrong-total.gkreport';
const TEXT = seedText('002_5d8db5c6007b71c2.txt').replace('| 17 | 3 | 0 | 0 | 0 | 0 | 20 |', '| 17 | 3 | 0 | 0 | 0 | 0 | 21 |');

let client: LspClient;
before(async () => {
  client = await startServer();
  client.open(URI, TEXT, 'gkreport');
  await client.diagnostics(URI, 1);
});
after(() => client.shutdown());

describe('gkreport/publish', () => {
  test('preview: the markup with the wrong total highlighted as an error, its message on hover, spans to reveal', async () => {
    const result: PublishResult = await client.call(PUBLISH_REQUEST, { uri: URI, to: 'preview' });
    assert.equal(result.version, 1);
    const html = result.html!;
    assert.match(html, /^<article class="gk-doc" lang="zh-CN">/);
    const total = /<td class="gk-value gk-r gk-mark gk-error" data-s="(\d+)" data-e="(\d+)" data-row="new" data-col="total" title="([^"]*)">21<\/td>/.exec(html);
    assert.ok(total, 'the 总计 cell of 一 is marked as an error');
    assert.equal(TEXT.slice(Number(total[1]), Number(total[2])), '21');
    assert.match(total[3], /^GK301 .*20/);
    assert.equal((html.match(/gk-mark gk-error/g) ?? []).length, 2, 'GK301 on the total, GK303 on the balance');
    assert.doesNotMatch(html, /<script|\sstyle="/);
    // The check is cached: rendering the markup is all the request costs (median of five).
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      await client.call(PUBLISH_REQUEST, { uri: URI, to: 'preview' });
      times.push(Date.now() - started);
    }
    const median = [...times].sort((a, b) => a - b)[2];
    assert.ok(median < 100, `the preview markup of a checked version comes in ${times.join(', ')} ms`);
  });

  test('after an edit, the markup is of the new version, from its check', async () => {
    client.change(URI, 2, TEXT.replace('| 17 | 3 | 0 | 0 | 0 | 0 | 21 |', '| 17 | 3 | 0 | 0 | 0 | 0 | 20 |'));
    await client.diagnostics(URI, 2);
    const result: PublishResult = await client.call(PUBLISH_REQUEST, { uri: URI, to: 'preview' });
    assert.equal(result.version, 2);
    assert.doesNotMatch(result.html!, /gk-mark/);
  });

  test('docx and html: the exported files, base64', async () => {
    const docx: PublishResult = await client.call(PUBLISH_REQUEST, { uri: URI, to: 'docx' });
    const files = unzipSync(new Uint8Array(Buffer.from(docx.data!, 'base64')));
    assert.match(strFromU8(files['word/document.xml']), /安宁市人民政府办公室2022年度政府信息公开工作年度报告/);
    const page: PublishResult = await client.call(PUBLISH_REQUEST, { uri: URI, to: 'html' });
    assert.match(Buffer.from(page.data!, 'base64').toString('utf8'), /^<!DOCTYPE html>/);
  });

  test('a wrong target or a closed document is an error answer, and the server goes on', async () => {
    const bad = await client.request(PUBLISH_REQUEST, { uri: URI, to: 'pdf' });
    assert.equal(bad.error?.code, -32602);
    const closed = await client.request(PUBLISH_REQUEST, { uri: 'file:///tmp/not-open.gkreport', to: 'preview' });
    assert.equal(closed.error?.code, -32602);
    const again: PublishResult = await client.call(PUBLISH_REQUEST, { uri: URI, to: 'preview' });
    assert.equal(again.version, 2);
  });
});
