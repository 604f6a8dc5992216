// Client modules against a stand-in `vscode` and a scripted server: detection, commands, status bar.
import './useFakeVscode';
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as vscode from 'vscode';
import { checkWorkspace, COMMANDS, insertTable, recomputeTotals, registerCommands, showRuleDoc } from '../../client/src/commands';
import { registerReportDetection, shouldOpenAsReport } from '../../client/src/detect';
import type { ReportStatus, ServerChannel } from '../../server/src/contract/protocol';
import { ReportStatusBar, SHOW_PROBLEMS, statusView } from '../../client/src/statusBar';
import { allRules } from '../../server/src/core/rules';
import * as fake from './fakeVscode';

const root = resolve(__dirname, '..', '..');
const seedsFolder = join(root, 'test', 'fixtures', 'seeds');
const seeds = readdirSync(seedsFolder).filter((n) => n.endsWith('.txt'));

/** A server that answers from a table and records every request. */
function scriptedServer(answers: Record<string, (params: any) => unknown> = {}) {
  const requests: { method: string; params: any }[] = [];
  const handlers = new Map<string, (params: ReportStatus) => void>();
  const channel: ServerChannel = {
    sendRequest: async <R>(method: string, params: unknown) => {
      requests.push({ method, params });
      return answers[method]?.(params) as R;
    },
    onNotification: (method, handler) => {
      handlers.set(method, handler);
      return { dispose: () => handlers.delete(method) };
    },
  };
  return { channel, requests, notify: (method: string, params: ReportStatus) => handlers.get(method)?.(params) };
}

function fakeContext() {
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionUri: fake.Uri.file(root),
  } as unknown as vscode.ExtensionContext & { subscriptions: { dispose(): unknown }[] };
}

function openEditor(text: string, line = 0, character = 0, path = '/tmp/report.gkreport'): fake.FakeEditor {
  const editor = new fake.FakeEditor(new fake.FakeDocument(fake.Uri.file(path), 'gkreport', text), { active: new fake.Position(line, character) });
  fake.window.activeTextEditor = editor;
  return editor;
}

beforeEach(() => fake.reset());

describe('report detection', () => {
  it('every seed opened as .txt becomes a report; Markdown, other schemes and other text do not', () => {
    for (const seed of seeds) {
      const text = readFileSync(join(seedsFolder, seed), 'utf8');
      assert.ok(shouldOpenAsReport({ languageId: 'plaintext', scheme: 'file', text }, true), seed);
      assert.ok(!shouldOpenAsReport({ languageId: 'plaintext', scheme: 'file', text }, false), `${seed} with detection off`);
      assert.ok(!shouldOpenAsReport({ languageId: 'markdown', scheme: 'file', text }, true), `${seed} as Markdown stays Markdown`);
      assert.ok(!shouldOpenAsReport({ languageId: 'plaintext', scheme: 'git', text }, true), `${seed} in a git view`);
    }
    const readme = readFileSync(join(seedsFolder, 'README.md'), 'utf8');
    assert.ok(!shouldOpenAsReport({ languageId: 'plaintext', scheme: 'file', text: '会议纪要\n今天讨论了预算。' }, true));
    assert.ok(!shouldOpenAsReport({ languageId: 'plaintext', scheme: 'file', text: readme }, true), 'the seeds README');
  });

  it('switches opened and already open plain-text reports, respects the setting and a user who switches back', async () => {
    const seedText = readFileSync(join(seedsFolder, seeds[0]), 'utf8');
    const already = new fake.FakeDocument(fake.Uri.file('/w/already.txt'), 'plaintext', seedText);
    fake.workspace.textDocuments = [already, new fake.FakeDocument(fake.Uri.file('/w/notes.txt'), 'plaintext', '购物清单')];
    const context = fakeContext();
    registerReportDetection(context);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(fake.recorded.languageChanges, [{ uri: already.uri.toString(), language: 'gkreport' }]);

    const opened = new fake.FakeDocument(fake.Uri.file('/w/seed.txt'), 'plaintext', seedText);
    fake.events.open.fire(opened);
    await new Promise((r) => setImmediate(r));
    assert.equal(opened.languageId, 'gkreport');

    // The user picks Plain Text again: VS Code reopens the document as plaintext; it stays so.
    const reverted = new fake.FakeDocument(opened.uri, 'plaintext', seedText);
    fake.events.open.fire(reverted);
    await new Promise((r) => setImmediate(r));
    assert.equal(reverted.languageId, 'plaintext');

    fake.scripted.settings['gkreport.detectReports'] = false;
    const off = new fake.FakeDocument(fake.Uri.file('/w/off.txt'), 'plaintext', seedText);
    fake.events.open.fire(off);
    await new Promise((r) => setImmediate(r));
    assert.equal(off.languageId, 'plaintext');

    fake.scripted.settings['gkreport.detectReports'] = true;
    const pasted = new fake.FakeDocument(fake.Uri.parse('untitled:Untitled-1'), 'plaintext', '');
    fake.events.open.fire(pasted);
    pasted.text = seedText;
    fake.events.change.fire({ document: pasted, contentChanges: [{}] });
    await new Promise((r) => setImmediate(r));
    assert.equal(pasted.languageId, 'gkreport', 'a report pasted into a new file');
    context.subscriptions.forEach((s) => s.dispose());
  });
});

