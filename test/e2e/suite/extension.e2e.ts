/// <reference types="mocha" />
// Runs inside a real VS Code extension host against a scratch copy of the seed reports
// (test/fixtures/seeds): the real `vscode` API, the real language client, the built server.
// Waits are on events (diagnostics changed, the server's per-version status), never fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReportExtensionApi } from '../../../client/src/extension';
import type { ReportStatus } from '../../../server/src/contract/protocol';
import type { PreviewRender } from '../../../client/src/preview';

const EXTENSION_ID = 'gkreport.gkreport';
const REPORT_LANGUAGE = 'gkreport';
const SEEDS = {
  kunming: '000_62a988e64cb0ac5c.txt',
  kunmingService2019: '001_592af5ca0dea8887.txt',
  anning: '002_5d8db5c6007b71c2.txt',
  panlong: '003_5e8b3a9a41b72c94.txt',
  qilin: '004_726ada126d26dda0.txt',
} as const;

/** What each seed must show in the editor (../shared/corpus/seeds/README.md): `code line:column severity`, 1-based. */
const GK209 = (line: number, ...columns: number[]) => columns.map((c) => `GK209 ${line}:${c} info`);
const EXPECTED: Record<string, string[]> = {
  [SEEDS.kunming]: [...GK209(72, 8, 13, 18), ...GK209(73, 1, 6, 11, 16, 26, 31, 36, 41)],
  [SEEDS.kunmingService2019]: [...GK209(10, 8, 16), ...GK209(30, 1, 6), 'GK203 46:13 warning', 'GK204 51:34 warning'],
  [SEEDS.anning]: [],
  [SEEDS.panlong]: [...GK209(62, 8, 13, 18), ...GK209(63, 1, 6, 11, 16, 26, 31, 36, 41)],
  [SEEDS.qilin]: ['GK201 31:1 error', 'GK201 33:1 error', 'GK201 35:1 error'],
};

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

let api: ReportExtensionApi;
/** The server's latest status per document URI: which version it has checked, with what counts. */
const statuses = new Map<string, ReportStatus>();

function seedUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (a copy of the seeds) is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves with check()'s first defined value, re-evaluated whenever one of the events fires. */
function until<T>(check: () => T | undefined, what: string | (() => string), ms = 30_000): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${ms} ms waiting for ${typeof what === 'string' ? what : what()}`))), ms);
    const retry = () => {
      const value = check();
      if (value !== undefined) finish(() => resolve(value));
    };
    subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(retry),
      api.onDidReportStatus(retry),
      vscode.workspace.onDidOpenTextDocument(retry),
      vscode.workspace.onDidChangeTextDocument(retry),
    );
  });
}

const documentOf = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

/** Opens a seed in an editor and waits until it has been switched to the report language. */
async function openSeed(name: string): Promise<vscode.TextEditor> {
  const uri = seedUri(name);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  // Detection replaces the plain-text document with a report document (same URI).
  const doc = await until(() => {
    const d = documentOf(uri);
    return d?.languageId === REPORT_LANGUAGE ? d : undefined;
  }, `${name} to become a ${REPORT_LANGUAGE} document`);
  return vscode.window.showTextDocument(doc);
}

function severityCounts(diagnostics: readonly vscode.Diagnostic[]): number[] {
  const counts = [0, 0, 0, 0];
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Waits until the server has checked the document's current version and the editor shows that check. */
function settled(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  return until(() => {
    const status = statuses.get(doc.uri.toString());
    if (!status || status.version !== doc.version) return undefined;
    const diagnostics = vscode.languages.getDiagnostics(doc.uri);
    const [errors, warnings, infos] = severityCounts(diagnostics);
    return errors === status.errors && warnings === status.warnings && infos === status.infos ? diagnostics : undefined;
  }, () => {
    const [errors, warnings, infos] = severityCounts(vscode.languages.getDiagnostics(doc.uri));
    const status = JSON.stringify(statuses.get(doc.uri.toString()));
    return `the check of ${doc.uri.path.split('/').pop()} version ${doc.version} (language ${doc.languageId}, closed ${doc.isClosed}); ` +
      `last status ${status}; the editor shows ${errors} errors, ${warnings} warnings, ${infos} infos`;
  });
}

/** Every hover's Markdown at a position, joined. */
async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const describeDiagnostic = (d: vscode.Diagnostic) =>
  `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity]}`;

/** Replaces the number that ends at the last occurrence of `oldValue` on a line. */
async function replaceOnLine(editor: vscode.TextEditor, line: number, oldValue: string, newValue: string): Promise<vscode.Range> {
  const text = editor.document.lineAt(line).text;
  const at = text.lastIndexOf(` ${oldValue} `) + 1;
  assert.ok(at > 0, `line ${line + 1} holds ${oldValue}: ${text}`);
  const range = new vscode.Range(line, at, line, at + oldValue.length);
  assert.ok(await editor.edit((b) => b.replace(range, newValue)));
  return new vscode.Range(line, at, line, at + newValue.length);
}

/** Resolves with the first event the predicate accepts (already seen ones included), or rejects after `ms`. */
function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, seen: T[] = [], ms = 30_000): Promise<T> {
  const earlier = seen.find(accept);
  if (earlier) return Promise.resolve(earlier);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function defineExtensionTests(): void {
  describe('gkreport in a real VS Code', () => {
    afterEach(async () => {
      // Undo what a test changed, even when it failed half-way (auto-save is off in the test profile).
      for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    before(async () => {
      const extension = vscode.extensions.getExtension<ReportExtensionApi>(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      api = await extension.activate();
      api.onDidReportStatus((status) => statuses.set(status.uri, status));
    });

    it('activates for a seed opened as a .txt file, which becomes a report document', async () => {
      const editor = await openSeed(SEEDS.anning);
      assert.equal(editor.document.languageId, REPORT_LANGUAGE);
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
      await settled(editor.document);
      const status = statuses.get(editor.document.uri.toString());
      assert.equal(status?.isReport, true);
      assert.equal(status?.year, 2022);
      assert.equal(status?.layout, '2021');
    });

    for (const [name, expected] of Object.entries(EXPECTED)) {
      it(`the server's diagnostics for ${name} are exactly the expected ones`, async () => {
        const editor = await openSeed(name);
        const diagnostics = await settled(editor.document);
        assert.deepEqual(diagnostics.map(describeDiagnostic).sort(), [...expected].sort());
        for (const d of diagnostics) {
          assert.equal(d.source, 'gkreport');
          assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith(`/docs/rules/${codeOf(d)}.md`), 'the code links to the rule page');
        }
      });
    }

    it('offers a quick fix for a wrong total; applying it clears the diagnostic and restores the text', async () => {
      const editor = await openSeed(SEEDS.anning);
      const original = editor.document.getText();
      // 一、本年新收 …: 17 + 3 = 20 in the 总计 column; write 21.
      const cell = await replaceOnLine(editor, 28, '20', '21');
      const wrong = (await settled(editor.document)).find((d) => codeOf(d) === 'GK301');
      assert.ok(wrong, 'GK301 row-total fires');
      assert.ok(wrong.range.isEqual(cell), `GK301 sits on the edited cell (${describeDiagnostic(wrong)})`);
      assert.match(wrong.message, /20/);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', editor.document.uri, wrong.range, vscode.CodeActionKind.QuickFix.value,
      );
      // The preferred quick fix that rewrites exactly the faulty cell.
      const fix = actions.find((a) => a.isPreferred && a.edit?.get(editor.document.uri).some((e) => e.range.isEqual(cell)));
      assert.ok(fix?.edit, `a preferred quick fix for the cell is offered (got: ${JSON.stringify(actions)})`);
      assert.equal(fix.edit.size, 1);
      assert.deepEqual(fix.edit.get(editor.document.uri).map((e) => e.newText), ['20']);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));

      const after = await settled(editor.document);
      assert.deepEqual(after.map(describeDiagnostic), [], 'the report is clean again');
      assert.equal(editor.document.getText(), original, 'the fix changed only the total');
    });

    it('the preview shows the wrong total highlighted, follows the cursor, re-renders soon after each check, and the fix clears it', async () => {
      const editor = await openSeed(SEEDS.anning);
      const renders: PreviewRender[] = [];
      const recording = api.previews.onDidRender((r) => renders.push(r));
      try {
        const cell = await replaceOnLine(editor, 28, '20', '21');
        const doc = editor.document;
        await settled(doc);
        const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('gkreport.openPreview');
        assert.ok(panel, 'the preview opens');
        const shown = await nextEvent(api.previews.onDidRender, (r) => r.uri === doc.uri.toString() && r.version === doc.version, `the preview of version ${doc.version}`, renders);
        assert.equal(panel.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
        assert.deepEqual(shown.marks.filter((m) => m.severity === 'error').map((m) => `${m.row}/${m.col}=${m.text}`), ['new/total=21', 'forward/total=1']);

        // The cursor on the faulty cell: the page marks that cell.
        const cursor = nextEvent(api.previews.onDidMoveCursor, (c) => c.start === doc.offsetAt(cell.start), 'the cursor on the cell in the preview');
        editor.selection = new vscode.Selection(cell.start, cell.start);
        const marked = await cursor;
        assert.equal(doc.getText(new vscode.Range(doc.positionAt(marked.start), doc.positionAt(marked.end))), '21');

        // Typing: each version is shown soon after its check. The extension's part (the server's answer and
        // the page's update) stays within 100 ms every time; the whole, from the status to the page, also
        // includes the web workbench relaying messages between the extension host and the browser: its
        // median over the five versions stays within 100 ms (runs here: 32–89 ms each).
        const times: number[] = [];
        const ours: number[] = [];
        const breakdown: string[] = [];
        let written = '21';
        for (const value of ['22', '23', '24', '25', '21']) {
          await replaceOnLine(editor, 28, written, value);
          written = value;
          await settled(doc);
          const r = await nextEvent(api.previews.onDidRender, (x) => x.uri === doc.uri.toString() && x.version === doc.version && x.afterCheckMs !== undefined, `the preview of version ${doc.version}`, renders);
          times.push(r.afterCheckMs!);
          ours.push((r.requestMs ?? 0) + r.pageMs);
          breakdown.push(`${r.afterCheckMs} ms (server ${r.requestMs} ms, page ${r.pageMs} ms)`);
        }
        console.log(`[e2e suite] the preview showed each checked version ${breakdown.join(', ')} after its check`);
        assert.ok(Math.max(...ours) <= 100, `the server answers and the page shows each version within 100 ms: ${breakdown.join(', ')}`);
        assert.ok(median(times) <= 100, `the preview shows a checked version within 100 ms of its check (median): ${breakdown.join(', ')}`);

        // The quick fix in the editor: the preview shows the clean report.
        const wrong = (await settled(doc)).find((d) => codeOf(d) === 'GK301')!;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, wrong.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find((a) => a.isPreferred && a.edit);
        assert.ok(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)));
        await settled(doc);
        const clean = await nextEvent(api.previews.onDidRender, (r) => r.uri === doc.uri.toString() && r.version === doc.version, 'the preview after the fix', renders);
        assert.deepEqual(clean.marks, [], 'no highlight is left');
        panel.dispose();
      } finally {
        recording.dispose();
      }
    });

    it('exports the open report to Word and to a web page through the workspace file system', async () => {
      const editor = await openSeed(SEEDS.anning);
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const docx = await vscode.commands.executeCommand<vscode.Uri>('gkreport.exportDocx', editor.document.uri, vscode.Uri.joinPath(folder, 'anning.docx'));
      const bytes = await vscode.workspace.fs.readFile(docx);
      assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
      const html = await vscode.commands.executeCommand<vscode.Uri>('gkreport.exportHtml', editor.document.uri, vscode.Uri.joinPath(folder, 'anning.html'));
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(html));
      assert.match(page, /<title>安宁市人民政府办公室2022年度政府信息公开工作年度报告<\/title>/);
      assert.match(page, /<th class="gk-group gk-c" rowspan="22" scope="row">/);
      await vscode.workspace.fs.delete(docx);
      await vscode.workspace.fs.delete(html);
    });

    it('"recompute all totals" sets every wrong total to its sum', async () => {
      const editor = await openSeed(SEEDS.anning);
      const original = editor.document.getText();
      await replaceOnLine(editor, 28, '20', '25'); // 一、本年新收 总计
      await replaceOnLine(editor, 30, '6', '9'); // （一）予以公开 总计
      const broken = await settled(editor.document);
      assert.ok(broken.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length >= 2, broken.map(describeDiagnostic).join(', '));

      const changed = await vscode.commands.executeCommand<number>('gkreport.recomputeTotals');
      assert.equal(changed, 2);
      assert.equal(editor.document.getText(), original);
      assert.deepEqual((await settled(editor.document)).map(describeDiagnostic), []);
    });

    it('the 表三 snippet inserts the standard table 三 and part 三 no longer lacks its table', async () => {
      const editor = await openSeed(SEEDS.qilin);
      const heading = 32; // 三、收到和处理政府信息公开申请情况
      assert.match(editor.document.lineAt(heading).text, /^三、收到和处理/);
      const end = editor.document.lineAt(heading).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, '\n')));
      editor.selection = new vscode.Selection(heading + 1, 0, heading + 1, 0);
      await vscode.commands.executeCommand('editor.action.insertSnippet', {
        langId: REPORT_LANGUAGE,
        name: '表三 收到和处理政府信息公开申请情况',
      });
      const text = editor.document.getText();
      assert.match(text, /一、本年新收政府信息公开申请数量 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
      assert.match(text, /（七）总计 \|/);
      const missing = (await settled(editor.document)).filter((d) => codeOf(d) === 'GK201');
      assert.equal(missing.length, 2, missing.map((d) => d.message).join(' | '));
      assert.ok(missing.every((d) => !d.message.includes('表三')), 'only 表二 and 表四 are still missing');
      await vscode.commands.executeCommand('leaveSnippet');
    });

    it('hovering an article reference shows the article text', async () => {
      const editor = await openSeed(SEEDS.anning);
      const line = 10; // 第二十条第(一)项 | …
      assert.match(editor.document.lineAt(line).text, /^第二十条第\(一\)项/);
      const text = await hoverText(editor.document, new vscode.Position(line, 2));
      assert.match(text, /第二十条第（一）项/);
      assert.match(text, /行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息/);
      assert.match(text, /行政法规、规章和规范性文件/);
    });

    it('the outline lists the six parts in order', async () => {
      const editor = await openSeed(SEEDS.anning);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider', editor.document.uri,
      );
      const parts = symbols.map((s) => s.name).filter((name) => /^[一二三四五六]、/.test(name));
      assert.deepEqual(parts, [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
      const tableThree = symbols[3].children.map((c) => c.name);
      assert.deepEqual(tableThree, ['表三 收到和处理政府信息公开申请情况']);
    });

    it('with the UI in zh-cn, diagnostics, command titles and the extension\'s own strings are Chinese', async () => {
      assert.equal(vscode.env.language, 'zh-cn', 'the workbench runs in zh-cn');
      const editor = await openSeed(SEEDS.qilin);
      const messages = (await settled(editor.document)).map((d) => d.message);
      assert.ok(messages.includes('第三部分缺少表三 收到和处理政府信息公开申请情况（国办公开办函〔2021〕30号）'), messages.join(' | '));
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
      // VS Code 1.100 gives localized manifest strings as { value, original }.
      type Title = string | { value: string; original: string };
      const titles = Object.fromEntries(
        manifest.contributes.commands.map((c: { command: string; title: Title }) => [c.command, typeof c.title === 'string' ? c.title : c.title.value]),
      );
      assert.equal(titles['gkreport.recomputeTotals'], '重新计算所有合计');
      assert.equal(titles['gkreport.insertTable'], '插入标准表格');
      // This file is part of the extension, so vscode.l10n reads the extension's zh-cn bundle.
      assert.equal(vscode.l10n.t('All totals already equal their sums.'), '所有合计都已等于各项之和。');
      // The server's hovers follow the same locale.
      const hover = await hoverText(editor.document, new vscode.Position(32, 1));
      assert.match(hover, /（第三部分）/);
      assert.match(hover, /按表三填报收到和处理申请的情况/);
    });

    it('"check all reports in the workspace" checks the five seeds', async () => {
      const summary = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number; infos: number }>(
        'gkreport.checkWorkspace',
      );
      assert.deepEqual(summary, { files: 5, errors: 3, warnings: 2, infos: 26 });
    });

    it('importing a published PDF opens its report text beside it, checked, each finding naming its page in the PDF', async () => {
      const pdf = seedUri('huaian-hongze-district-2023.pdf');
      const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('gkreport.importReport', pdf);
      assert.ok(target, 'the command returns the written file');
      assert.equal(target.path, pdf.path.replace(/\.pdf$/, '.gkreport'));
      const doc = await until(() => {
        const d = documentOf(target);
        return d?.languageId === REPORT_LANGUAGE ? d : undefined;
      }, 'the imported report to open as a report document');
      const diagnostics = await settled(doc);
      assert.deepEqual(diagnostics.map(codeOf).sort(), ['GK203', 'GK208', 'GK304', 'GK304', 'GK603'], diagnostics.map(describeDiagnostic).join(' | '));
      for (const d of diagnostics.filter((x) => codeOf(x) === 'GK304')) {
        const source = d.relatedInformation?.find((r) => r.location.uri.toString() === pdf.toString());
        assert.ok(source, 'related information points at the PDF');
        assert.match(source.message, /^在原文件第4页 表四 /);
      }
    });

    it('a configuration file: VS Code validates it with the schema, and saving it checks the open report again at once', async () => {
      const editor = await openSeed(SEEDS.qilin);
      const gk201 = () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'GK201');
      assert.equal((await settled(editor.document)).filter((d) => codeOf(d) === 'GK201').length, 3);
      const config = seedUri('.gkreport.jsonc');
      const text = '{\n  // 草稿阶段先不查表格缺失\n  "rules": { "GK201": "off", "GK999": "off" }\n}\n';
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
      try {
        // No edit to the report: the file event alone checks it again, and the unknown rule is named on line 1.
        const after = await until(() => {
          const d = vscode.languages.getDiagnostics(editor.document.uri);
          return gk201().length === 0 && d.some((x) => codeOf(x) === 'config') ? d : undefined;
        }, 'the report checked again without GK201, with the configuration problem on line 1');
        assert.match(after.find((d) => codeOf(d) === 'config')!.message, /GK999/);
        const configDoc = (await vscode.window.showTextDocument(config)).document;
        assert.equal(configDoc.languageId, 'jsonc');
        const unknown = text.indexOf('"GK999"');
        const shown = () => vscode.languages.getDiagnostics(config).map((d) => `${configDoc.offsetAt(d.range.start)}: ${d.message}`);
        const flagged = await until(
          () => vscode.languages.getDiagnostics(config).find((d) => configDoc.offsetAt(d.range.start) === unknown),
          () => `the JSON schema to flag the unknown rule GK999 at offset ${unknown}; the file shows [${shown().join(' | ')}]`,
        );
        assert.ok(flagged.message.includes('GK999'), flagged.message);
      } finally {
        await vscode.workspace.fs.delete(config);
      }
      await until(() => (gk201().length === 3 ? true : undefined), 'GK201 back once the configuration file is deleted');
    });
  });
}
