// Problems with files, in zh-cn and en: what the CLI prints on stderr and the server logs.
import { msg, type Localized } from '../core';

export const fileErrors = {
  notFound: (file: string) => msg(`找不到文件或文件夹：${file}`, `no such file or folder: ${file}`),
  noPermission: (file: string) => msg(`没有权限读取：${file}`, `permission denied: ${file}`),
  unreadable: (file: string, reason: string) => msg(`无法读取 ${file}：${reason}`, `cannot read ${file}: ${reason}`),
  notText: (file: string) =>
    msg(
      `${file} 不是文本文件（既不是 UTF-8、UTF-16，也不是 GB18030/GBK 编码），未检查`,
      `${file} is not a text file (neither UTF-8, UTF-16 nor GB18030/GBK); not checked`,
    ),
  notRegular: (file: string) => msg(`${file} 不是普通文件（管道、设备等），已跳过`, `${file} is not a regular file (a pipe, a device…); skipped`),
  changedSinceRead: (file: string) =>
    msg(`${file} 在检查期间被修改过，未写入修复（请重新运行）`, `${file} changed while it was being checked; the fixes were not written (run again)`),
  unwritable: (file: string, reason: string) => msg(`无法写入 ${file}：${reason}`, `cannot write ${file}: ${reason}`),
};

/** A file or folder that cannot be used, with the sentence that says why. */
export class InputError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

/** The sentence for a failed file-system call on `file`. */
export function describeFsError(error: unknown, file: string): Localized {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileErrors.notFound(file);
  if (code === 'EACCES' || code === 'EPERM') return fileErrors.noPermission(file);
  return fileErrors.unreadable(file, code ?? (error instanceof Error ? error.message : String(error)));
}
