#!/usr/bin/env node
// Generates server/src/core/spec/law/regulation.generated.ts from regulation-2019.md
// (the 2019 政府信息公开条例: 6 chapters, 56 articles).
//
//   node scripts/gen-law.mjs          write the generated file
//   node scripts/gen-law.mjs --check  exit 1 when the generated file is out of date
//
// Source format (after the `# 正文` line):
//   `# 第X章　title`  a chapter      `## 第X条`  an article
//   non-empty text blocks are paragraphs (款); lines starting with `（一）` are items (项)
//   and belong to the paragraph before them.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lawDir = join(root, 'server/src/core/spec/law');
const source = join(lawDir, 'regulation-2019.md');
const target = join(lawDir, 'regulation.generated.ts');

const DIGITS = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 (the 条例 needs no more). */
function cn(s) {
  let total = 0;
  let current = -1;
  for (const ch of s) {
    if (ch in DIGITS) current = DIGITS[ch];
    else if (ch === '十') {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else throw new Error(`not a Chinese numeral: ${s}`);
  }
  return current >= 0 ? total + current : total;
}

export function parseRegulation(md) {
  const lines = md.split(/\r\n|\r|\n/);
  const bodyStart = lines.findIndex((l) => l.trim() === '# 正文');
  if (bodyStart < 0) throw new Error('no `# 正文` line');
  const chapters = [];
  const articles = [];
  let article = null;
  let paragraph = null; // the paragraph items attach to
  let block = null; // the text block being read: { kind: 'p' | 'item' }
  const endBlock = () => {
    block = null;
  };
  for (let i = bodyStart + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    let m;
    if ((m = /^# 第([一二三四五六七八九十]+)章[\s\u3000]+(.+)$/.exec(line))) {
      chapters.push({ number: cn(m[1]), title: m[2].trim() });
      article = null;
      paragraph = null;
      endBlock();
      continue;
    }
    if ((m = /^## 第([一二三四五六七八九十]+)条$/.exec(line))) {
      if (chapters.length === 0) throw new Error(`article before any chapter: ${line}`);
      article = { number: cn(m[1]), chapter: chapters[chapters.length - 1].number, paragraphs: [] };
      articles.push(article);
      paragraph = null;
      endBlock();
      continue;
    }
    if (line.startsWith('#')) throw new Error(`unexpected heading in the body: ${line}`);
    if (line === '') {
      endBlock();
      continue;
    }
    if (!article) throw new Error(`text outside an article: ${line}`);
    if (/^（[一二三四五六七八九十]+）/.test(line)) {
      if (!paragraph) throw new Error(`item without a paragraph in article ${article.number}`);
      paragraph.items.push(line);
      block = { kind: 'item' };
      continue;
    }
    if (block) {
      // A continuation line of the same block.
      if (block.kind === 'item') paragraph.items[paragraph.items.length - 1] += line;
      else paragraph.text += line;
      continue;
    }
    paragraph = { text: line, items: [] };
    article.paragraphs.push(paragraph);
    block = { kind: 'p' };
  }
  // Sanity: 6 chapters, 56 articles numbered 1..56, every article has text, items numbered in order.
  if (chapters.length !== 6) throw new Error(`expected 6 chapters, found ${chapters.length}`);
  chapters.forEach((c, i) => {
    if (c.number !== i + 1) throw new Error(`chapter ${i + 1} is numbered ${c.number}`);
  });
  if (articles.length !== 56) throw new Error(`expected 56 articles, found ${articles.length}`);
  articles.forEach((a, i) => {
    if (a.number !== i + 1) throw new Error(`article ${i + 1} is numbered ${a.number}`);
    if (a.paragraphs.length === 0) throw new Error(`article ${a.number} has no text`);
    for (const p of a.paragraphs) {
      p.items.forEach((item, k) => {
        const n = cn(/^（([一二三四五六七八九十]+)）/.exec(item)[1]);
        if (n !== k + 1) throw new Error(`article ${a.number}: item ${k + 1} is numbered ${n}`);
      });
    }
  });
  return { chapters, articles };
}

function render({ chapters, articles }) {
  const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const out = [];
  out.push('// GENERATED FILE — do not edit by hand.');
  out.push('// Source: server/src/core/law/regulation-2019.md (中华人民共和国政府信息公开条例, 2019 revision,');
  out.push('// 国务院令第711号). Regenerate with `node scripts/gen-law.mjs`; check with `node scripts/gen-law.mjs --check`.');
  out.push("import type { RegulationData } from './types';");
  out.push('');
  out.push('export const REGULATION: RegulationData = {');
  out.push(`  title: ${q('中华人民共和国政府信息公开条例')},`);
  out.push(`  document: ${q('国务院令第711号')},`);
  out.push('  chapters: [');
  for (const c of chapters) out.push(`    { number: ${c.number}, title: ${q(c.title)} },`);
  out.push('  ],');
  out.push('  articles: [');
  for (const a of articles) {
    out.push(`    {`);
    out.push(`      number: ${a.number},`);
    out.push(`      chapter: ${a.chapter},`);
    out.push(`      paragraphs: [`);
    for (const p of a.paragraphs) {
      if (p.items.length === 0) {
        out.push(`        { text: ${q(p.text)}, items: [] },`);
      } else {
        out.push(`        {`);
        out.push(`          text: ${q(p.text)},`);
        out.push(`          items: [`);
        for (const item of p.items) out.push(`            ${q(item)},`);
        out.push(`          ],`);
        out.push(`        },`);
      }
    }
    out.push(`      ],`);
    out.push(`    },`);
  }
  out.push('  ],');
  out.push('};');
  out.push('');
  return out.join('\n');
}

const generated = render(parseRegulation(readFileSync(source, 'utf8')));
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== generated) {
    console.error(`${target} is out of date: run node scripts/gen-law.mjs`);
    process.exit(1);
  }
  console.log('regulation.generated.ts is up to date');
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
