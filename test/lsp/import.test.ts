// gkreport/import over stdio: the server converts a PDF, and the diagnostics of the report text it
// returned name their place in the PDF as related information.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { root, startServer } from '../../scripts/lsp-client';

describe('gkreport/import', () => {
  test('a PDF becomes report text and a target beside it; its findings point back at their page', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gkreport-import-'));
    const pdf = join(folder, '洪泽2023.pdf');
    copyFileSync(join(root, 'test', 'fixtures', 'native', 'pdf', 'huaian-hongze-district-2023.pdf'), pdf);
    const client = await startServer({ initializationOptions: { settings: { debounce: 0 } } });
    try {
      const result = await client.call('gkreport/import', { uri: pathToFileURL(pdf).href });
      assert.equal(result.target, pathToFileURL(join(folder, '洪泽2023.gkreport')).href);
      assert.match(result.text, /淮安市洪泽区人民政府/);
      client.open(result.target, result.text, 'gkreport');
      const diagnostics = (await client.diagnostics(result.target, 1)).params.diagnostics;
      const totals = diagnostics.filter((d: any) => d.code === 'GK304');
      assert.equal(totals.length, 2);
      for (const d of totals) {
        const source = d.relatedInformation.find((r: any) => r.location.uri === pathToFileURL(pdf).href);
        assert.ok(source, 'related information at the PDF');
        assert.match(source.message, /^在原文件第4页 表四 /);
      }
      const bad = await client.request('gkreport/import', { uri: pathToFileURL(writeBad(folder)).href });
      assert.ok(bad.error, 'a file that is no report cannot be imported');
      assert.match(bad.error.message, /另存为|docx/);
    } finally {
      await client.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** An old binary Word file (only its signature). */
function writeBad(folder: string): string {
  const file = join(folder, 'old.doc');
  writeFileSync(file, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]));
  return file;
}