describe('status bar', () => {
  const status = (over: Partial<ReportStatus> = {}): ReportStatus => ({
    uri: fake.Uri.file('/tmp/report.gkreport').toString(),
    version: 1,
    isReport: true,
    year: 2023,
    layout: '2021',
    errors: 2,
    warnings: 5,
    infos: 11,
    ...over,
  });

  it('shows year, layout, errors and warnings; hidden for a document that is not a report', () => {
    const view = statusView(status())!;
    assert.match(view.text, /2023/);
    assert.match(view.text, /2021/);
    assert.match(view.text, /\$\(error\) 2/);
    assert.match(view.text, /\$\(warning\) 5/);
    assert.match(view.tooltip, /11/);
    assert.equal(statusView(status({ isReport: false })), undefined);
    assert.equal(statusView(undefined), undefined);
    assert.match(statusView(status({ year: undefined, layout: 'mixed' }))!.text, /mixed/);
  });

  it('follows the gkreport/status notification for the active editor, ignores stale versions, clicks to Problems', () => {
    const server = scriptedServer();
    const bar = new ReportStatusBar(server.channel);
    const recorded: number[] = [];
    bar.onDidUpdate((s) => recorded.push(s.version));
    const item = fake.recorded.statusItems[0];
    assert.equal(item.command, SHOW_PROBLEMS);
    assert.equal(item.visible, false);

    openEditor('');
    server.notify('gkreport/status', status({ version: 3 }));
    assert.equal(item.visible, true);
    assert.match(item.text, /\$\(error\) 2/);

    server.notify('gkreport/status', status({ version: 2, errors: 99 }));
    assert.match(item.text, /\$\(error\) 2/, 'an older check does not overwrite a newer one');

    server.notify('gkreport/status', status({ version: 4, errors: 0 }));
    assert.match(item.text, /\$\(error\) 0/);
    assert.deepEqual(recorded, [3, 4], 'onDidUpdate fires for each recorded check, not for the stale one');

    openEditor('', 0, 0, '/tmp/other.txt');
    fake.events.activeEditor.fire(fake.window.activeTextEditor);
    assert.equal(item.visible, false, 'another document without a status');

    server.notify('gkreport/status', status({ uri: fake.Uri.file('/tmp/other.txt').toString(), isReport: false }));
    assert.equal(item.visible, false, 'not a report');
    bar.dispose();
  });
});

