// The extension manifest against the client code, the contract and the localisation files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allRules } from '../../server/src/core/rules';
import { RULE_VALUES } from '../../server/src/host/config';

const root = resolve(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const manifest = readJson('package.json');
const nlsEn: Record<string, string> = readJson('package.nls.json');
const nlsZh: Record<string, string> = readJson('package.nls.zh-cn.json');
const bundleZh: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');
const contributes = manifest.contributes;
const settings: Record<string, any> = contributes.configuration.properties;

const clientFolder = join(root, 'client', 'src');
const clientSources = readdirSync(clientFolder)
  .filter((n) => n.endsWith('.ts'))
  .map((n) => ({ name: n, text: readFileSync(join(clientFolder, n), 'utf8') }));

/** Every `%key%` string anywhere in the manifest. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, out));
  return out;
}

/** The message of every `l10n.t('…')` call in the client sources (single-quoted literals only). */
function l10nMessages(): string[] {
  const messages: string[] = [];
  for (const { name, text } of clientSources) {
    for (const call of text.matchAll(/l10n\.t\(\s*([^\s])/g)) assert.equal(call[1], "'", `${name}: l10n.t takes a single-quoted literal`);
    for (const m of text.matchAll(/l10n\.t\(\s*'((?:\\.|[^'\\])*)'/g)) messages.push(m[1].replace(/\\(.)/g, '$1'));
  }
  return messages;
}

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('extension manifest', () => {
  it('every %key% resolves in both nls files, and the two files have the same keys', () => {
    const used = nlsKeys(manifest);
    assert.ok(used.size > 20);
    for (const key of used) {
      assert.ok(nlsEn[key], `package.nls.json lacks ${key}`);
      assert.ok(nlsZh[key], `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort());
    assert.deepEqual(Object.keys(nlsEn).filter((k) => !used.has(k)), [], 'unused nls keys');
    assert.match(nlsZh['command.insertTable'], /插入标准表格/);
    assert.match(nlsZh['category'], /政府信息公开年报/);
  });

  it('commands: Chinese titles via nls, a category, activation, menus only for contributed commands', () => {
    const ids = contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual([...ids].sort(), [
      'gkreport.checkWorkspace',
      'gkreport.exportDocx',
      'gkreport.exportHtml',
      'gkreport.importReport',
      'gkreport.insertTable',
      'gkreport.openPreview',
      'gkreport.recomputeTotals',
      'gkreport.showRuleDoc',
    ]);
    // The preview and export commands act on an open report: the palette offers them only there, where
    // onLanguage:gkreport has activated the extension already.
    const onReports = ['gkreport.openPreview', 'gkreport.exportDocx', 'gkreport.exportHtml'];
    for (const c of contributes.commands) {
      assert.match(c.title, /^%command\./);
      assert.equal(c.category, '%category%');
      assert.match(nlsZh[c.title.slice(1, -1)], /[\u4e00-\u9fff]/);
      if (onReports.includes(c.command)) {
        const palette = contributes.menus.commandPalette.find((e: { command: string }) => e.command === c.command);
        assert.equal(palette?.when, 'editorLangId == gkreport', c.command);
      } else assert.ok(manifest.activationEvents.includes(`onCommand:${c.command}`), c.command);
    }
    assert.deepEqual(contributes.keybindings, [{ command: 'gkreport.openPreview', key: 'ctrl+k v', mac: 'cmd+k v', when: 'editorLangId == gkreport && !notebookEditorFocused' }]);
    assert.ok(contributes.menus['editor/title'].some((e: { command: string; group: string }) => e.command === 'gkreport.openPreview' && e.group === 'navigation'));
    for (const [menu, entries] of Object.entries<{ command: string; when?: string }[]>(contributes.menus)) {
      for (const entry of entries) {
        assert.ok(ids.includes(entry.command), `${menu}: ${entry.command}`);
        if (menu === 'editor/context') assert.match(entry.when ?? '', /editorLangId == gkreport/);
        if (menu === 'explorer/context') assert.match(entry.when ?? '', /resourceExtname/);
      }
    }
    for (const language of ['gkreport', 'plaintext', 'markdown']) assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
  });

  it('every command the client registers is contributed, and every contributed one is registered', () => {
    // commands.ts registers the palette commands (COMMANDS), preview.ts the preview and export ones (PREVIEW_COMMANDS).
    const owners: [string, string][] = [['commands.ts', 'COMMANDS'], ['preview.ts', 'PREVIEW_COMMANDS']];
    const declared: string[] = [];
    for (const [file, map] of owners) {
      const source = clientSources.find((s) => s.name === file)!.text;
      const ids = [...source.matchAll(/^\s+\w+: '(gkreport\.[\w.]+)',$/gm)].map((m) => m[1]);
      const registeredKeys = [...source.matchAll(new RegExp(`registerCommand\\(${map}\\.(\\w+)`, 'g'))].map((m) => m[1]);
      assert.equal(registeredKeys.length, ids.length, file);
      declared.push(...ids);
    }
    assert.deepEqual(declared.sort(), contributes.commands.map((c: { command: string }) => c.command).sort());
    const elsewhere = clientSources.filter((s) => !owners.some(([file]) => file === s.name) && /registerCommand\(/.test(s.text));
    assert.deepEqual(elsewhere.map((s) => s.name), [], 'commands are registered in commands.ts and preview.ts only');
  });

  it('report files are opened with the encoding guessed (GB18030/GBK reports are common)', () => {
    for (const language of ['[gkreport]', '[plaintext]']) assert.equal(contributes.configurationDefaults[language]['files.autoGuessEncoding'], true, language);
  });

  it('settings follow the server contract, with descriptions in both languages', () => {
    assert.deepEqual(Object.keys(settings).sort(), [
      'gkreport.debounce',
      'gkreport.detectReports',
      'gkreport.fixAll.includeTotals',
      'gkreport.locale',
      'gkreport.rules',
      'gkreport.run',
      'gkreport.trace.server',
    ]);
    assert.equal(settings['gkreport.rules'].type, 'object');
    assert.deepEqual(settings['gkreport.rules'].default, {});
    assert.deepEqual(settings['gkreport.run'].enum, ['onType', 'onSave']);
    assert.equal(settings['gkreport.run'].default, 'onType');
    assert.equal(settings['gkreport.debounce'].type, 'number');
    assert.ok(settings['gkreport.debounce'].default <= 300 && settings['gkreport.debounce'].minimum === 0);
    assert.equal(settings['gkreport.fixAll.includeTotals'].default, false);
    assert.deepEqual(settings['gkreport.locale'].enum, ['auto', 'zh-cn', 'en']);
    assert.equal(settings['gkreport.locale'].default, 'auto');
    assert.equal(settings['gkreport.detectReports'].default, true);
    assert.deepEqual(settings['gkreport.trace.server'].enum, ['off', 'messages', 'verbose']);
    for (const [id, schema] of Object.entries(settings)) {
      const description = schema.description ?? schema.markdownDescription;
      assert.match(description, /^%.+%$/, `${id} is described through nls`);
      if (schema.enum && schema.type !== 'boolean') assert.equal(schema.enumDescriptions?.length ?? schema.enum.length, schema.enum.length, id);
    }
  });

  it('gkreport.rules lists every rule of the registry with the severity values', () => {
    const schema = settings['gkreport.rules'];
    assert.deepEqual(Object.keys(schema.properties), allRules.map((r) => r.meta.id));
    for (const [id, rule] of Object.entries<any>(schema.properties)) {
      assert.deepEqual(rule.enum, [...RULE_VALUES], id);
      const key = rule.markdownDescription.slice(1, -1);
      assert.match(nlsZh[key], /[\u4e00-\u9fff]/, id);
      assert.match(nlsEn[key], /default: /, id);
    }
    assert.deepEqual(schema.additionalProperties.enum, [...RULE_VALUES], 'rule names too');
  });

  it('every file the manifest names exists: grammar, snippets, language configuration, icon (128×128 PNG), l10n', () => {
    const paths = [
      manifest.main.replace('./dist/client.js', 'client/src/extension.ts'),
      manifest.icon,
      // Our language has a configuration; the jsonc entry only names gkreport.config.json as JSON with comments.
      ...contributes.languages.flatMap((l: { configuration?: string }) => l.configuration ?? []),
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.snippets.map((s: { path: string }) => s.path),
      manifest.l10n,
    ];
    for (const p of paths) assert.ok(existsSync(join(root, p)), p);
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.deepEqual(contributes.grammars[0], { language: 'gkreport', scopeName: 'source.gkreport', path: './syntaxes/gkreport.tmLanguage.json' });
    assert.ok(contributes.languages[0].extensions.includes('.gkreport'));
    // Files without a known extension are recognised by their first line, as every seed's is.
    const firstLine = new RegExp(contributes.languages[0].firstLine);
    const seeds = join(root, 'test', 'fixtures', 'seeds');
    for (const seed of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      assert.match(readFileSync(join(seeds, seed), 'utf8').split('\n')[0], firstLine, seed);
    }
    JSON.parse(readFileSync(join(root, contributes.languages[0].configuration), 'utf8'));
  });

  it('the zh-cn l10n bundle translates every l10n.t message of the client, with the same placeholders, and nothing else', () => {
    const messages = l10nMessages();
    assert.ok(messages.length >= 10);
    for (const message of messages) {
      assert.ok(bundleZh[message], `l10n/bundle.l10n.zh-cn.json lacks “${message}”`);
      assert.deepEqual(placeholders(bundleZh[message]), placeholders(message), message);
    }
    assert.deepEqual(Object.keys(bundleZh).filter((k) => !messages.includes(k)), [], 'unused bundle entries');
  });

  it('user-facing strings of the client go through l10n.t (no Chinese or English literals shown directly)', () => {
    for (const { name, text } of clientSources) {
      for (const m of text.matchAll(/show(?:Information|Warning|Error)Message\(\s*(['`])/g)) assert.fail(`${name}: literal message ${m[0]}`);
      assert.doesNotMatch(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''), /'[^'\n]*[\u4e00-\u9fff][^'\n]*'/, `${name}: a Chinese literal outside l10n`);
    }
  });

  it('the language client passes the settings, the locale and watches the gkreport section', () => {
    const source = clientSources.find((s) => s.name === 'languageClient.ts')!.text;
    assert.match(source, /initializationOptions: \{ settings: currentSettings\(\), locale: vscode\.env\.language \}/);
    assert.match(source, /synchronize: \{ configurationSection: SETTINGS_SECTION \}/);
    assert.match(source, /SETTINGS_SECTION = 'gkreport'/);
    const extension = clientSources.find((s) => s.name === 'extension.ts')!.text;
    assert.match(extension, /export async function activate/);
    assert.match(extension, /export async function deactivate/);
  });
});
