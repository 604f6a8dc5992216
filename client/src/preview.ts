// The report as it will be published, beside its editor (like the Markdown preview), and its export to
// Word and to a web page. The language server renders (gkreport/publish): the preview shows the check
// the diagnostics came from, so a faulty cell in the preview is the one with the squiggle. The preview
// re-renders when the server reports the check of a new version (gkreport/status), highlights faults by
// severity with their messages on hover, reveals a clicked cell in the editor and follows the cursor.
import * as vscode from 'vscode';
import { PUBLISH_REQUEST, type PublishResult, type ReportStatus, type ServerChannel } from '../../server/src/contract/protocol';
import { DOCUMENT_CSS } from '../../server/src/export/style';

export const PREVIEW_COMMANDS = {
  openPreview: 'gkreport.openPreview',
  exportDocx: 'gkreport.exportDocx',
  exportHtml: 'gkreport.exportHtml',
} as const;

const VIEW_TYPE = 'gkreport.preview';

/** A cell or paragraph the preview highlights, as its page reports it after a render. */
export interface PreviewMark {
  row?: string;
  col?: string;
  severity: string;
  text: string;
}

/** What the preview's page reports after showing a version. */
export interface PreviewRender {
  uri: string;
  version: number;
  /**
   * Milliseconds from the server's status for this version reaching the extension to the page having shown
   * it, by the page's clock (the same machine's; absent when no status came first).
   */
  afterCheckMs?: number;
  /** Of which: the server's answer to gkreport/publish, and the page's own update of its document. */
  requestMs?: number;
  pageMs: number;
  marks: PreviewMark[];
}

/** The element the preview marks as the one the editor's cursor is on, by its source span. */
export interface PreviewCursor {
  uri: string;
  start: number;
  end: number;
}

type PageMessage =
  | { type: 'ready' }
  | { type: 'rendered'; version: number; marks: PreviewMark[]; ms: number; at: number }
  | { type: 'cursor'; start: number; end: number }
  | { type: 'reveal'; start: number; end: number };

/** The theme's colours for the document, and the faults by severity (VS Code's own variables). */
const PREVIEW_CSS = `
body { padding: 12px 24px 48px; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); }
.gk-doc { max-width: 156mm; margin: 0 auto; }
.gk-table .gk-band { background: var(--vscode-editor-inactiveSelectionBackground); }
[data-s] { cursor: pointer; }
.gk-mark { cursor: help; }
td.gk-error, th.gk-error { background: var(--vscode-inputValidation-errorBackground); outline: 2px solid var(--vscode-editorError-foreground); outline-offset: -2px; }
td.gk-warning, th.gk-warning { background: var(--vscode-inputValidation-warningBackground); outline: 2px solid var(--vscode-editorWarning-foreground); outline-offset: -2px; }
td.gk-info, th.gk-info { outline: 1px dashed var(--vscode-editorInfo-foreground); outline-offset: -2px; }
td.gk-hint, th.gk-hint { text-decoration: underline dotted var(--vscode-editorHint-foreground); }
.gk-doc > :not(table).gk-mark, section > :not(table).gk-mark { padding-left: 6px; margin-left: -9px; }
.gk-doc > :not(table).gk-error, section > :not(table).gk-error { border-left: 3px solid var(--vscode-editorError-foreground); background: var(--vscode-inputValidation-errorBackground); }
.gk-doc > :not(table).gk-warning, section > :not(table).gk-warning { border-left: 3px solid var(--vscode-editorWarning-foreground); background: var(--vscode-inputValidation-warningBackground); }
.gk-doc > :not(table).gk-info, section > :not(table).gk-info { border-left: 3px dashed var(--vscode-editorInfo-foreground); }
.gk-doc > :not(table).gk-hint, section > :not(table).gk-hint { border-left: 3px dotted var(--vscode-editorHint-foreground); }
table.gk-mark { outline: 2px dashed var(--vscode-editorWarning-foreground); }
.gk-elsewhere { font-size: 10.5pt; line-height: 1.5; margin: 0 0 16px; padding: 6px 12px; border: 1px solid var(--vscode-editorWidget-border); }
.gk-elsewhere ul { margin: 0; padding-left: 20px; }
.gk-cursor { box-shadow: 0 0 0 2px var(--vscode-focusBorder); }
body.vscode-high-contrast td.gk-mark, body.vscode-high-contrast th.gk-mark { background: none; outline-width: 2px; outline-style: dashed; }
body.vscode-high-contrast .gk-cursor { box-shadow: 0 0 0 3px var(--vscode-contrastActiveBorder); }
body.vscode-high-contrast .gk-table .gk-band { background: none; }
`;