describe('commands', () => {
  const templates = [
    { id: 'table-active', label: '表二', description: '主动公开', text: '规章 |  |  |  |' },
    { id: 'table-requests', label: '表三', description: '申请', text: '一、本年新收 |  |\n二、上年结转 |  |' },
  ];

  it('insert a standard table: quick pick of the server templates; the server inserts the chosen one at the cursor', async () => {
    const server = scriptedServer({ 'gkreport/templates': () => templates, 'workspace/executeCommand': () => ({ applied: true }) });
    const editor = openEditor('二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况', 0, 12);
    fake.scripted.pick = (items) => items[1];
    assert.equal(await insertTable(server.channel), 'table-requests');
    assert.deepEqual(server.requests, [
      { method: 'gkreport/templates', params: {} },
      {
        method: 'workspace/executeCommand',
        params: { command: 'gkreport.server.insertTable', arguments: [editor.document.uri.toString(), { line: 0, character: 12 }, 'table-requests'] },
      },
    ]);
    assert.deepEqual(fake.recorded.quickPicks[0].items.map((i) => i.label), ['表二', '表三']);

    assert.equal(await insertTable(server.channel, 'table-active'), 'table-active', 'an id argument skips the quick pick');
    assert.equal(fake.recorded.quickPicks.length, 1);

    fake.scripted.pick = () => undefined;
    assert.equal(await insertTable(server.channel), undefined, 'cancelled');
  });

  it('recompute all totals: the server command with the active document uri; reports how many changed', async () => {
    const server = scriptedServer({ 'workspace/executeCommand': () => ({ changed: 3 }) });
    const editor = openEditor('x');
    assert.equal(await recomputeTotals(server.channel), 3);
    assert.deepEqual(server.requests, [
      { method: 'workspace/executeCommand', params: { command: 'gkreport.server.recomputeTotals', arguments: [editor.document.uri.toString()] } },
    ]);
    assert.match(fake.recorded.messages[0], /3/);
    fake.window.activeTextEditor = undefined;
    assert.equal(await recomputeTotals(server.channel), undefined, 'no editor: a message, no request');
    assert.equal(server.requests.length, 1);
  });

  it('check the workspace: the server names the reports, the client checks them in batches with progress, summed; opens Problems', async () => {
    const reports = Array.from({ length: 45 }, (_, i) => fake.Uri.file(`/w/r${i}.txt`).toString());
    const server = scriptedServer({
      'gkreport/reportFiles': () => ({ uris: reports }),
      'gkreport/checkFiles': ({ uris }: { uris: string[] }) => ({ files: uris.length, errors: uris.length, warnings: 2 * uris.length, infos: 1 }),
    });
    const summary = await checkWorkspace(server.channel);
    const checks = server.requests.filter((r) => r.method === 'gkreport/checkFiles');
    const sent = checks.flatMap((r) => r.params.uris as string[]);
    assert.deepEqual(sent, reports, 'every report the server found, in order');
    assert.ok(checks.length > 1 && checks.every((r) => (r.params.uris as string[]).length <= 20), 'in batches');
    assert.deepEqual(summary, { files: sent.length, errors: sent.length, warnings: 2 * sent.length, infos: checks.length });
    assert.ok(fake.recorded.progressReports.length >= checks.length);
    assert.deepEqual(fake.recorded.executed.at(-1), { command: SHOW_PROBLEMS, args: [] });
    assert.match(fake.recorded.messages.at(-1)!, new RegExp(`${sent.length}`));
  });

  it('check the workspace with no report: a message, Problems not opened', async () => {
    const server = scriptedServer({ 'gkreport/reportFiles': () => ({ uris: [] }) });
    assert.equal((await checkWorkspace(server.channel)).files, 0);
    assert.ok(!server.requests.some((r) => r.method === 'gkreport/checkFiles'));
    assert.notDeepEqual(fake.recorded.executed.at(-1), { command: SHOW_PROBLEMS, args: [] });
  });

  it('show rule documentation: by id or name, or picked from every rule; opens the shipped page in the Markdown preview', async () => {
    const docs = fake.Uri.file(join(root, 'docs', 'rules'));
    const page = (await showRuleDoc(docs as unknown as vscode.Uri, 'GK301'))!;
    assert.equal(page.fsPath, join(root, 'docs', 'rules', 'GK301.md'));
    assert.deepEqual(fake.recorded.executed.at(-1), { command: 'markdown.showPreview', args: [page] });
    assert.equal((await showRuleDoc(docs as unknown as vscode.Uri, 'row-total'))!.fsPath, page.fsPath);

    fake.scripted.pick = (items) => items.find((i) => i.label === 'GK204');
    assert.equal((await showRuleDoc(docs as unknown as vscode.Uri))!.fsPath, join(root, 'docs', 'rules', 'GK204.md'));
    assert.deepEqual(
      fake.recorded.quickPicks[0].items.map((i) => i.label),
      allRules.map((r) => r.meta.id),
    );
  });

  it('registers exactly the contributed commands, and each returns its result', async () => {
    const context = fakeContext();
    const server = scriptedServer({ 'workspace/executeCommand': () => ({ changed: 0 }) });
    registerCommands(context, server.channel);
    assert.deepEqual(fake.commands.registeredIds().sort(), Object.values(COMMANDS).sort());
    openEditor('x');
    assert.equal(await fake.commands.executeCommand(COMMANDS.recomputeTotals), 0);
    const page = (await fake.commands.executeCommand(COMMANDS.showRuleDoc, 'GK101')) as fake.Uri;
    assert.equal(page.fsPath, join(root, 'docs', 'rules', 'GK101.md'));
    context.subscriptions.forEach((s) => s.dispose());
    assert.deepEqual(fake.commands.registeredIds(), []);
  });
});
