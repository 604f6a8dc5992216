// One check per document version and settings: diagnostics, hovers, code actions and symbols all
// read the cached result, so no request parses the text again.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { LineIndex, isPreviousYear, localize, looksLikeReport, looksMisdecoded, msg, parseReport, ruleOf, runRules, type Fault, type Finding, type Locale, type Localized, type OtherReport, type ReportModel, type RuleSetting } from '../core';
import { ConfigResolver, type Governing } from '../host/config';
import { SOURCE, toDiagnostic } from './convert';
import { settingsProblems, type Settings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  isReport: boolean;
  model: ReportModel;
  findings: Finding[];
  index: LineIndex;
  diagnostics: Diagnostic[];
  locale: Locale;
}

/** Other reports a document's cross-report rules compare with (group X). */
export type WorkspaceProvider = (uri: string, model: ReportModel) => OtherReport[];

/** The text of a report that is not open (from the disk index), to place related information in it. */
export type ClosedReportText = (file: string) => string | undefined;

/** A document in the `gkreport` language, or a .txt/.md one that names 政府信息公开 near its start. */
export function isReportDocument(languageId: string, uri: string, text: string, detect: boolean): boolean {
  if (languageId === 'gkreport' || uri.endsWith('.gkreport')) return true;
  // A report opened with the wrong encoding no longer names 政府信息公开: it is told how to reopen it.
  return detect && (looksLikeReport(text) || looksMisdecoded(text));
}

/** The one diagnostic of a text decoded with the wrong encoding, instead of findings that would be nonsense. */
function misdecodedDiagnostic(locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: 1,
    code: 'encoding',
    source: SOURCE,
    message: localize(
      msg(
        '文件中有大量乱码：它很可能是 GB18030/GBK 编码，却按 UTF-8 打开了，因此没有检查。请点击窗口右下角状态栏中的“UTF-8”，选择“通过编码重新打开”，再选“Simplified Chinese (GB 18030)”。',
        'The file is full of garbled characters: it is most likely GB18030/GBK but was opened as UTF-8, so it was not checked. Click “UTF-8” in the status bar, choose “Reopen with Encoding” and pick “Simplified Chinese (GB 18030)”.',
      ),
      locale,
    ),
  };
}

const docUris = new Map<string, string>();

/** `docs/rules/<ID>.md` shipped next to the bundle (dist/../docs); computed once a rule (every diagnostic names one). */
export function ruleDocUri(ruleId: string): string {
  let uri = docUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href;
    docUris.set(ruleId, uri);
  }
  return uri;
}

const EMPTY_MODEL = parseReport('');

/**
 * The rules a document is checked with: the `gkreport.rules` setting, then the configuration file
 * (`.gkreport.jsonc`) over it, rule by rule (as markdownlint's file configuration wins over the user's).
 */
export function combinedRules(settings: Settings, governing: Governing): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const [key, value] of Object.entries(settings.rules)) {
    const rule = ruleOf(key);
    if (rule) rules[rule.meta.id] = value;
  }
  return { ...rules, ...governing.config?.rules };
}

/** What is wrong with the settings or the configuration file, as diagnostics at the top of a report. */
function problemDiagnostics(problems: readonly Localized[], locale: Locale): Diagnostic[] {
  return problems.map((problem) => ({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    code: 'config',
    source: SOURCE,
    message: localize(problem, locale),
  }));
}

const filePath = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

interface Parsed {
  version: number;
  model: ReportModel;
}

export class AnalysisCache {
  private readonly parsed = new Map<string, Parsed>();
  private readonly analyses = new Map<string, { generation: number; governing: Governing; analysis: Analysis }>();
  /** Configuration files (`.gkreport.jsonc`), looked up again on each check: they may change at any time. */
  private readonly configs = new ConfigResolver({ fresh: true });

  constructor(
    private readonly lookup: (uri: string) => TextDocument | undefined,
    public workspace: WorkspaceProvider = () => [],
    public closedReportText: ClosedReportText = () => undefined,
    /** Where a rule that failed on a document is reported (the server logs it). */
    public onFault: (uri: string, fault: Fault) => void = () => {},
    /** Adds what the server knows beyond the check to a document's diagnostics (the source place of an imported report). */
    public decorate: (uri: string, model: ReportModel, diagnostics: Diagnostic[], locale: Locale) => Diagnostic[] = (_u, _m, diagnostics) => diagnostics,
  ) {}

  /** The parsed model of a document version (shared by its own check and other documents' cross checks). */
  modelOf(document: TextDocument): ReportModel {
    const cached = this.parsed.get(document.uri);
    if (cached?.version === document.version) return cached.model;
    const model = parseReport(document.getText());
    this.parsed.set(document.uri, { version: document.version, model });
    return model;
  }

