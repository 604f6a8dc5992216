// When documents are checked and how the results reach the client: check on open, debounce after
// edits (or only on save), drop results of stale versions, clear on close. Pull diagnostics
// (textDocument/diagnostic) when the client supports them, push otherwise.
import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticParams, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MIXED_LAYOUTS, STATUS_NOTIFICATION, type ReportStatus } from '../contract/protocol';
import type { Analysis } from './analysis';
import { guard, guardNotification, type ServerContext } from './context';
import { releaseClosedDocument } from './memory';
import { anything, onDocument } from './params';

/** Errors, warnings and the rest (info and hint) among diagnostics. */
export function countSeverities(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 1) counts.errors++;
    else if (d.severity === 2) counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

export function statusOf(analysis: Analysis): ReportStatus {
  const layouts = new Set(analysis.model.tables.map((t) => t.layout));
  return {
    uri: analysis.uri,
    version: analysis.version,
    isReport: analysis.isReport,
    year: analysis.isReport ? analysis.model.meta.reportYear : undefined,
    layout: layouts.size === 0 ? undefined : layouts.size > 1 ? MIXED_LAYOUTS : [...layouts][0],
    ...countSeverities(analysis.diagnostics),
  };
}

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Pull mode: what the client was last given, per document (with run "onSave", the answer until the next save). */
  private readonly published = new Map<string, Diagnostic[]>();
  /** Version each document was opened at: its first content-change event is the open itself. */
  private readonly openedAt = new Map<string, number>();

  constructor(
    private readonly ctx: ServerContext,
    /** The client pulls with textDocument/diagnostic. */
    private readonly pull: boolean,
    /** The client accepts workspace/diagnostic/refresh. */
    private readonly canRefresh: boolean,
  ) {}

  register(): void {
    const { documents, connection } = this.ctx;
    documents.onDidOpen((e) => {
      this.openedAt.set(e.document.uri, e.document.version);
      void this.checkNow(e.document.uri);
    });
    documents.onDidChangeContent((e) => this.changed(e.document));
    documents.onDidSave((e) => void this.saved(e.document));
    documents.onDidClose((e) => {
      this.closed(e.document.uri);
      releaseClosedDocument(e.document.getText());
    });
    if (this.pull) {
      connection.onRequest(
        'textDocument/diagnostic',
        guard(this.ctx, 'textDocument/diagnostic', onDocument(), async (params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> => {
          // A document closed before its pull arrived has nothing to report. An error here would leave
          // vscode-languageclient 9 tracking a request that never ends, and it would never pull that URI again.
          const document = this.ctx.documents.get(params.textDocument.uri);
          if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
          const settings = await this.ctx.settings.get();
          if (settings.run === 'onSave' && this.published.has(document.uri)) {
            return { kind: DocumentDiagnosticReportKind.Full, items: this.published.get(document.uri)! };
          }
          const analysis = await this.ctx.analyze(document);
          this.published.set(document.uri, analysis.diagnostics);
          void this.ctx.connection.sendNotification(STATUS_NOTIFICATION, statusOf(analysis));
          this.recheckDependents(analysis);
          return { kind: DocumentDiagnosticReportKind.Full, items: analysis.diagnostics };
        }),
      );
    }
  }

  private changed(document: TextDocument): void {
    // TextDocuments reports the open as a change too; the open is checked by onDidOpen. A pulling client
    // asks again by itself after each change.
    if (this.pull || document.version === this.openedAt.get(document.uri)) return;
    void this.ctx.settings.get().then((settings) => {
      if (settings.run === 'onSave') return;
      this.cancel(document.uri);
      if (settings.debounce === 0) return void this.checkNow(document.uri);
      this.timers.set(
        document.uri,
        setTimeout(() => {
          this.timers.delete(document.uri);
          void this.checkNow(document.uri);
        }, settings.debounce),
      );
    });
  }

  private async saved(document: TextDocument): Promise<void> {
    const settings = await this.ctx.settings.get();
    if (settings.run !== 'onSave') return;
    if (this.pull) {
      this.published.delete(document.uri);
      this.refresh();
      return;
    }
    await this.checkNow(document.uri);
  }

  private closed(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    this.openedAt.delete(uri);
    this.ctx.cache.forget(uri);
    if (!this.pull) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Checks the document's current version and publishes, unless it changed or closed meanwhile. */
  checkNow(uri: string): Promise<void> {
    return guardNotification(this.ctx, 'checking a document', anything, (u: string) => this.check(u))(uri);
  }

  private async check(uri: string): Promise<void> {
    const document = this.ctx.documents.get(uri);
    if (!document || this.pull) return;
    const analysis = await this.ctx.analyze(document);
    if (this.ctx.documents.get(uri)?.version !== analysis.version) return; // stale: a newer check follows
    await this.ctx.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
    await this.ctx.connection.sendNotification(STATUS_NOTIFICATION, statusOf(analysis));
    this.recheckDependents(analysis);
  }

  /** Next year's open report of the same agency compares with this one (GK801–GK803): check it again too. */
  private recheckDependents(analysis: Analysis): void {
    if (!analysis.isReport) return;
    const stale = this.ctx.cache.invalidateDependents(analysis.uri, analysis.model);
    if (stale.length === 0) return;
    if (!this.pull) {
      for (const uri of stale) void this.checkNow(uri);
      return;
    }
    for (const uri of stale) this.published.delete(uri);
    this.refresh();
  }

  /** Settings changed: check every open document again (push), or ask the client to pull again. */
  recheckAll(): void {
    if (this.pull) {
      this.published.clear();
      this.refresh();
      return;
    }
    for (const document of this.ctx.documents.all()) void this.checkNow(document.uri);
  }

  /** Asks a pulling client to pull again, when it accepts the request. */
  private refresh(): void {
    if (!this.canRefresh) return;
    this.ctx.connection.languages.diagnostics.refresh();
  }

  /** Publishes diagnostics of a file that is not open (gkreport/checkFiles). */
  publishFor(uri: string, diagnostics: Diagnostic[]): void {
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
  }
}
