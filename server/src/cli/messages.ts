// The command-line checker's own words (usage, errors, summary), in zh-cn and en.
import { msg, type Locale, type Localized } from '../core';

export const usage: Localized = msg(
  `用法：gkreport [选项] <文件或文件夹>...
      gkreport import <Word、网页或 PDF 文件> [-o <输出文件>]
      gkreport export [--to docx|html] <年报文件> [-o <输出文件>]

检查政府信息公开工作年度报告（.txt、.md、.gkreport，以及 Word .docx、网页 .html/.htm、带文字层的 PDF；文件夹会递归查找）。
import 把 Word、网页或 PDF 转换为可编辑的年报文本（默认写到同名的 .gkreport 文件）。
export 按正式版式把年报导出为 Word（默认）或网页（默认写到同名的 .docx 或 .html 文件）。

选项：
  --format text|json|sarif|csv|html
                             输出格式（默认 text）；csv 每份报告一行（含全部表格数字），html 为汇总网页
  -o, --output <文件>        把输出写入文件（而不是标准输出）；import、export 的输出文件
  --to docx|html             export 的格式（默认 docx）
  --config <文件>            使用这个配置文件（不再查找 .gkreport.jsonc / gkreport.config.json）
  --rule <规则>=<级别>       设置规则级别，如 --rule GK209=off（可重复；编号或名称；error、warning、info、hint、off、on）
  --ignore <glob>            跳过文件夹中匹配的文件（相对当前目录，可重复）
  -q, --quiet                只输出错误级别的问题
  --max-warnings N           警告多于 N 个时退出码为 1
  --fix                      应用安全修复并写回文件（复查通过才写入；不用于 Word、网页、PDF）
  --fix-totals               与 --fix 一起：也把错误的合计改为各项之和（合计错也可能是某一项错）
  --locale zh-cn|en          消息语言（默认 zh-cn，或配置文件中的 locale）
  -j, --jobs N               同时检查文件的线程数（默认：64 个文件以上且有四个空闲的核时 2，否则 1）
  --cache                    记住检查结果（.gkreportcache）：再次运行时，内容、设置和检查器都未变的文件不再检查
  --cache-location <文件>    结果缓存的文件（同时启用 --cache）
  -h, --help                 显示本帮助
  -v, --version              显示版本

配置文件 .gkreport.jsonc 或 gkreport.config.json 从每个文件所在文件夹向上查找，最近的一个生效。
退出码：0 没有错误；1 发现错误级别的问题（或警告多于 --max-warnings）；2 用法错误、配置错误或文件无法读取。`,
  `Usage: gkreport [options] <files or folders>...
       gkreport import <Word file, web page or PDF> [-o <output>]
       gkreport export [--to docx|html] <report> [-o <output>]

Checks government information disclosure annual reports (.txt, .md, .gkreport, and Word .docx, web pages
.html/.htm, PDFs with a text layer; folders are searched recursively).
import converts a Word file, web page or PDF into editable report text (by default a .gkreport file of the same name).
export writes a report in the official layout as a Word document (default) or a web page (by default a .docx or .html file of the same name).

Options:
  --format text|json|sarif|csv|html
                             output format (default text); csv: one row per report with every table cell; html: a summary page
  -o, --output <file>        write the output to a file instead of stdout; where import and export write
  --to docx|html             what export writes (default docx)
  --config <file>            use this configuration file (instead of finding .gkreport.jsonc / gkreport.config.json)
  --rule <rule>=<severity>   set a rule, e.g. --rule GK209=off (repeatable; id or name; error, warning, info, hint, off, on)
  --ignore <glob>            skip matching files found in folders (relative to the working folder; repeatable)
  -q, --quiet                print errors only
  --max-warnings N           exit 1 when there are more than N warnings
  --fix                      apply safe fixes and write the files back (only when a re-check passes; not for Word, web pages, PDF)
  --fix-totals               with --fix: also set wrong totals to their sums (a wrong total may be a wrong term)
  --locale zh-cn|en          message language (default zh-cn, or the configuration file's locale)
  -j, --jobs N               threads checking files at once (default: 2 from 64 files on when four cores are free, else 1)
  --cache                    remember the results (.gkreportcache): a later run does not check again a file whose bytes, settings and checker are unchanged
  --cache-location <file>    the cache file (turns --cache on)
  -h, --help                 show this help
  -v, --version              show the version

The configuration file .gkreport.jsonc or gkreport.config.json is looked for from each file's folder upwards; the nearest one applies.
Exit codes: 0 no errors; 1 error-severity findings (or more warnings than --max-warnings); 2 bad usage or configuration, or unreadable input.`,
);

export const usageHint: Localized = msg('运行 gkreport --help 查看用法。', 'Run gkreport --help for usage.');

