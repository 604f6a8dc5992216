// GK108 unknown-directive: a suppression comment that names no rule the checker has, or whose verb
// is none of disable-next-line, disable, enable. It silences nothing then, and the user should know.
import { defineRule } from './types';
import { msg } from '../base/i18n';
import { DIRECTIVE_KINDS, DIRECTIVE_PREFIX } from '../parse/directives';
import { ruleOfToken } from './directives';

declare module './types' {
  interface RuleData {
    /** `word` is the misspelt verb or the unknown rule id or name, as written. */
    GK108: { word: string; what: 'verb' | 'rule' };
  }
}

const VERBS = DIRECTIVE_KINDS.map((k) => DIRECTIVE_PREFIX + k);

/** Suppression comments with an unknown verb or rule. */
export default defineRule({
  meta: {
    id: 'GK108',
    name: 'unknown-directive',
    group: 'S',
    defaultSeverity: 'warning',
    description: msg(
      '抑制注释（gkreport-disable-next-line、gkreport-disable、gkreport-enable）中的规则编号或名称不存在，或指令写错，注释不起作用。',
      'A suppression comment (gkreport-disable-next-line, gkreport-disable, gkreport-enable) names an unknown rule or has an unknown verb, so it silences nothing.',
    ),
    example: { append: '<!-- gkreport-disable-next-line GK999 -->' },
  },
  check(ctx) {
    for (const directive of ctx.model.directives ?? []) {
      const { keyword } = directive;
      if (!directive.kind) {
        ctx.emit({
          span: keyword.span,
          message: msg(
            `未知的指令“${keyword.text}”，注释不起作用；可用：${VERBS.join('、')}`,
            `unknown directive "${keyword.text}": the comment silences nothing; use one of ${VERBS.join(', ')}`,
          ),
          data: { word: keyword.text, what: 'verb' },
        });
        continue;
      }
      for (const token of directive.rules) {
        if (ruleOfToken(token.text)) continue;
        ctx.emit({
          span: token.span,
          message: msg(
            `“${token.text}”不是规则编号或名称，注释对它不起作用（规则编号如 GK209，名称如 header-label）`,
            `"${token.text}" is no rule id or name, so the comment does not silence it (an id is like GK209, a name like header-label)`,
          ),
          data: { word: token.text, what: 'rule' },
        });
      }
    }
  },
});
