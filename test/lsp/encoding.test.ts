// A GB18030 report opened as UTF-8 in the editor (thousands of U+FFFD): one diagnostic telling how to
// reopen it, nothing else — not six false GK101s.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { root, startServer } from '../../scripts/lsp-client';

describe('a report opened with the wrong encoding', () => {
  test('gets one diagnostic at the top saying how to reopen it with GB18030, as .gkreport and as Markdown', async () => {
    const seed = readFileSync(join(root, 'test', 'fixtures', 'seeds', '000_62a988e64cb0ac5c.txt'), 'utf8');
    const garbled = new TextDecoder('utf-8').decode(iconv.encode(seed, 'gb18030'));
    assert.ok(garbled.includes('\ufffd'));
    const client = await startServer({ initializationOptions: { settings: { debounce: 0 } } });
    try {
      for (const [uri, languageId] of [['file:///r/gbk.gkreport', 'gkreport'], ['file:///r/gbk.md', 'markdown']]) {
        client.open(uri, garbled, languageId);
        const { diagnostics } = (await client.diagnostics(uri, 1)).params;
        assert.equal(diagnostics.length, 1, diagnostics.map((d: any) => d.code).join(' '));
        assert.equal(diagnostics[0].code, 'encoding');
        assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
        assert.match(diagnostics[0].message, /GB18030.*通过编码重新打开/);
      }
      client.open('file:///r/ok.gkreport', seed, 'gkreport');
      const ok = (await client.diagnostics('file:///r/ok.gkreport', 1)).params.diagnostics;
      assert.ok(!ok.some((d: any) => d.code === 'encoding'), 'a report read right is checked as usual');
    } finally {
      await client.shutdown();
    }
  });
});
