// Writes snippets/gkreport.code-snippets from the layout data, so snippets never drift from the format:
// the three standard tables of the 2021 layout, the whole report skeleton and the part-六 fee sentence.
//   npx tsx scripts/gen-snippets.ts          write
//   npx tsx scripts/gen-snippets.ts --check  exit 1 when the committed file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getLayout } from '../server/src/core/layout';
import { PARTS } from '../server/src/core/layout/parts';
import type { TableDef, TableKind } from '../server/src/core/layout/types';
import { toChineseNumeral } from '../server/src/core/numerals';
import { feeSentence } from '../server/src/core/rules/gk601-fee-not-reported';
import { renderTable } from '../server/src/core/templates';

export const SNIPPETS_FILE = join(resolve(__dirname, '..'), 'snippets', 'gkreport.code-snippets');

export interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

/** Year shown in the placeholders; the user types over it. */
const EXAMPLE_YEAR = '2025';
/** Marks a spot in rendered text that becomes a tab stop (never occurs in layout text). */
const CELL = '\u0000';
/** Marks a spot that mirrors the year tab stop. */
const YEAR = '\u0001';
/** Pinyin of the part numerals that carry a table, for prefixes typed without a Chinese IME. */
const PINYIN: Record<number, string> = { 2: 'er', 3: 'san', 4: 'si' };

const LAYOUT = getLayout('2021');
const AGENCY_STOP = 1;
const YEAR_STOP = 2;

/** Snippet syntax characters written as text. */
function escape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Numbers tab stops in order of appearance; escapes everything else. */
class SnippetWriter {
  private yearWritten = false;

  constructor(private next = YEAR_STOP + 1) {}

  /** `text` with `$ } \\` escaped, each CELL a `${n:0}` stop and each YEAR the year. */
  literal(text: string): string {
    return escape(text)
      .replace(/\u0000/g, () => `\${${this.next++}:0}`)
      .replace(/\u0001/g, () => this.year());
  }

  /** The year tab stop where it first appears, its mirror after. */
  year(): string {
    if (this.yearWritten) return `$${YEAR_STOP}`;
    this.yearWritten = true;
    return `\${${YEAR_STOP}:${EXAMPLE_YEAR}}`;
  }

  /** A placeholder the user types over. */
  placeholder(defaultText: string): string {
    return `\${${this.next++}:${escape(defaultText)}}`;
  }

  table(def: TableDef): string[] {
    return renderTable(def, 'pipe', () => CELL).map((line) => this.literal(line));
  }
}

function tableOf(kind: TableKind): TableDef {
  return LAYOUT.tables.find((t) => t.kind === kind)!;
}

function partHeading(index: number): string {
  return `${toChineseNumeral(index)}、${PARTS[index - 1].title}`;
}

function tableSnippet(kind: TableKind): Snippet {
  const def = tableOf(kind);
  const numeral = toChineseNumeral(def.part);
  return {
    prefix: [`表${numeral}`, `biao${PINYIN[def.part]}`, `table${def.part}`, `gk-table${def.part}`],
    description: `${def.title['zh-cn']}（${LAYOUT.docNumber}）· ${def.title.en}`,
    body: new SnippetWriter(1).table(def),
  };
}

/** Title, preamble with statistics period and contact, the six parts with their tables, the fee sentence. */
function skeletonSnippet(): Snippet {
  const w = new SnippetWriter();
  const body = [
    `\${${AGENCY_STOP}:某某机关}${w.year()}年政府信息公开工作年度报告`,
    w.literal(
      `根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（${LAYOUT.docNumber}）规定，现公布`,
    ) +
      `$${AGENCY_STOP}${w.literal(`${YEAR}年政府信息公开工作年度报告。本报告中所列数据统计期限为${YEAR}年1月1日至${YEAR}年12月31日。如对本报告有疑问和意见建议，请与`)}` +
      `${w.placeholder('本机关办公室')}联系（地址：${w.placeholder('地址')}，邮编：${w.placeholder('邮编')}，电话：${w.placeholder('电话')}，电子邮箱：${w.placeholder('电子邮箱')}）。`,
  ];
  for (const part of PARTS) {
    body.push(w.literal(partHeading(part.index)));
    if (part.table) body.push(...w.table(tableOf(part.table)));
    else if (part.index === 6) body.push(w.literal(feeSentence(YEAR)), w.placeholder(part.contents['zh-cn']));
    else body.push(w.placeholder(part.contents['zh-cn']));
  }
  body.push('$0');
  return {
    prefix: ['年报', '年度报告', 'nianbao', 'gk-report', 'report-skeleton'],
    description: `政府信息公开工作年度报告框架：标题、导语、六个部分和三张标准表格（${LAYOUT.docNumber}）· Report skeleton: title, preamble, six parts, three standard tables`,
    body,
  };
}

function feeSnippet(): Snippet {
  return {
    prefix: ['信息处理费', 'chulifei', 'gk-fee', 'fee'],
    description: '第六部分：信息处理费收取情况（国办函〔2020〕109号）· Part 6: information processing fees',
    body: [new SnippetWriter().literal(feeSentence(YEAR))],
  };
}

export function reportSnippets(): Record<string, Snippet> {
  return {
    ...Object.fromEntries(LAYOUT.tables.map((def) => [def.title['zh-cn'], tableSnippet(def.kind)])),
    '年度报告框架 report skeleton': skeletonSnippet(),
    '信息处理费说明 fee statement': feeSnippet(),
  };
}

export function snippetsJson(): string {
  return `${JSON.stringify(reportSnippets(), null, 2)}\n`;
}

if (require.main === module) {
  const text = snippetsJson();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SNIPPETS_FILE, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== text) {
      console.error('snippets/gkreport.code-snippets is out of date: run `npm run snippets`');
      process.exit(1);
    }
  } else {
    writeFileSync(SNIPPETS_FILE, text);
  }
}
