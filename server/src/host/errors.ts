// Problems with files, in zh-cn and en: what the CLI prints on stderr and the server logs.
import { msg, type Localized } from '../core';

export const fileErrors = {
  notFound: (file: string) => msg(`找不到文件或文件夹：${file}`, `no such file or folder: ${file}`),
  noPermission: (file: string) => msg(`没有权限读取：${file}`, `permission denied: ${file}`),
  unreadable: (file: string, reason: string) => msg(`无法读取 ${file}：${reason}`, `cannot read ${file}: ${reason}`),
  notUtf8: (file: string) =>
    msg(
      `${file} 不是有效的 UTF-8 文本（可能是 GBK 编码），请先另存为 UTF-8`,
      `${file} is not valid UTF-8 text (GBK, perhaps); save it as UTF-8 first`,
    ),
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
