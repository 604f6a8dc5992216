// Headings: `一、总体情况` (level 1) and `(一)…` / `（一）…` (level 2), with optional Markdown `#`.
import type { Heading, Line } from '../model/model';
import { parseChineseNumeral } from '../base/numerals';
import { isSpace, normalizeWidth } from '../base/text';

const MAX_LEVEL1_TITLE = 40;
const MAX_MARKER_NUMERAL = 3;
const NUMERAL_CHARS = '零一二三四五六七八九十';
/** First characters (as written, before width normalisation) a heading line may start with. */
const MAY_START_HEADING = `(（＃${NUMERAL_CHARS}`;

function skipLeading(n: string): number {
  let i = 0;
  while (i < n.length && (isSpace(n[i]) || n[i] === '#')) i++;
  return i;
}

function numeralRun(n: string, from: number): number {
  let j = from;
  while (j < n.length && j - from < MAX_MARKER_NUMERAL + 1 && NUMERAL_CHARS.includes(n[j])) j++;
  return j;
}

/** Title of a heading: up to the first 。, trimmed. Returns [start, end) within the line. */
function titleRange(n: string, from: number): [number, number] {
  let a = from;
  while (a < n.length && n[a] === ' ') a++;
  let b = n.indexOf('。', a);
  if (b < 0) b = n.length;
  while (b > a && n[b - 1] === ' ') b--;
  return [a, b];
}

/** A heading candidate for this line, or undefined. `lineIndex` is the line's number. */
export function detectHeading(line: Line, lineIndex: number): Heading | undefined {
  // Most lines cannot start a heading: decide on the first character before normalising the line.
  const first = line.text[skipLeading(line.text)];
  if (first === undefined || !MAY_START_HEADING.includes(first)) return undefined;
  const n = normalizeWidth(line.text);
  const i = skipLeading(n);
  if (i >= n.length) return undefined;
  const at = (a: number, b: number) => ({ start: line.start + a, end: line.start + b });
  if (n[i] === '(') {
    const j = numeralRun(n, i + 1);
    if (j === i + 1 || n[j] !== ')') return undefined;
    const number = parseChineseNumeral(n.slice(i + 1, j));
    if (number === undefined) return undefined;
    const [a, b] = titleRange(n, j + 1);
    if (a === b) return undefined;
    return {
      line: lineIndex,
      span: at(i, line.text.length),
      markerSpan: at(i, j + 1),
      titleSpan: at(a, b),
      title: line.text.slice(a, b),
      level: 2,
      number,
      bracket: line.text[i] === '(' ? 'half' : 'full',
    };
  }
  const j = numeralRun(n, i);
  if (j === i) return undefined;
  let k = j;
  while (k < n.length && n[k] === ' ') k++;
  if (n[k] !== '、' && n[k] !== '.') return undefined;
  const number = parseChineseNumeral(n.slice(i, j));
  if (number === undefined) return undefined;
  const [a, b] = titleRange(n, k + 1);
  if (a === b) return undefined;
  const title = line.text.slice(a, b);
  if (title.replace(/\s/g, '').length > MAX_LEVEL1_TITLE) return undefined;
  return {
    line: lineIndex,
    span: at(i, line.text.length),
    markerSpan: at(i, k + 1),
    titleSpan: at(a, b),
    title,
    level: 1,
    number,
  };
}
