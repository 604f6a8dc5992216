import { defineRule } from './types';
import { msg } from '../base/i18n';
import { PARTS } from '../spec/parts';
import { toChineseNumeral } from '../base/numerals';
import { eolOf } from '../base/text';

declare module './types' {
  interface RuleData {
    GK101: { part: number };
  }
}

/** One of the six required parts (条例第五十条) is absent. */
export default defineRule({
  meta: {
    id: 'GK101',
    name: 'section-missing',
    group: 'S',
    defaultSeverity: 'error',
    description: msg('缺少年度报告必备的六个部分之一（条例第五十条）。', 'One of the six required parts is missing (Art. 50).'),
  },
  check(ctx) {
    const { model } = ctx;
    const present = new Set(model.parts.map((p) => p.index));
    const eol = eolOf(model.text);
    for (const def of PARTS) {
      if (present.has(def.index)) continue;
      const heading = `${toChineseNumeral(def.index)}、${def.title}`;
      // Insert before the next part present, or at the end.
      const next = model.parts
        .filter((p) => p.index > def.index)
        .sort((a, b) => a.heading.span.start - b.heading.span.start)[0];
      const at = next ? model.lines[next.heading.line].start : model.text.length;
      const newText = next ? heading + eol : (model.text.endsWith('\n') || model.text === '' ? '' : eol) + heading + eol;
      ctx.emit({
        span: next ? next.heading.span : { start: model.text.length, end: model.text.length },
        message: msg(`缺少第${toChineseNumeral(def.index)}部分“${heading}”`, `Part ${def.index} “${heading}” is missing`),
        fixes: [
          {
            id: 'insert-section',
            title: msg(`插入“${heading}”`, `Insert “${heading}”`),
            edits: [{ span: { start: at, end: at }, newText }],
            safe: false,
          },
        ],
        data: { part: def.index },
      });
    }
  },
});
