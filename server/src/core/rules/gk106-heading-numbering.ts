import type { TextEdit } from '../base/types';
import { defineRule, type RuleContext, type RuleData } from './types';
import type { Heading } from '../model/model';
import { msg } from '../base/i18n';
import { toChineseNumeral } from '../base/numerals';
import { memoize } from '../base/text';

declare module './types' {
  interface RuleData {
    GK106: { level: 1 } | { level: 2; expected: number; actual: number };
  }
}

/** Longest run of sub-headings a renumbering fix rewrites. */
const MAX_RENUMBERED = 60;
/** toChineseNumeral writes up to 九百九十九. */
const MAX_NUMERAL = 999;

/** Messages by their numbers: a text of thousands of headings repeats the same few (one object each). */
const PREVIOUS_TOP = msg('上一个一级标题', 'previous top-level heading');
const PREVIOUS_SUB = msg('上一个同级标题', 'previous heading at this level');
const RENUMBER = msg('重新编号本组标题', 'Renumber this run of headings');
const topMessage = memoize((key: string) => {
  const [from, to] = key.split('/').map(Number);
  return msg(
    `一级标题编号从“${toChineseNumeral(from)}”回到“${toChineseNumeral(to)}”：同一层级用了两套编号`,
    `Top-level numbering goes back from ${from} to ${to}: two numbering systems at one level`,
  );
});
const subMessage = memoize((key: string) => {
  const [expected, actual] = key.split('/').map(Number);
  return msg(`序号应为（${toChineseNumeral(expected)}），实际为（${toChineseNumeral(actual)}）`, `Number should be (${expected}), found (${actual})`);
});

/** Sub-heading numbers that skip or repeat, and top-level numbering that starts over. */
export default defineRule({
  meta: {
    id: 'GK106',
    name: 'heading-numbering',
    group: 'S',
    defaultSeverity: 'warning',
    description: msg('标题序号跳号、重号，或同一层级混用两套编号。', 'Heading numbers skip or repeat, or two numbering systems are mixed at one level.'),
  },
  check(ctx) {
    const { model } = ctx;
    const top = [...model.parts.map((p) => p.heading), ...model.otherTopHeadings].sort((a, b) => a.span.start - b.span.start);
    for (let i = 1; i < top.length; i++) {
      if (top[i].number > top[i - 1].number) continue;
      ctx.emit({
        span: top[i].markerSpan,
        message: topMessage(`${top[i - 1].number}/${top[i].number}`),
        related: [{ span: top[i - 1].markerSpan, message: PREVIOUS_TOP }],
        data: { level: 1 },
      });
    }
    // Level-2 runs restart after every level-1 heading.
    const runs: Heading[][] = [];
    let run: Heading[] = [];
    const subs = model.headings.filter((h) => h.level === 2);
    let b = 0;
    const topLines = top.map((h) => h.line);
    for (const h of subs) {
      let crossed = false;
      while (b < topLines.length && topLines[b] < h.line) {
        b++;
        crossed = true;
      }
      if (crossed && run.length > 0) {
        runs.push(run);
        run = [];
      }
      run.push(h);
    }
    if (run.length > 0) runs.push(run);
    for (const r of runs) {
      let expected = 1;
      for (let i = 0; i < r.length; i++) {
        const h = r[i];
        if (h.number !== expected) reportSub(ctx, r, i, expected);
        expected = h.number + 1;
      }
    }
  },
});

/** The finding for a sub-heading numbered out of order (rare: built apart from the loop, whose optimised code stays small). */
function reportSub(ctx: RuleContext<RuleData['GK106']>, r: Heading[], i: number, expected: number): void {
  const h = r[i];
  // Renumbering rewrites the rest of the run: offered for runs of real sub-headings only, so
  // that a text of thousands of `(一)` lines does not get a fix per line over all later lines.
  const renumber = r.length - i <= MAX_RENUMBERED && expected + r.length - i - 1 <= MAX_NUMERAL;
  const edits: TextEdit[] = renumber
    ? r.slice(i).map((x, k) => ({
        span: x.markerSpan,
        newText: `${ctx.text[x.markerSpan.start]}${toChineseNumeral(expected + k)}${ctx.text[x.markerSpan.end - 1]}`,
      }))
    : [];
  ctx.emit({
    span: h.markerSpan,
    message: subMessage(`${expected}/${h.number}`),
    related: i > 0 ? [{ span: r[i - 1].markerSpan, message: PREVIOUS_SUB }] : [],
    fixes: renumber ? [{ id: 'renumber', title: RENUMBER, edits, safe: false }] : [],
    data: { level: 2, expected, actual: h.number },
  });
}
