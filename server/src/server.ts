// The language server: a thin adapter from LSP to the core checker, one module per capability in lsp/.
// Run by the VS Code client over IPC, or by any editor with `node --expose-gc dist/server.js --stdio`.
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TOOL_NAME, VERSION } from './contract/version';
import { FIX_ALL_KIND, RECOMPUTE_KIND, registerCodeActions } from './lsp/codeActions';
import { COMMANDS, registerCommands } from './lsp/commands';
import { registerCompletion } from './lsp/completion';
import { guardNotification, ServerContext } from './lsp/context';
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { checkedTextDocuments } from './lsp/documents';
import { registerFormatting } from './lsp/formatting';
import { registerHover } from './lsp/hover';
import { registerPreview } from './lsp/preview';
import { SettingsStore } from './lsp/settings';
import { registerSymbols } from './lsp/symbols';
import { attachWorkspaceIndex } from './lsp/workspaceIndex';

const connection = createConnection(ProposedFeatures.all);
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
  const resolveEdits = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  const ctx = new ServerContext(connection, documents, new SettingsStore(connection, canPullSettings, params.initializationOptions), params.locale);
  const scheduler = new DiagnosticsScheduler(ctx, pull, canRefresh);
  startWorkspaceIndex = attachWorkspaceIndex(ctx, {
    folders: params.workspaceFolders ?? [],
    canWatch: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    recheckAll: () => scheduler.recheckAll(),
  });
  scheduler.register();
  registerCodeActions(ctx, resolveEdits);
  registerHover(ctx);
  registerSymbols(ctx);
  registerFormatting(ctx);
  registerCompletion(ctx);
  registerCommands(ctx, scheduler);
  registerPreview(ctx);
  connection.onDidChangeConfiguration(
    guardNotification(ctx, 'workspace/didChangeConfiguration', (change) => {
      ctx.settings.changed(change?.settings);
      scheduler.recheckAll();
    }),
  );
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

documents.listen(connection);
connection.listen();