  /** The configuration file that governs a document (none for a document that is not a file). */
  governing(uri: string): Governing {
    const file = filePath(uri);
    return file === undefined ? {} : this.configs.forFile(file);
  }

  get(document: TextDocument, settings: Settings, locale: Locale, generation: number): Analysis {
    const cached = this.analyses.get(document.uri);
    const governing = this.governing(document.uri);
    if (
      cached &&
      cached.generation === generation &&
      cached.analysis.version === document.version &&
      cached.governing.config === governing.config &&
      cached.analysis.locale === (governing.config?.locale ?? locale)
    ) {
      return cached.analysis;
    }
    const text = document.getText();
    const isReport = isReportDocument(document.languageId, document.uri, text, settings.detectReports);
    // Other text files are not parsed at all: an empty model answers their requests.
    const model = isReport ? this.modelOf(document) : EMPTY_MODEL;
    const analysis = this.analyze(document.uri, document.version, text, isReport ? model : undefined, settings, locale, governing);
    this.analyses.set(document.uri, { generation, governing, analysis });
    return analysis;
  }

  /**
   * Checks a text: the findings of its model (none when it is not a report), as diagnostics of `uri`.
   * Open documents come through `get`; files that are not open (the workspace check) come here directly.
   */
  analyze(uri: string, version: number, text: string, model: ReportModel | undefined, settings: Settings, editorLocale: Locale, governing = this.governing(uri)): Analysis {
    let findings: Finding[] = [];
    // The configuration file's locale wins over the setting for the document's diagnostics.
    const locale = governing.config?.locale ?? editorLocale;
    const file = filePath(uri);
    // A document its configuration file ignores (`ignores`) gets no findings (hovers and outline stay).
    const ignored = file !== undefined && governing.config?.ignored(file) === true;
    if (model && looksMisdecoded(text)) {
      return { uri, version, text, isReport: true, model, findings, index: new LineIndex(text), diagnostics: [misdecodedDiagnostic(locale)], locale };
    }
    if (model && !ignored) {
      const run = runRules(model, { rules: combinedRules(settings, governing), workspace: this.workspace(uri, model) });
      for (const fault of run.faults) this.onFault(uri, fault);
      findings = run.findings;
    }
    const index = new LineIndex(text);
    // Each other report is indexed once per check, however many related locations point into it.
    const others = new Map<string, { uri: string; index: LineIndex } | undefined>();
    const otherFile = (file: string) => {
      if (!others.has(file)) others.set(file, this.otherFile(file));
      return others.get(file);
    };
    let diagnostics = this.decorate(uri, model ?? EMPTY_MODEL, findings.map((finding) => toDiagnostic(finding, { index, uri, locale, includeData: true, ruleDocUri, otherFile })), locale);
    const problems = [...settingsProblems(settings), ...(governing.config?.problems ?? [])];
    if (model && problems.length > 0) diagnostics = [...problemDiagnostics(problems, locale), ...diagnostics];
    return { uri, version, text, isReport: model !== undefined, model: model ?? EMPTY_MODEL, findings, index, diagnostics, locale };
  }

  private otherFile(file: string): { uri: string; index: LineIndex } | undefined {
    const uri = file.includes('://') ? file : pathToFileURL(file).href;
    const text = this.lookup(uri)?.getText() ?? this.closedReportText(file);
    return text === undefined ? undefined : { uri, index: new LineIndex(text) };
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
    this.analyses.delete(uri);
  }

  /**
   * `model` (of `uri`) was checked again: the open reports that compare with it — the same agency's
   * report for the year after — hold stale cross-report findings. Drops them; returns their URIs.
   */
  invalidateDependents(uri: string, model: ReportModel): string[] {
    const stale: string[] = [];
    for (const [other, { analysis }] of this.analyses) {
      if (other !== uri && analysis.isReport && isPreviousYear(analysis.model.meta, model.meta)) stale.push(other);
    }
    for (const other of stale) this.analyses.delete(other);
    return stale;
  }

  /** Another report changed: findings that compare with it must be computed again (parses stay). */
  forgetFindings(): void {
    this.analyses.clear();
  }
}

/** The default workspace: the other open documents that look like reports. */
export function openReports(cache: AnalysisCache, all: () => TextDocument[]): WorkspaceProvider {
  return (uri) =>
    all()
      .filter((d) => d.uri !== uri && isReportDocument(d.languageId, d.uri, d.getText(), true))
      .map((d) => ({ file: d.uri, model: cache.modelOf(d) }));
}
