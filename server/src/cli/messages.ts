// The command-line checker's own words (usage, errors, summary), in zh-cn and en.
import { msg, type Locale, type Localized } from '../core';

export const usage: Localized = msg(
  `用法：gkreport [选项] <文件或文件夹>...

检查政府信息公开工作年度报告（.txt、.md、.gkreport；文件夹会递归查找）。

选项：
  --format text|json|sarif   输出格式（默认 text）
  --fix                      应用安全修复并写回文件（复查通过才写入）
  --locale zh-cn|en          消息语言（默认 zh-cn）
  -j, --jobs N               同时检查文件的线程数（默认 1）
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码：0 没有错误；1 发现错误级别的问题；2 用法错误或文件无法读取。`,
  `Usage: gkreport [options] <files or folders>...

Checks government information disclosure annual reports (.txt, .md, .gkreport; folders are searched recursively).

Options:
  --format text|json|sarif   output format (default text)
  --fix                      apply safe fixes and write the files back (only when a re-check passes)
  --locale zh-cn|en          message language (default zh-cn)
  -j, --jobs N               threads checking files at once (default 1)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors; 1 error-severity findings; 2 bad usage or unreadable input.`,
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
  noInput: msg('没有指定要检查的文件或文件夹', 'no files or folders to check'),
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
  notWritten: (file: string, detail: string) =>
    msg(`${file}：修复后复查仍有问题（${detail}），文件未修改`, `${file}: the re-check after fixing still finds ${detail}; file left unchanged`),
  notConverged: (file: string) =>
    msg(`${file}：修复没有收敛，文件未修改`, `${file}: the fixes did not settle; file left unchanged`),
};
