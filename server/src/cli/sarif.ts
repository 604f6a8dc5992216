// SARIF 2.1.0 output, for code-scanning dashboards and CI annotations.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex, allRules, localize, type Locale, type Rule, type Severity, type Span } from '../core';
import { TOOL_NAME, VERSION } from '../contract/version';
import type { CheckedFile, FailedFile, OtherFile } from './format';
import { otherFileIndexes } from '../host/files';
import { indentedJson, sourcePlaces } from './format';
import type { SourcePlace } from '../import/common/place';

function sourceProperties(place: SourcePlace | undefined, locale: Locale) {
  return place ? { sourceLocation: { ...place.location, place: localize(place.text, locale) } } : {};
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A URI reference for a path: relative paths stay relative (forward slashes), absolute ones become file: URLs. */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return encodeURI(file.split(path.sep).join('/'));
}

/** 1-based lines and columns; columns count UTF-16 code units (`columnKind` of the run). */
export function region(index: LineIndex, span: Span) {
  const start = index.positionAt(span.start);
  const end = index.positionAt(span.end);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function sarifRule(rule: Rule, locale: Locale) {
  return {
    id: rule.meta.id,
    name: rule.meta.name,
    shortDescription: { text: localize(rule.meta.description, locale) },
    defaultConfiguration: { level: sarifLevel(rule.meta.defaultSeverity) },
  };
}

/** The SARIF results of one checked file. */
export function sarifResults(checked: CheckedFile, locale: Locale, ruleIndex: ReadonlyMap<string, number>, otherFile: OtherFile) {
  const { file, text, findings } = checked;
  const index = new LineIndex(text);
  const uri = artifactUri(file);
  const place = sourcePlaces(checked);
  return findings.map((finding) => {
    const relatedLocations = finding.related.flatMap((info, i) => {
      const target = info.file === undefined ? { uri, index } : otherFile(info.file);
      if (!target) return [];
      const targetUri = info.file === undefined ? uri : artifactUri(info.file);
      return [
        {
          id: i + 1,
          physicalLocation: { artifactLocation: { uri: targetUri }, region: region(target.index, info.span) },
          message: { text: localize(info.message, locale) },
        },
      ];
    });
    return {
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
      level: sarifLevel(finding.severity),
      message: { text: localize(finding.message, locale) },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(index, finding.span) } }],
      ...(relatedLocations.length > 0 ? { relatedLocations } : {}),
      // A converted file's region is in the converted text; the place in the source goes with it.
      ...(place ? { properties: sourceProperties(place(finding.span.start), locale) } : {}),
    };
  });
}

const ruleIndexOf = (rules: readonly Rule[]) => new Map(rules.map((rule, i) => [rule.meta.id, i]));

/** The SARIF log around its results. */
function sarifLog(results: unknown[], locale: Locale, rules: readonly Rule[], failed: readonly FailedFile[]) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: VERSION, rules: rules.map((rule) => sarifRule(rule, locale)) } },
        language: locale === 'zh-cn' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits',
        // Files that could not be read: the run went on without them.
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            toolExecutionNotifications: failed.map((f) => ({
              level: 'error',
              message: { text: localize(f.reason, locale) },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file) } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
}

export function toSarif(files: readonly CheckedFile[], locale: Locale, rules: readonly Rule[] = allRules, failed: readonly FailedFile[] = []) {
  const ruleIndex = ruleIndexOf(rules);
  const otherFile = otherFileIndexes();
  return sarifLog(files.flatMap((checked) => sarifResults(checked, locale, ruleIndex, otherFile)), locale, rules, failed);
}

/** Depth of `runs[0].results[i]` in the log. */
const RESULT_DEPTH = 4;

/** The SARIF output's piece of one file: its results, indented as elements of `results`. */
export function sarifPiece(checked: CheckedFile, locale: Locale, otherFile: OtherFile, rules: readonly Rule[] = allRules): string {
  const ruleIndex = ruleIndexOf(rules);
  return sarifResults(checked, locale, ruleIndex, otherFile)
    .map((result) => indentedJson(result, RESULT_DEPTH))
    .join(',\n');
}

/** The SARIF log from the files' pieces: what `JSON.stringify(toSarif(…), null, 2)` prints. */
export function assembleSarif(pieces: readonly string[], locale: Locale, failed: readonly FailedFile[] = [], rules: readonly Rule[] = allRules): string {
  const log = JSON.stringify(sarifLog([], locale, rules, failed), null, 2);
  const items = pieces.filter((p) => p !== '');
  if (items.length === 0) return log + '\n';
  // The one `"results": []` outside a string (inside one, its quotes would be escaped): the run's results.
  const empty = '"results": []';
  const at = log.lastIndexOf(empty);
  const close = '  '.repeat(RESULT_DEPTH - 1) + ']';
  return `${log.slice(0, at)}"results": [\n${items.join(',\n')}\n${close}${log.slice(at + empty.length)}\n`;
}

export function formatSarif(files: readonly CheckedFile[], locale: Locale, failed: readonly FailedFile[] = []): string {
  const otherFile = otherFileIndexes();
  return assembleSarif(files.map((f) => sarifPiece(f, locale, otherFile)), locale, failed);
}
