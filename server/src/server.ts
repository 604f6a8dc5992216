// The language server: a thin adapter from LSP to the core checker, one module per capability in lsp/.
// Run by the VS Code client over IPC, or by any editor with `node --expose-gc dist/server.js --stdio`.
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  LogMessageNotification,
  MessageType,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { inspect } from 'node:util';
import { TOOL_NAME, VERSION } from './contract/version';
import { FIX_ALL_KIND, RECOMPUTE_KIND, registerCodeActions } from './lsp/codeActions';
import { COMMANDS, registerCommands } from './lsp/commands';
import { registerCompletion } from './lsp/completion';
import { guardNotification, ServerContext } from './lsp/context';
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { checkedTextDocuments, listenChecked } from './lsp/documents';
import { registerFormatting } from './lsp/formatting';
import type { Verdict } from './lsp/framing';
import { registerHover } from './lsp/hover';
import { registerImports } from './lsp/imports';
import { Lifecycle } from './lsp/lifecycle';
import { anything, object } from './lsp/params';
import { registerPreview } from './lsp/preview';
import { SettingsStore } from './lsp/settings';
import { registerSymbols } from './lsp/symbols';
import { openTransport } from './lsp/transport';
import { attachWorkspaceIndex } from './lsp/workspaceIndex';

/** How long a fatal framing fault waits for its log message to be written before the process exits. */
const EXIT_FLUSH_MS = 2_000;
let exiting = false;

/** A framing fault (framing.ts): logged on stderr and to the client; answered; the server exits if it must. */
function onFrameFault(verdict: Verdict): void {
  process.stderr.write(`${verdict.log}\n`);
  if (exiting) return;
  if (verdict.reply) transport.writer.write(verdict.reply).catch(() => undefined);
  const logged = connection
    .sendNotification(LogMessageNotification.type, { type: verdict.exit ? MessageType.Error : MessageType.Warning, message: verdict.log })
    .catch(() => undefined);
  if (!verdict.exit) return;
  exiting = true;
  const exit = () => process.exit(1);
  setTimeout(exit, EXIT_FLUSH_MS);
  void logged.then(exit);
}

const transport = openTransport(process.argv.slice(2), {
  fault: onFrameFault,
  error: (error) => connection.console.error(`gkreport: reading a message failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
});
const lifecycle = new Lifecycle(
  (message) => void transport.writer.write(message).catch(() => undefined),
  (text) => connection.console.warn(text),
);
const connection: Connection = createConnection(ProposedFeatures.all, lifecycle.gate(transport.reader), transport.writer);
// The input ended (the client is gone): leave as `exit` would (vscode-languageserver does so for the streams it opens).
transport.reader.onClose(() => process.exit(lifecycle.shutdownReceived ? 0 : 1));
if (transport.stdio) redirectConsole(connection);

const documents = new TextDocuments(checkedTextDocuments);
/** The client registers for configuration changes only when asked (dynamic registration). */
let registerConfigurationChanges = false;
/** Starts indexing the workspace's reports for the cross-report rules, once initialised. */
let startWorkspaceIndex = () => {};

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  const canPullSettings = capabilities.workspace?.configuration === true;
  registerConfigurationChanges = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  const canRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
  const resolveProperties: unknown = capabilities.textDocument?.codeAction?.resolveSupport?.properties;
  const resolveEdits = Array.isArray(resolveProperties) && resolveProperties.includes('edit');
  const ctx = new ServerContext(connection, documents, new SettingsStore(connection, canPullSettings, params.initializationOptions), params.locale);
  listenChecked(ctx, documents);
  const scheduler = new DiagnosticsScheduler(ctx, pull, canRefresh);
  startWorkspaceIndex = attachWorkspaceIndex(ctx, {
    folders: params.workspaceFolders ?? [],
    canWatch: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    recheckAll: () => scheduler.recheckAll(),
  });
  scheduler.register();
  registerCodeActions(ctx, resolveEdits);
  registerHover(ctx);
  registerImports(ctx);
  registerSymbols(ctx);
  registerFormatting(ctx);
  registerCompletion(ctx);
  registerCommands(ctx, scheduler);
  registerPreview(ctx);
  connection.onNotification(
    'workspace/didChangeConfiguration',
    guardNotification(ctx, 'workspace/didChangeConfiguration', object({ settings: anything }), (change: { settings?: unknown }) => {
      ctx.settings.changed(change?.settings);
      scheduler.recheckAll();
    }),
  );
  lifecycle.initialized();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, RECOMPUTE_KIND, CodeActionKind.RefactorRewrite],
        resolveProvider: true,
      },
      hoverProvider: true,
      documentSymbolProvider: { label: '政府信息公开年报' },
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      completionProvider: { triggerCharacters: ['|', '\t'] },
      executeCommandProvider: { commands: COMMANDS },
    },
    serverInfo: { name: TOOL_NAME, version: VERSION },
  };
});

connection.onInitialized(() => {
  startWorkspaceIndex();
  if (!registerConfigurationChanges) return;
  connection.client
    .register(DidChangeConfigurationNotification.type, { section: 'gkreport' })
    .catch((error: unknown) => connection.console.warn(`gkreport: no configuration change events: ${String(error)}`));
});

// Last line of defence: a bug in a handler is logged, and the server goes on serving.
process.on('uncaughtException', (error) => connection.console.error(`gkreport: uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`gkreport: unhandled rejection: ${String(reason)}`));

/** Over stdio, stdout is the protocol: console output goes to the client's log instead (as vscode-languageserver does). */
function redirectConsole(to: Connection): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => to.console.log(text(args));
  console.warn = (...args: unknown[]) => to.console.warn(text(args));
  console.error = (...args: unknown[]) => to.console.error(text(args));
}

connection.listen();