export const cliErrors = {
  unknownOption: (option: string) => msg(`未知选项：${option}`, `unknown option: ${option}`),
  missingValue: (option: string) => msg(`选项 ${option} 缺少取值`, `option ${option} needs a value`),
  badValue: (option: string, value: string, allowed: readonly string[]) =>
    msg(
      `选项 ${option} 的取值 “${value}” 无效，可选：${allowed.join('、')}`,
      `invalid value "${value}" for ${option}; expected one of: ${allowed.join(', ')}`,
    ),
  notPositive: (option: string, value: string) =>
    msg(`选项 ${option} 的取值 “${value}” 无效，应为 1–999 的整数`, `invalid value "${value}" for ${option}; expected a whole number 1–999`),
  cacheWith: (other: string) =>
    msg(`--cache 只用于检查，不能与 ${other} 同用`, `--cache is for checking only; it cannot go with ${other}`),
  notCount: (option: string, value: string) =>
    msg(`选项 ${option} 的取值 “${value}” 无效，应为 0 或正整数`, `invalid value "${value}" for ${option}; expected 0 or a whole number`),
  ruleSyntax: (value: string) =>
    msg(`--rule 的取值 “${value}” 应写为 规则=级别，如 GK209=off`, `--rule "${value}" must be written rule=severity, e.g. GK209=off`),
  configProblem: (problem: Localized) => msg(`配置错误：${problem['zh-cn']}`, `configuration error: ${problem.en}`),
  configShadowed: (used: string, shadowed: string) =>
    msg(`${shadowed} 未使用：同一文件夹中的 ${used} 优先`, `${shadowed} is not used: ${used} in the same folder comes first`),
  tooManyWarnings: (warnings: number, max: number) =>
    msg(`警告 ${warnings} 个，多于 --max-warnings ${max}`, `${warnings} warnings, more than --max-warnings ${max}`),
  wrote: (file: string, reports: number) => msg(`已写入 ${file}（${reports} 份报告）`, `wrote ${file} (${reports} ${reports === 1 ? 'report' : 'reports'})`),
  noInput: msg('没有指定要检查的文件或文件夹', 'no files or folders to check'),
  oneFile: (command: string) => msg(`gkreport ${command} 一次转换一个文件`, `gkreport ${command} converts one file at a time`),
  exportOverInput: (file: string) =>
    msg(`导出文件不能是输入文件本身（${file}）：请用 -o 指定另一个文件`, `the export cannot overwrite its input (${file}): name another file with -o`),
  exported: (from: string, to: string, errors: number) =>
    errors === 0
      ? msg(`已将 ${from} 导出为 ${to}`, `exported ${from} to ${to}`)
      : msg(
          `已将 ${from} 导出为 ${to}；年报还有 ${errors} 个错误级别的问题，发布前请先修正（gkreport ${from}）`,
          `exported ${from} to ${to}; the report still has ${errors} error-severity findings: fix them before publishing (gkreport ${from})`,
        ),
  fixImported: (file: string) =>
    msg(
      `--fix 不能修改 Word、网页或 PDF 文件（${file}）：请先用 gkreport import 转换为 .gkreport 文件，再修复转换后的文件`,
      `--fix cannot change a Word file, web page or PDF (${file}): convert it with gkreport import first, then fix the .gkreport file`,
    ),
  /** Said of a converted file that was read and checked: worded so it is not taken for a file that failed. */
  importNote: (file: string, note: Localized) => msg(`提示：${file}：${note['zh-cn']}`, `note: ${file}: ${note.en}`),
  imported: (from: string, to: string) => msg(`已将 ${from} 转换为 ${to}`, `converted ${from} to ${to}`),
  unexpected: (reason: string) => msg(`内部错误：${reason}`, `internal error: ${reason}`),
  internal: (file: string, reason: string) => msg(`检查 ${file} 时出错：${reason}`, `checking ${file} failed: ${reason}`),
};

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 个文件：2 个错误，1 个警告，0 个提示` / `3 files: 2 errors, 1 warning, 0 infos`. */
export function summary(c: Counts, locale: Locale): string {
  return locale === 'zh-cn'
    ? `${c.files} 个文件：${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个提示`
    : `${plural(c.files, 'file')}: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}`;
}

export const fixMessages = {
  /** A finding of the original text that the applied fixes resolved (its message is as it was found). */
  fixed: (where: string, ruleId: string, message: string) => msg(`${where} 已解决 ${ruleId} ${message}`, `${where} resolved ${ruleId} ${message}`),
  written: (file: string, n: number) =>
    msg(`${file}：已应用安全修复，解决 ${n} 个问题，文件已写回`, `${file}: safe fixes applied, ${n} ${n === 1 ? 'finding' : 'findings'} resolved, file written`),
  notWritten: (file: string, reason: Localized) =>
    msg(`${file}：${reason['zh-cn']}，文件未修改`, `${file}: ${reason.en}; file left unchanged`),
  /** What --fix did, file by file: written, skipped (changed while checked), failed. */
  summary: (written: string[], skipped: string[], failed: string[]) => {
    const list = (files: string[]) => (files.length > 0 ? `：${files.join('、')}` : '');
    const listEn = (files: string[]) => (files.length > 0 ? `: ${files.join(', ')}` : '');
    return msg(
      `--fix：写回 ${written.length} 个文件${list(written)}；跳过 ${skipped.length} 个${list(skipped)}；失败 ${failed.length} 个${list(failed)}`,
      `--fix: ${written.length} written${listEn(written)}; ${skipped.length} skipped${listEn(skipped)}; ${failed.length} failed${listEn(failed)}`,
    );
  },
};