/** The page's script: shows each render, reports what it highlights, follows the cursor, reveals on click. */
const PAGE_SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
const SEVERITIES = ['error', 'warning', 'info', 'hint'];
let version = -1;
let cursor;
const parser = document.createElement('template');
function sameAttributes(a, b) {
  if (a.attributes.length !== b.attributes.length) return false;
  for (const x of a.attributes) if (b.getAttribute(x.name) !== x.value) return false;
  return true;
}
// Changes only what differs from the document shown: typing into a cell rewrites that cell, not the page.
function patch(old, next, depth) {
  if (old.isEqualNode(next)) return;
  if (depth === 0 || old.nodeName !== next.nodeName || old.childNodes.length !== next.childNodes.length
      || (old.nodeType === 1 && !sameAttributes(old, next))) {
    old.replaceWith(next);
    return;
  }
  if (old.nodeType === 3) { old.nodeValue = next.nodeValue; return; }
  const olds = [...old.childNodes], news = [...next.childNodes];
  for (let i = 0; i < news.length; i++) patch(olds[i], news[i], depth - 1);
}
function place(offset, scroll) {
  cursor = offset;
  let best, bestSize = Infinity, before, beforeStart = -1;
  for (const el of root.querySelectorAll('[data-s]')) {
    const s = Number(el.dataset.s), e = Number(el.dataset.e);
    if (s <= offset && offset <= e && e - s < bestSize) { best = el; bestSize = e - s; }
    if (s <= offset && s > beforeStart) { before = el; beforeStart = s; }
  }
  const target = best || before;
  for (const el of root.querySelectorAll('.gk-cursor')) if (el !== target) el.classList.remove('gk-cursor');
  if (!target) return;
  target.classList.add('gk-cursor');
  if (scroll) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  vscode.postMessage({ type: 'cursor', start: Number(target.dataset.s), end: Number(target.dataset.e) });
}
window.addEventListener('message', (event) => {
  const m = event.data;
  if (m.type === 'render') {
    if (m.version < version) return;
    version = m.version;
    const started = performance.now();
    parser.innerHTML = m.html;
    const next = parser.content.firstElementChild;
    if (root.firstElementChild && next) patch(root.firstElementChild, next, 12);
    else root.replaceChildren(parser.content);
    if (cursor !== undefined) place(cursor, false);
    root.getBoundingClientRect();
    const ms = performance.now() - started;
    const marks = [...root.querySelectorAll('.gk-mark')].map((el) => ({
      row: el.dataset.row, col: el.dataset.col,
      severity: SEVERITIES.find((s) => el.classList.contains('gk-' + s)),
      text: el.textContent.slice(0, 80),
    }));
    vscode.postMessage({ type: 'rendered', version, marks, ms, at: Date.now() });
  } else if (m.type === 'cursor') {
    place(m.offset, true);
  }
});
root.addEventListener('click', (event) => {
  const el = event.target.closest('[data-s]');
  if (el) vscode.postMessage({ type: 'reveal', start: Number(el.dataset.s), end: Number(el.dataset.e) });
});
vscode.postMessage({ type: 'ready' });
`;

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

/** The preview's page: nothing but its own nonce'd style and script may run; no remote resource at all. */
export function previewPage(cspSource: string, key = nonce()): string {
  const csp = [`default-src 'none'`, `style-src 'nonce-${key}'`, `script-src 'nonce-${key}'`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${key}">${DOCUMENT_CSS}${PREVIEW_CSS}</style>
</head>
<body>
<main id="root"></main>
<script nonce="${key}">${PAGE_SCRIPT}</script>
</body>
</html>`;
}

