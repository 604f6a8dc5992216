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
    // Arrays built from literals (their allocation sites settle on one elements kind), walked by index:
    // a spread, a filter or a for-of over an empty result had another map and deoptimised the check.
    const top: Heading[] = [];
    const parts = model.parts;
    for (let i = 0; i < parts.length; i++) top.push(parts[i].heading);
    const others = model.otherTopHeadings;
    for (let i = 0; i < others.length; i++) top.push(others[i]);
    top.sort(byStart);
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
    const headings = model.headings;
    let b = 0;
    let start = 0; // the current run is run[start..] of `run`
    const run: Heading[] = [];
    for (let k = 0; k < headings.length; k++) {
      const h = headings[k];
      if (h.level !== 2) continue;
      let crossed = false;
      while (b < top.length && top[b].line < h.line) {
        b++;
        crossed = true;
      }
      if (crossed && run.length > start) {
        checkRun(ctx, run, start);
        start = run.length;
      }
      run.push(h);
    }
    if (run.length > start) checkRun(ctx, run, start);
  },
});

const byStart = (a: Heading, b: Heading) => a.span.start - b.span.start;

/** Sub-headings numbered out of order in the run run[start..]. */
function checkRun(ctx: RuleContext<RuleData['GK106']>, all: Heading[], start: number): void {
  let expected = 1;
  for (let i = start; i < all.length; i++) {
    const h = all[i];
    if (h.number !== expected) reportSub(ctx, all.slice(start), i - start, expected);
    expected = h.number + 1;
  }
}

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
