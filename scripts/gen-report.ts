// Deterministic synthetic reports of a given size, for the benchmark and the size tests: a title,
// preamble and the six parts, with tables 二, 三 and 四 (from the layout data) and long prose full of
// numbers, dates and 条例 references, repeated until the size is reached.
import { tableDef } from '../server/src/core/spec/layout';
import { renderTable, type WritableSyntax } from '../server/src/core/spec/templates';

/** mulberry32: small and deterministic, so every run benchmarks the same text. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  (n: () => number) => `本年度共收到政府信息公开申请${n()}件，其中自然人申请${n()}件，法人或其他组织申请${n()}件。`,
  (n: () => number) => `依据《中华人民共和国政府信息公开条例》第二十条第（${['一', '五', '六', '八'][n() % 4]}）项规定，主动公开政府信息${n()}条。`,
  (n: () => number) => `2023年${1 + (n() % 12)}月${1 + (n() % 28)}日，召开政务公开工作推进会，部署重点任务${n()}项。`,
  () => '进一步健全政府信息公开工作机制，加强政策解读和回应关切，提升政务公开标准化规范化水平。',
  (n: () => number) => `通过政府网站发布信息${n()}条，政务新媒体发布${n()}条，举办新闻发布会${n()}场。`,
  (n: () => number) => `按照《条例》第三十三条规定，在${n() % 20}个工作日内予以答复，答复率${n() % 101}%。`,
];

function prose(next: () => number, sentences: number): string {
  const n = () => Math.floor(next() * 1000);
  let out = '';
  for (let i = 0; i < sentences; i++) out += SENTENCES[Math.floor(next() * SENTENCES.length)](n);
  return out;
}

function table(kind: 'active' | 'requests' | 'review', syntax: WritableSyntax, next: () => number): string[] {
  return renderTable(tableDef('2021', kind), syntax, () => String(Math.floor(next() * 50)));
}

/** One block of a report: six parts with their tables. */
function block(next: () => number, syntax: WritableSyntax): string[] {
  return [
    '一、总体情况',
    prose(next, 12),
    `（一）主动公开`,
    prose(next, 8),
    '二、主动公开政府信息情况',
    ...table('active', syntax, next),
    '三、收到和处理政府信息公开申请情况',
    ...table('requests', syntax, next),
    '四、政府信息公开行政复议、行政诉讼情况',
    ...table('review', syntax, next),
    '五、存在的主要问题及改进情况',
    prose(next, 10),
    '六、其他需要报告的事项',
    prose(next, 6),
  ];
}

/** A report of at least `bytes` UTF-8 bytes; the same `seed` gives the same text. */
export function generateReport(bytes: number, seed = 1): string {
  const next = randomSource(seed);
  const lines = [
    '某市人民政府办公室2023年政府信息公开工作年度报告',
    `根据《中华人民共和国政府信息公开条例》（国务院令第711号）规定，现公布某市人民政府办公室2023年政府信息公开工作年度报告。本报告统计期限为2023年1月1日至2023年12月31日。`,
  ];
  const syntaxes: WritableSyntax[] = ['markdown', 'pipe', 'tab'];
  let size = Buffer.byteLength(lines.join('\n'));
  for (let i = 0; size < bytes; i++) {
    const more = block(next, syntaxes[i % syntaxes.length]);
    lines.push(...more);
    size += Buffer.byteLength(more.join('\n')) + 1;
  }
  lines.push('某市人民政府办公室', '2024年1月20日');
  return lines.join('\n') + '\n';
}

// ── texts that stress one dimension, for the linearity bench and tests ──────

/** What a generated text is heavy in: a normal report, prose with counts and shares, headings, table rows. */
export type TextShape = 'normal' | 'prose' | 'headings' | 'tables';

const HEAD_LINES = [
  '某市人民政府办公室2023年政府信息公开工作年度报告',
  '根据《中华人民共和国政府信息公开条例》（国务院令第711号）规定，现公布某市人民政府办公室2023年政府信息公开工作年度报告。本报告统计期限为2023年1月1日至2023年12月31日。',
];
const TAIL_LINES = ['某市人民政府办公室', '2024年1月20日'];

/** Lines from `more()` after the head until the text has `bytes` UTF-8 bytes, then the signature. */
function fill(bytes: number, more: (i: number) => string[]): string {
  const lines = [...HEAD_LINES];
  let size = Buffer.byteLength(lines.join('\n'));
  for (let i = 0; size < bytes; i++) {
    const next = more(i);
    lines.push(...next);
    size += Buffer.byteLength(next.join('\n')) + 1;
  }
  lines.push(...TAIL_LINES);
  return lines.join('\n') + '\n';
}

/**
 * Prose about requests, dense in counts and shares (GK401–GK404 read every one): paragraphs of
 * sentences like `收到申请N件，其中予以公开M件，占P%` under the part headings, long paragraphs included.
 */
function proseHeavy(bytes: number, seed: number): string {
  const next = randomSource(seed);
  const n = () => 1 + Math.floor(next() * 900);
  const sentence = () => {
    const whole = n();
    const part = Math.floor(whole * next());
    const share = ((part * 100) / whole).toFixed(next() < 0.5 ? 0 : 2);
    return `本年度共收到政府信息公开申请${whole}件，其中予以公开${part}件，占${share}%，答复${whole}件，结转下年度${n() % 20}件。`;
  };
  const parts = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  return fill(bytes, (i) => {
    // Every fourth paragraph is long (a PDF page run into one paragraph); the others have a few sentences.
    const count = i % 4 === 3 ? 200 : 1 + (i % 5);
    const lines = i % 6 === 0 ? [parts[(i / 6) % parts.length]] : [];
    lines.push(Array.from({ length: count }, sentence).join(''));
    return lines;
  });
}

/** Headings and little else: `一、` and `（一）` lines with a short sentence under each, the six parts over and over. */
function headingHeavy(bytes: number, seed: number): string {
  const next = randomSource(seed);
  const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return fill(bytes, (i) => {
    const lines = [`${numerals[i % 6]}、${titles[i % 6]}`];
    for (let k = 0; k < 3; k++) lines.push(`（${numerals[k]}）工作情况${Math.floor(next() * 100)}`, `${numerals[k]}、推进公开`, '完善制度。');
    return lines;
  });
}

/** Table rows and little else: tables 二, 三 and 四 over and over in the three syntaxes, under their parts. */
function tableHeavy(bytes: number, seed: number): string {
  const next = randomSource(seed);
  const syntaxes: WritableSyntax[] = ['markdown', 'pipe', 'tab'];
  return fill(bytes, (i) => {
    const syntax = syntaxes[i % syntaxes.length];
    return [
      '二、主动公开政府信息情况',
      ...table('active', syntax, next),
      '三、收到和处理政府信息公开申请情况',
      ...table('requests', syntax, next),
      '四、政府信息公开行政复议、行政诉讼情况',
      ...table('review', syntax, next),
    ];
  });
}

/** A text of at least `bytes` UTF-8 bytes heavy in one dimension; the same `seed` gives the same text. */
export function generateShaped(shape: TextShape, bytes: number, seed = 1): string {
  switch (shape) {
    case 'normal':
      return generateReport(bytes, seed);
    case 'prose':
      return proseHeavy(bytes, seed);
    case 'headings':
      return headingHeavy(bytes, seed);
    case 'tables':
      return tableHeavy(bytes, seed);
  }
}
