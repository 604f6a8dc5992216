// Cross-report rules in the editor: last year's report is a closed file in the workspace, found by
// the server's disk index; file events keep the index current.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { root, startServer, type Message } from '../../scripts/lsp-client';

const pairs = join(root, 'test', 'fixtures', 'pairs');

describe('workspace index', () => {
  test('GK801 compares the open report with last year’s closed file, and goes when that file is deleted', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gkreport-ws-'));
    copyFileSync(join(pairs, 'hongze-2023.txt'), join(folder, '2023.txt'));
    copyFileSync(join(pairs, 'hongze-2024-carry-over.txt'), join(folder, '2024.txt'));
    const lastYear = pathToFileURL(join(folder, '2023.txt')).href;
    const uri = pathToFileURL(join(folder, '2024.txt')).href;
    const client = await startServer({
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'reports' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    const published = (m: Message, withGk801: boolean) =>
      m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.some((d: any) => d.code === 'GK801') === withGk801;
    try {
      const registration = await client.wait(
        (m) => m.method === 'client/registerCapability' && m.params.registrations.some((r: any) => r.method === 'workspace/didChangeWatchedFiles'),
        'registration for file events',
      );
      assert.ok(registration);
      client.open(uri, readFileSync(join(folder, '2024.txt'), 'utf8'));
      const { params } = await client.wait((m) => published(m, true), 'GK801 once the folder is indexed');
      const gk801 = params.diagnostics.filter((d: any) => d.code === 'GK801');
      assert.deepEqual(
        gk801.map((d: any) => [d.range.start.line, d.range.start.character]),
        [
          [95, 46],
          [95, 81],
        ],
      );
      const related = gk801[0].relatedInformation[0];
      assert.equal(related.location.uri, lastYear, 'related information opens last year’s report');
      const lastYearLine = readFileSync(join(folder, '2023.txt'), 'utf8').split('\n')[related.location.range.start.line];
      assert.match(lastYearLine, /结转下年度继续办理/, 'at the carried-forward row');

      // The workspace check of a closed file compares it with last year's report too.
      client.close(uri);
      const closedAt = client.received.length;
      const totals = await client.call('gkreport/checkFiles', { uris: [uri] });
      assert.equal(totals.files, 1);
      await client.wait((m) => published(m, true), 'GK801 from gkreport/checkFiles on the closed file', undefined, closedAt);
      client.open(uri, readFileSync(join(folder, '2024.txt'), 'utf8'), 'plaintext', 2);
      await client.diagnostics(uri, 2);

      rmSync(join(folder, '2023.txt'));
      const count = client.received.length;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lastYear, type: 3 }] });
      await client.wait((m) => published(m, false), 'diagnostics without GK801 after the delete', undefined, count);
    } finally {
      await client.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('both years open: editing last year’s report checks this year’s again', async () => {
    const lastYear = 'file:///pairs/2023.txt';
    const uri = 'file:///pairs/2024.txt';
    const before = readFileSync(join(pairs, 'hongze-2023.txt'), 'utf8');
    const client = await startServer({ initializationOptions: { settings: { debounce: 0 } } });
    const gk801 = (m: Message) => m.params.diagnostics.filter((d: any) => d.code === 'GK801').length;
    try {
      client.open(lastYear, before);
      await client.diagnostics(lastYear, 1);
      client.open(uri, readFileSync(join(pairs, 'hongze-2024-carry-over.txt'), 'utf8'));
      assert.equal(gk801(await client.diagnostics(uri, 1)), 2, 'carried over 3 against 0 (natural persons, total)');
      const from = client.received.length;
      // Last year's report now carries 3 forward, as this year's says it took over.
      const row = '四、结转下年度继续办理                            0    0   0   0    0    0   0';
      assert.ok(before.includes(row));
      client.change(lastYear, 2, before.replace(row, row.replace('0    0   0   0    0    0   0', '3    0   0   0    0    0   3')));
      const again = await client.wait(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri,
        'this year’s report checked again',
        undefined,
        from,
      );
      assert.equal(gk801(again), 0);
    } finally {
      await client.shutdown();
    }
  });

  test('gkreport/reportFiles: the reports of the workspace folders — .gkreport always, .txt/.md that name 政府信息公开, not a README, nothing under node_modules or dot-folders', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gkreport-files-'));
    const seeds = join(root, 'test', 'fixtures', 'seeds');
    mkdirSync(join(folder, 'sub'));
    mkdirSync(join(folder, 'node_modules'));
    mkdirSync(join(folder, '.git'));
    copyFileSync(join(seeds, '000_62a988e64cb0ac5c.txt'), join(folder, 'a.txt'));
    copyFileSync(join(root, 'test', 'fixtures', 'real', 'shuyang-county-2025-ocr.md'), join(folder, 'sub', 'b.md'));
    writeFileSync(join(folder, 'c.gkreport'), 'anything');
    writeFileSync(join(folder, 'README.md'), '# notes\n');
    copyFileSync(join(seeds, '001_592af5ca0dea8887.txt'), join(folder, 'node_modules', 'x.txt'));
    copyFileSync(join(seeds, '001_592af5ca0dea8887.txt'), join(folder, '.git', 'y.txt'));
    const names = (uris: string[]) => uris.map((u) => relative(folder, fileURLToPath(u))).sort();
    let detect = true;
    const client = await startServer({
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'reports' }],
      capabilities: { workspace: { configuration: true } },
      settings: () => ({ detectReports: detect }),
    });
    try {
      assert.deepEqual(names((await client.call('gkreport/reportFiles', {})).uris), ['a.txt', 'c.gkreport', join('sub', 'b.md')]);
      detect = false;
      client.notify('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(names((await client.call('gkreport/reportFiles', {})).uris), ['c.gkreport'], 'detection off: only .gkreport');
    } finally {
      await client.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
