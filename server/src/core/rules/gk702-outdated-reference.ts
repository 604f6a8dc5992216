// GK702 outdated-reference: 国务院令第492号 (the 2007 条例) cited as the basis, or
// 国办公开办函〔2019〕60号 (the 2019 report format) in a report for 2021 or later.
import type { Span } from '../base/types';
import type { Fix } from './types';
import { defineRule } from './types';
import { msg } from '../base/i18n';

declare module './types' {
  interface RuleData {
    GK702: { found: string; replacement: string; reportYear?: number };
  }
}

const SENTENCE_END = '。；;！？!?\n';

/** The sentence around a span, bounded to 160 characters on each side. */
function sentenceAround(text: string, span: Span): string {
  let a = span.start;
  for (let k = 0; a > 0 && k < 160 && !SENTENCE_END.includes(text[a - 1]); k++) a--;
  // A line break inside a wrapped PDF paragraph is not a sentence end: go on to the previous one.
  let b = span.end;
  for (let k = 0; b < text.length && k < 160 && !'。；;！？!?'.includes(text[b]); k++) b++;
  let before = text.slice(a, span.start);
  if (a > 0 && text[a - 1] === '\n') {
    let a2 = a - 1;
    for (let k = 0; a2 > 0 && k < 160 && !'。；;！？!?'.includes(text[a2 - 1]); k++) a2--;
    before = text.slice(a2, span.start);
  }
  return (before + text.slice(span.start, b)).replace(/\s+/g, '');
}

/** 国务院令第492号 named as the legal basis (after the 条例's title), not as history (2007年…公布). */
function citedAsBasis(text: string, span: Span): boolean {
  const s = sentenceAround(text, span);
  if (!/政府信息公开条例|《条例》/.test(s)) return false;
  if (/修订|修正|废止|2007年|原《|旧《|原条例|旧条例/.test(s)) return false;
  return true;
}

function replaceFix(id: string, span: Span, newText: string, zh: string, en: string): Fix {
  return { id, title: msg(zh, en), edits: [{ span, newText }], safe: true, preferred: true };
}

export default defineRule({
  meta: {
    id: 'GK702',
    name: 'outdated-reference',
    group: 'L',
    defaultSeverity: 'warning',
    description: msg(
      '不应以国务院令第492号（2007年条例）为依据；2021年度起的报告不应再引用国办公开办函〔2019〕60号。',
      'Cites neither 国务院令第492号 (the 2007 Regulation) as the basis nor, for report years from 2021, 国办公开办函〔2019〕60号.',
    ),
    example: { from: '(国务院令第711号)', to: '(国务院令第492号)' },
  },
  check(ctx) {
    const { text, model } = ctx;
    const year = model.meta.reportYear;
    for (const doc of model.meta.docNumbers) {
      if (doc.text === '国务院令第492号') {
        if (year !== undefined && year < 2019) continue;
        if (!citedAsBasis(text, doc.span)) continue;
        const written = text.slice(doc.span.start, doc.span.end).replace(/\s+/g, '');
        const replacement = written.startsWith('国令') ? '国令第711号' : '国务院令第711号';
        ctx.emit({
          span: doc.span,
          message: msg(
            `引用的${written}是2007年公布的原条例，现行条例为2019年修订的国务院令第711号（自2019年5月15日起施行）`,
            `${written} is the 2007 Regulation; the Regulation in force is the 2019 revision, 国务院令第711号 (in force since 15 May 2019)`,
          ),
          fixes: [replaceFix('replace-doc-number', doc.span, replacement, `改为${replacement}`, `Replace with ${replacement}`)],
          data: { found: doc.text, replacement: '国务院令第711号' },
        });
      } else if (doc.text === '国办公开办函〔2019〕60号') {
        if (year === undefined || year < 2021) continue;
        const replacement = '国办公开办函〔2021〕30号';
        ctx.emit({
          span: doc.span,
          message: msg(
            `国办公开办函〔2019〕60号规定的是2019、2020年度报告的格式；本报告为${year}年度，应依据国办公开办函〔2021〕30号`,
            `国办公开办函〔2019〕60号 set the format for the 2019 and 2020 reports; this report is for ${year}, so the basis is 国办公开办函〔2021〕30号`,
          ),
          fixes: [replaceFix('replace-doc-number', doc.span, replacement, `改为${replacement}`, `Replace with ${replacement}`)],
          data: { found: doc.text, replacement, reportYear: year },
        });
      }
    }
  },
});
