// Cross-report rules (group X) compare a report with the same agency's report for the year before,
// which is usually a file in the workspace that is not open. The disk index is built in the
// background after initialisation, kept current from file events, and merged with the open
// documents (whose unsaved text wins over the disk). A configuration file that changes checks the
// open documents again too: its rules, ignores and locale apply at once, not at the next keystroke.
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type DidChangeWatchedFilesParams, type WorkspaceFolder } from 'vscode-languageserver/node';
import { ReportIndex } from '../host/reportIndex';
import { openReports, type WorkspaceProvider } from './analysis';
import { guard, guardNotification, type ServerContext } from './context';
import { array, literal, NO_PARAMS, object, string } from './params';
import { reportFilesIn } from '../host/discover';
import { CONFIG_FILES } from '../host/config';
import { REPORT_FILES_REQUEST, type ReportFilesResult } from '../contract/protocol';

/** The files the client is asked to watch: the extensions a report may have, and configuration files. */
const WATCHED = ['**/*.{txt,md,gkreport}', `**/{${CONFIG_FILES.join(',')}}`];
const isConfigFile = (file: string) => (CONFIG_FILES as readonly string[]).includes(basename(file));

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export interface WorkspaceIndexOptions {
  folders: readonly WorkspaceFolder[];
  /** The client lets the server register for file events. */
  canWatch: boolean;
  /** Check the open documents again (their comparisons may have changed). */
  recheckAll: () => void;
}

export const WATCHED_FILES_PARAMS = object({ changes: array(object({ uri: string, type: literal(FileChangeType.Created, FileChangeType.Changed, FileChangeType.Deleted) })) });

/** Plugs the disk index into the check cache; returns a start function to call once initialised. */
export function attachWorkspaceIndex(ctx: ServerContext, options: WorkspaceIndexOptions): () => void {
  const index = new ReportIndex();
  const open = openReports(ctx.cache, () => ctx.documents.all());
  const provider: WorkspaceProvider = (uri, model) => {
    const others = open(uri, model);
    const openPaths = new Set([uri, ...others.map((o) => o.file)].map((u) => pathOf(u)));
    // A file open in the editor is compared by its editor text only, never twice.
    const onDisk = index.relevantTo(model, pathOf(uri)).filter((r) => !openPaths.has(r.file));
    return [...others, ...onDisk];
  };
  ctx.cache.workspace = provider;
  ctx.cache.closedReportText = (file) => index.get(file)?.text;

  const changed = () => {
    ctx.cache.forgetFindings();
    options.recheckAll();
  };

  const folders = options.folders.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined);
  ctx.connection.onRequest(
    REPORT_FILES_REQUEST,
    guard(ctx, REPORT_FILES_REQUEST, NO_PARAMS, async (): Promise<ReportFilesResult> => {
      const settings = await ctx.settings.get();
      const files = await reportFilesIn(folders, settings.detectReports);
      return { uris: files.map((f) => pathToFileURL(f).href) };
    }),
  );

  ctx.connection.onNotification(
    'workspace/didChangeWatchedFiles',
    guardNotification(ctx, 'workspace/didChangeWatchedFiles', WATCHED_FILES_PARAMS, async (params: DidChangeWatchedFilesParams) => {
      for (const change of params.changes) {
        const file = pathOf(change.uri);
        if (file === undefined || isConfigFile(file)) continue; // read again by the next check
        if (change.type === FileChangeType.Deleted) index.remove(file);
        else await index.update(file);
      }
      changed();
    }),
  );

  return () => {
    if (options.canWatch) {
      ctx.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) })
        .catch((error: unknown) => ctx.logError('registering file events', error));
    }
    if (folders.length === 0) return;
    index
      .addFolders(folders)
      .then(() => {
        if (index.size > 0) changed();
      })
      .catch((error: unknown) => ctx.logError('indexing the workspace', error));
  };
}