const fileName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** One document's preview panel. */
class PreviewPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private rendered = -1;
  /** When the server's status for each version arrived (for the render time). */
  private readonly checkedAt = new Map<number, number>();
  /** How long the server took to answer for each version shown. */
  private readonly requested = new Map<number, number>();

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly server: ServerChannel,
    private readonly onRender: vscode.EventEmitter<PreviewRender>,
    private readonly onCursor: vscode.EventEmitter<PreviewCursor>,
    onDispose: () => void,
  ) {
    panel.webview.html = previewPage(panel.webview.cspSource);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: PageMessage) => this.received(m)),
      panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
  }

  checked(status: ReportStatus): void {
    this.checkedAt.set(status.version, Date.now());
    void this.refresh();
  }

  /** Asks the server for the current version and shows it, unless a newer one is shown already. */
  async refresh(): Promise<void> {
    let result: PublishResult;
    const asked = Date.now();
    try {
      result = await this.server.sendRequest<PublishResult>(PUBLISH_REQUEST, { uri: this.document.uri.toString(), to: 'preview' });
    } catch {
      return; // the document closed meanwhile, or the server restarts: the next status renders again
    }
    if (result.version < this.rendered || result.html === undefined) return;
    this.rendered = result.version;
    this.requested.set(result.version, Date.now() - asked);
    await this.panel.webview.postMessage({ type: 'render', version: result.version, html: result.html });
  }

  cursorAt(offset: number): void {
    void this.panel.webview.postMessage({ type: 'cursor', offset });
  }

  private received(m: PageMessage): void {
    if (m.type === 'ready') void this.refresh();
    else if (m.type === 'cursor') this.onCursor.fire({ uri: this.document.uri.toString(), start: m.start, end: m.end });
    else if (m.type === 'rendered') {
      const at = this.checkedAt.get(m.version);
      const requestMs = this.requested.get(m.version);
      for (const times of [this.checkedAt, this.requested]) for (const v of times.keys()) if (v <= m.version) times.delete(v);
      this.onRender.fire({
        uri: this.document.uri.toString(),
        version: m.version,
        ...(at !== undefined ? { afterCheckMs: m.at - at } : {}),
        ...(requestMs !== undefined ? { requestMs } : {}),
        pageMs: Math.round(m.ms),
        marks: m.marks,
      });
    } else if (m.type === 'reveal') void this.reveal(m.start, m.end);
  }

  /** Selects a span in the document's editor (opening it beside the preview when it is not visible). */
  private async reveal(start: number, end: number): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = visible ?? (await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false }));
    const range = new vscode.Range(this.document.positionAt(start), this.document.positionAt(end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** The previews of the open reports, one panel a document. */
export class ReportPreviews implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<PreviewRender>();
  private readonly cursors = new vscode.EventEmitter<PreviewCursor>();
  /** Fires each time a preview's page has shown a version, with what it highlights. */
  readonly onDidRender = this.rendered.event;
  /** Fires when a preview's page has marked the element the editor's cursor is on. */
  readonly onDidMoveCursor = this.cursors.event;

  constructor(
    private readonly server: ServerChannel,
    onStatus: vscode.Event<ReportStatus>,
  ) {
    this.subscriptions.push(
      this.rendered,
      this.cursors,
      onStatus((status) => this.panels.get(status.uri)?.checked(status)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const panel = this.panels.get(e.textEditor.document.uri.toString());
        if (panel && e.selections.length > 0) panel.cursorAt(e.textEditor.document.offsetAt(e.selections[0].active));
      }),
    );
  }

  /** Opens (or reveals) the preview of a report beside its editor; returns its panel. */
  open(uri?: vscode.Uri): vscode.WebviewPanel | undefined {
    const document = reportDocument(uri);
    if (!document) return undefined;
    const key = document.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Preview {0}', fileName(document.uri)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    this.panels.set(key, new PreviewPanel(document, panel, this.server, this.rendered, this.cursors, () => this.panels.delete(key)));
    return panel;
  }

  dispose(): void {
    this.panels.forEach((p) => p.panel.dispose());
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** The report to act on: the given one, the active editor's, or the one the active preview shows. */
function reportDocument(uri?: vscode.Uri): vscode.TextDocument | undefined {
  const document = uri
    ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
    : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report in an editor first.'));
    return undefined;
  }
  return document;
}

const FORMATS = {
  docx: { extension: 'docx', filter: () => vscode.l10n.t('Word document') },
  html: { extension: 'html', filter: () => vscode.l10n.t('Web page') },
} as const;

/**
 * Exports a report (`source`, as the editor's title menu passes it, else the active editor's) as a Word
 * document or a web page: a save dialog unless `target` is given, the file written through the workspace
 * file system, then an offer to open it. Returns the file written.
 */
export async function exportReportAs(server: ServerChannel, to: keyof typeof FORMATS, source?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = reportDocument(source);
  if (!document) return undefined;
  const format = FORMATS[to];
  const base = document.isUntitled
    ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? document.uri, `${fileName(document.uri)}.${format.extension}`)
    : document.uri.with({ path: document.uri.path.replace(/(\.[^./]*)?$/, `.${format.extension}`) });
  const file = target ?? (await vscode.window.showSaveDialog({ defaultUri: base, filters: { [format.filter()]: [format.extension] }, saveLabel: vscode.l10n.t('Export') }));
  if (!file) return undefined;
  try {
    const result = await server.sendRequest<PublishResult>(PUBLISH_REQUEST, { uri: document.uri.toString(), to });
    await vscode.workspace.fs.writeFile(file, Buffer.from(result.data ?? '', 'base64'));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be exported: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', fileName(file)), open).then((choice) => {
    if (choice === open) void vscode.env.openExternal(file);
  });
  return file;
}

/** A URI argument of a command (menus pass the editor's resource; the palette passes nothing). */
const asUri = (value: unknown) => (value instanceof vscode.Uri ? value : undefined);

/** The preview and export commands, and the previews' manager (its onDidRender serves tests). */
export function registerPreview(context: vscode.ExtensionContext, server: ServerChannel, onStatus: vscode.Event<ReportStatus>): ReportPreviews {
  const previews = new ReportPreviews(server, onStatus);
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand(PREVIEW_COMMANDS.openPreview, (uri?: unknown) => previews.open(asUri(uri))),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.exportDocx, (source?: unknown, target?: unknown) => exportReportAs(server, 'docx', asUri(source), asUri(target))),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.exportHtml, (source?: unknown, target?: unknown) => exportReportAs(server, 'html', asUri(source), asUri(target))),
  );
  return previews;
}
