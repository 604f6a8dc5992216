// The editor reads the CLI's configuration file for each document: rule by rule over the gkreport.rules
// setting, its ignores and locale; what is wrong in it, or in the setting, is a diagnostic on line 1.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { seedText, startServer } from '../../scripts/lsp-client';

const QILIN = '004_726ada126d26dda0.txt'; // three GK201 errors
const KUNMING = '000_62a988e64cb0ac5c.txt'; // eleven GK209 infos

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder with a configuration file; URIs of documents in it. */
function folder(config: string | undefined): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'gkreport-lsp-config-'));
  dirs.push(dir);
  if (config !== undefined) writeFileSync(join(dir, '.gkreport.jsonc'), config);
  return (name) => pathToFileURL(join(dir, name)).href;
}

const codes = (diagnostics: any[]) => diagnostics.map((d) => d.code);

describe('configuration file in the editor', () => {
  test('the file wins over gkreport.rules rule by rule; other settings still apply', async () => {
    const uri = folder('{ "rules": { "GK201": "warning" } }');
    const client = await startServer({ initializationOptions: { settings: { rules: { GK201: 'error', 'header-label': 'off' } } } });
    try {
      client.open(uri('qilin.txt'), seedText(QILIN));
      const gk201 = (await client.diagnostics(uri('qilin.txt'), 1)).params.diagnostics.filter((d: any) => d.code === 'GK201');
      assert.equal(gk201.length, 3);
      assert.ok(gk201.every((d: any) => d.severity === 2), 'the file says warning, the setting error: the file wins');
      client.open(uri('kunming.txt'), seedText(KUNMING));
      assert.ok(!codes((await client.diagnostics(uri('kunming.txt'), 1)).params.diagnostics).includes('GK209'), 'the setting applies where the file says nothing');
    } finally {
      await client.shutdown();
    }
  });

  test('ignores: a document the file ignores gets no diagnostics; locale: the file’s language', async () => {
    const uri = folder('{ "ignores": ["drafts/**"], "locale": "en" }');
    const client = await startServer({ initializationOptions: { settings: { locale: 'zh-cn' } } });
    try {
      client.open(uri('drafts/qilin.txt'), seedText(QILIN));
      assert.deepEqual((await client.diagnostics(uri('drafts/qilin.txt'), 1)).params.diagnostics, []);
      client.open(uri('qilin.txt'), seedText(QILIN));
      const [first] = (await client.diagnostics(uri('qilin.txt'), 1)).params.diagnostics;
      assert.match(first.message, /^Part 2 has no/);
    } finally {
      await client.shutdown();
    }
  });

  test('an unknown rule in the file or the setting: a diagnostic on line 1 naming where; the rest applies', async () => {
    const uri = folder('{\n  "rules": { "GK999": "off", "GK201": "off" }\n}');
    const client = await startServer({ initializationOptions: { settings: { rules: { 'no-such-rule': 'off', GK209: 'loud' }, locale: 'en' } } });
    try {
      client.open(uri('qilin.txt'), seedText(QILIN));
      const diagnostics = (await client.diagnostics(uri('qilin.txt'), 1)).params.diagnostics;
      const config = diagnostics.filter((d: any) => d.code === 'config');
      assert.deepEqual(
        config.map((d: any) => d.message),
        [
          'gkreport.rules: unknown rule "no-such-rule" (an id is like GK209, a name like header-label)',
          'gkreport.rules: invalid value "loud" for rule GK209; expected one of: error, warning, info, hint, off, on, true, false',
          `${join(new URL(uri('')).pathname, '.gkreport.jsonc')}:2:14: unknown rule "GK999" (an id is like GK209, a name like header-label)`,
        ],
      );
      assert.ok(config.every((d: any) => d.severity === 1 && d.range.start.line === 0));
      assert.ok(!codes(diagnostics).includes('GK201'), 'GK201 is off as the file says');
    } finally {
      await client.shutdown();
    }
  });

  test('a configuration file that changes checks the open documents again at once', async () => {
    const uri = folder('{ "rules": { "GK209": "off" } }');
    const config = new URL(uri('.gkreport.jsonc'));
    const client = await startServer({ capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    try {
      const registration = await client.wait(
        (m) => m.method === 'client/registerCapability' && m.params.registrations.some((r: any) => r.method === 'workspace/didChangeWatchedFiles'),
        'registration for file events',
      );
      const globs = registration.params.registrations.flatMap((r: any) => r.registerOptions.watchers.map((w: any) => w.globPattern));
      assert.ok(globs.includes('**/{.gkreport.jsonc,gkreport.config.json}'), `configuration files are watched: ${globs.join(' ')}`);
      client.open(uri('kunming.txt'), seedText(KUNMING));
      assert.ok(!codes((await client.diagnostics(uri('kunming.txt'), 1)).params.diagnostics).includes('GK209'), 'GK209 is off');
      writeFileSync(config, '{ "rules": { "GK209": "warning" } }');
      const count = client.received.length;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: config.href, type: 2 }] });
      const { params } = await client.wait(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri('kunming.txt') && codes(m.params.diagnostics).includes('GK209'),
        'GK209 once the file turns it on, with no edit to the document',
        undefined,
        count,
      );
      const gk209 = params.diagnostics.filter((d: any) => d.code === 'GK209');
      assert.equal(gk209.length, 11);
      assert.ok(gk209.every((d: any) => d.severity === 2), 'at the severity the file now says');
    } finally {
      await client.shutdown();
    }
  });

  test('suppression comments work in the editor as on the command line', async () => {
    const uri = folder(undefined);
    const client = await startServer();
    try {
      const text = seedText(QILIN).replace('二、主动公开政府信息情况', '<!-- gkreport-disable-next-line GK201 -->\n二、主动公开政府信息情况');
      client.open(uri('qilin.txt'), text);
      const found = codes((await client.diagnostics(uri('qilin.txt'), 1)).params.diagnostics);
      assert.equal(found.filter((c) => c === 'GK201').length, 2);
    } finally {
      await client.shutdown();
    }
  });
});
