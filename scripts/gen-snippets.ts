// Writes snippets/gkreport.code-snippets from the layout data, so snippets never drift from the format:
// the three standard tables of the current layout (the one for the example year), the whole report
// skeleton and the part-六 fee sentence.
//   npx tsx scripts/gen-snippets.ts          write
//   npx tsx scripts/gen-snippets.ts --check  exit 1 when the committed file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { layoutForYear } from '../server/src/core/spec/layout';
import type { LayoutDef, TableDef } from '../server/src/core/spec/layout/types';
import { toChineseNumeral } from '../server/src/core/base/numerals';
import { skeletonBlocks } from '../server/src/core/service/templateList';
import { feeSentence } from '../server/src/core/spec/parts';
import { renderTable } from '../server/src/core/spec/templates';

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

const AGENCY_STOP = 1;
const YEAR_STOP = 2;

/** Snippet syntax characters written as text. */
function escape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Numbers tab stops in order of appearance; escapes everything else. */
class SnippetWriter {
  private yearWritten = false;
  private agencyWritten = false;

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

  /** The agency tab stop where it first appears, its mirror after. */
  agency(): string {
    if (this.agencyWritten) return `$${AGENCY_STOP}`;
    this.agencyWritten = true;
    return `\${${AGENCY_STOP}:某某机关}`;
  }

  /** A placeholder the user types over. */
  placeholder(defaultText: string): string {
    return `\${${this.next++}:${escape(defaultText)}}`;
  }

  table(def: TableDef): string[] {
    return renderTable(def, 'pipe', () => CELL).map((line) => this.literal(line));
  }
}

function tableSnippet(layout: LayoutDef, def: TableDef): Snippet {
  const numeral = toChineseNumeral(def.part);
  return {
    prefix: [`表${numeral}`, `biao${PINYIN[def.part]}`, `table${def.part}`, `gk-table${def.part}`],
    description: `${def.title['zh-cn']}（${layout.docNumber}）· ${def.title.en}`,
    body: new SnippetWriter(1).table(def),
  };
}

/** The report skeleton declared in the core, written with tab stops. */
function skeletonSnippet(layout: LayoutDef): Snippet {
  const w = new SnippetWriter();
  const body = skeletonBlocks(layout.id, {
    text: (literal) => w.literal(literal),
    year: () => w.year(),
    agency: () => w.agency(),
    slot: (hint) => w.placeholder(hint),
    table: (def) => w.table(def),
  }).flat();
  body.push('$0');
  return {
    prefix: ['年报', '年度报告', 'nianbao', 'gk-report', 'report-skeleton'],
    description: `政府信息公开工作年度报告框架：标题、导语、六个部分和三张标准表格（${layout.docNumber}）· Report skeleton: title, preamble, six parts, three standard tables`,
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

/** The snippets of a layout (by default the one for the example year). */
export function reportSnippets(layout: LayoutDef = layoutForYear(Number(EXAMPLE_YEAR))): Record<string, Snippet> {
  return {
    ...Object.fromEntries(layout.tables.map((def) => [def.title['zh-cn'], tableSnippet(layout, def)])),
    '年度报告框架 report skeleton': skeletonSnippet(layout),
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
