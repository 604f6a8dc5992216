// The contract between the language server and the VS Code client: custom method names and
// payloads, imported by both sides so they cannot drift. Other editors may use them too.

/** Server → client after each check of a document. */
export const STATUS_NOTIFICATION = 'gkreport/status';

/** The status of a report whose tables are written in more than one layout. */
export const MIXED_LAYOUTS = 'mixed';

export interface ReportStatus {
  uri: string;
  version: number;
  isReport: boolean;
  year?: number;
  /** The id of the layout the report's tables are written in, or `mixed`. */
  layout?: string;
  errors: number;
  warnings: number;
  infos: number;
}

/** Blank standard tables and the report skeleton, rendered by the server from the layout data. */
export const TEMPLATES_REQUEST = 'gkreport/templates';

export interface ReportTemplate {
  id: string;
  label: string;
  description: string;
  text: string;
}

/** The reports in the workspace folders (found by the server: one walk for every caller). */
export const REPORT_FILES_REQUEST = 'gkreport/reportFiles';

export interface ReportFilesResult {
  uris: string[];
}

/** Converts a Word file, web page or PDF (`uri`) into report text; the client writes it to `target` and opens it. */
export const IMPORT_REQUEST = 'gkreport/import';

export interface ImportParams {
  uri: string;
}

export interface ImportResult {
  text: string;
  /** Where the report text is meant to go: the source's name with `.gkreport`, beside it. */
  target: string;
  /** What the user should know about the conversion, in the user's language. */
  notes: string[];
}

/** The server reads, checks and publishes diagnostics for each file; returns the counts. */
export const CHECK_FILES_REQUEST = 'gkreport/checkFiles';

export interface CheckFilesResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * The open report as it will be published (server/src/lsp/preview.ts): `preview` gives the document's
 * markup with the findings of its current check (the editor's preview); `html` and `docx` give the
 * exported web page or Word file.
 */
export const PUBLISH_REQUEST = 'gkreport/publish';

export type PublishTarget = 'preview' | 'html' | 'docx';

export interface PublishParams {
  uri: string;
  to: PublishTarget;
}

export interface PublishResult {
  uri: string;
  /** The document version rendered. */
  version: number;
  /** `preview`: the markup, an `<article>` (classes and data attributes only, no inline style or script). */
  html?: string;
  /** `html` and `docx`: the file's bytes, base64. */
  data?: string;
}

export const EXECUTE_COMMAND_REQUEST = 'workspace/executeCommand';
export const SERVER_RECOMPUTE_TOTALS = 'gkreport.server.recomputeTotals';
/** Arguments `[uri, position, "二"|"三"|"四", layout?]`; inserts a blank standard table. */
export const SERVER_INSERT_TABLE = 'gkreport.server.insertTable';

export interface RecomputeTotalsResult {
  changed: number;
}

/** What the commands and the status bar need of the language client (a LanguageClient satisfies it). */
export interface ServerChannel {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  onNotification(method: string, handler: (params: ReportStatus) => void): { dispose(): unknown };
}
