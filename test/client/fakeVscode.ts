// A small stand-in for the `vscode` module: just what the client modules call, recording what they do,
// so commands, detection and the status bar run under Node's test runner. Real-editor tests are e2e.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Listener<T> = (value: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    this.listeners.forEach((l) => l(value));
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    const colon = text.indexOf(':');
    return new Uri(text.slice(0, colon), decodeURIComponent(text.slice(colon + 1).replace(/^\/\//, '')));
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.scheme === 'untitled' ? `untitled:${this.path}` : `${this.scheme}://${encodeURI(this.path)}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export class FakeDocument {
  constructor(
    readonly uri: Uri,
    public languageId: string,
    public text: string,
  ) {}
  get isUntitled(): boolean {
    return this.uri.scheme === 'untitled';
  }
  private offsetAt(p: Position): number {
    const lines = this.text.split('\n');
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, Math.min(offset, this.text.length)).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }
  lineAt(line: number): { text: string } {
    return { text: this.text.split('\n')[line] };
  }
  insert(at: Position, text: string): void {
    const offset = this.offsetAt(at);
    this.text = this.text.slice(0, offset) + text + this.text.slice(offset);
  }
}

export class FakeEditor {
  constructor(
    readonly document: FakeDocument,
    public selection: { active: Position },
  ) {}
  async edit(build: (builder: { insert(at: Position, text: string): void }) => void): Promise<boolean> {
    build({ insert: (at, text) => this.document.insert(at, text) });
    return true;
  }
}

export const StatusBarAlignment = { Left: 1, Right: 2 };
export const ProgressLocation = { Notification: 15 };

export class FakeStatusBarItem {
  text = '';
  tooltip = '';
  name = '';
  command = '';
  visible = false;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {
    this.visible = false;
  }
}

/** Everything the client did, and the answers the test scripted. */
export const recorded = {
  messages: [] as string[],
  executed: [] as { command: string; args: unknown[] }[],
  languageChanges: [] as { uri: string; language: string }[],
  progressReports: [] as { increment?: number; message?: string }[],
  quickPicks: [] as { items: { label: string }[]; options: unknown }[],
  statusItems: [] as FakeStatusBarItem[],
};
export const scripted = {
  pick: (items: { label: string }[]): { label: string } | undefined => items[0],
  files: [] as Uri[],
  settings: {} as Record<string, unknown>,
};

export function reset(): void {
  recorded.messages.length = 0;
  recorded.executed.length = 0;
  recorded.languageChanges.length = 0;
  recorded.progressReports.length = 0;
  recorded.quickPicks.length = 0;
  recorded.statusItems.length = 0;
  scripted.pick = (items) => items[0];
  scripted.files = [];
  scripted.settings = {};
  workspace.textDocuments = [];
  window.activeTextEditor = undefined;
  registered.clear();
}

const registered = new Map<string, (...args: unknown[]) => unknown>();
export const events = {
  open: new EventEmitter<FakeDocument>(),
  change: new EventEmitter<{ document: FakeDocument; contentChanges: unknown[] }>(),
  close: new EventEmitter<FakeDocument>(),
  configuration: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  activeEditor: new EventEmitter<FakeEditor | undefined>(),
};

export const l10n = {
  t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
};

export const env = { language: 'zh-cn' };

export const window = {
  activeTextEditor: undefined as FakeEditor | undefined,
  onDidChangeActiveTextEditor: events.activeEditor.event,
  createStatusBarItem: () => {
    const item = new FakeStatusBarItem();
    recorded.statusItems.push(item);
    return item;
  },
  showInformationMessage: async (message: string) => void recorded.messages.push(message),
  showWarningMessage: async (message: string) => void recorded.messages.push(message),
  showQuickPick: async <T extends { label: string }>(items: T[], options: unknown) => {
    recorded.quickPicks.push({ items, options });
    return scripted.pick(items) as T | undefined;
  },
  withProgress: async <R>(
    _options: unknown,
    task: (progress: { report(value: { increment?: number; message?: string }): void }, token: { isCancellationRequested: boolean }) => Promise<R>,
  ) => task({ report: (value) => void recorded.progressReports.push(value) }, { isCancellationRequested: false }),
};

export const workspace = {
  textDocuments: [] as FakeDocument[],
  onDidOpenTextDocument: events.open.event,
  onDidChangeTextDocument: events.change.event,
  onDidCloseTextDocument: events.close.event,
  onDidChangeConfiguration: events.configuration.event,
  getConfiguration: (section: string) => ({
    get: <T>(key: string, fallback: T): T => (`${section}.${key}` in scripted.settings ? (scripted.settings[`${section}.${key}`] as T) : fallback),
  }),
  findFiles: async () => scripted.files,
  fs: { readFile: async (uri: Uri) => new Uint8Array(readFileSync(uri.fsPath)) },
};

export const languages = {
  setTextDocumentLanguage: async (doc: FakeDocument, language: string) => {
    recorded.languageChanges.push({ uri: doc.uri.toString(), language });
    doc.languageId = language;
    return doc;
  },
};

export const commands = {
  registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
    registered.set(id, handler);
    return { dispose: () => registered.delete(id) };
  },
  executeCommand: async (command: string, ...args: unknown[]) => {
    recorded.executed.push({ command, args });
    return registered.get(command)?.(...args);
  },
  registeredIds: () => [...registered.keys()],
};
