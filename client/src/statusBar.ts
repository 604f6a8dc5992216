// The status-bar item: year, layout and counts of the active report, as the server last reported them.
import * as vscode from 'vscode';
import { STATUS_NOTIFICATION, type ReportStatus, type ServerChannel } from '../../server/src/contract/protocol';

export const SHOW_PROBLEMS = 'workbench.actions.view.problems';

export interface StatusView {
  text: string;
  tooltip: string;
}

/** What the item shows for a status; undefined hides it (not a report). */
export function statusView(status: ReportStatus | undefined): StatusView | undefined {
  if (!status?.isReport) return undefined;
  const parts = [
    status.year === undefined ? vscode.l10n.t('Report (year unknown)') : vscode.l10n.t('{0} report', status.year),
  ];
  if (status.layout === 'mixed') parts.push(vscode.l10n.t('mixed layouts'));
  else if (status.layout) parts.push(vscode.l10n.t('{0} layout', status.layout));
  const text = `$(law) ${parts.join(' · ')}  $(error) ${status.errors}  $(warning) ${status.warnings}`;
  const tooltip = vscode.l10n.t(
    '{0} errors, {1} warnings, {2} infos. Click to open the Problems panel.',
    status.errors,
    status.warnings,
    status.infos,
  );
  return { text, tooltip };
}

/** Keeps the latest status per document and shows the active editor's. */
export class ReportStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly statuses = new Map<string, ReportStatus>();
  private readonly subscriptions: { dispose(): unknown }[] = [];
  private readonly updated = new vscode.EventEmitter<ReportStatus>();
  /** Fires with each status recorded: the server has checked that version of the document. */
  readonly onDidUpdate = this.updated.event;

  constructor(server: ServerChannel) {
    this.item = vscode.window.createStatusBarItem('gkreport.status', vscode.StatusBarAlignment.Left, 100);
    this.item.name = vscode.l10n.t('Disclosure report');
    this.item.command = SHOW_PROBLEMS;
    this.subscriptions.push(
      this.item,
      this.updated,
      server.onNotification(STATUS_NOTIFICATION, (status) => this.update(status)),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.statuses.delete(doc.uri.toString());
        this.render();
      }),
    );
  }

  /** Records a status; an older version of the document never overwrites a newer one. */
  update(status: ReportStatus): void {
    const previous = this.statuses.get(status.uri);
    if (previous && previous.version > status.version) return;
    this.statuses.set(status.uri, status);
    this.render();
    this.updated.fire(status);
  }

  /** What the item shows now (undefined when hidden). */
  current(): StatusView | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    return statusView(uri === undefined ? undefined : this.statuses.get(uri));
  }

  private render(): void {
    const view = this.current();
    if (!view) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
