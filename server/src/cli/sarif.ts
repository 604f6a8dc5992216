// SARIF 2.1.0 output, for code-scanning dashboards and CI annotations.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex, allRules, localize, type Locale, type Rule, type Severity, type Span } from '../core';
import { TOOL_NAME, VERSION } from '../contract/version';
import type { CheckedFile, FailedFile } from './format';
import { otherFileIndexes } from '../host/files';
import { sourcePlaces } from './format';
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

export function toSarif(files: readonly CheckedFile[], locale: Locale, rules: readonly Rule[] = allRules, failed: readonly FailedFile[] = []) {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  const otherFile = otherFileIndexes();
  const results = files.flatMap((checked) => {
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
  });
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

export function formatSarif(files: readonly CheckedFile[], locale: Locale, failed: readonly FailedFile[] = []): string {
  return JSON.stringify(toSarif(files, locale, allRules, failed), null, 2) + '\n';
}
