/**
 * A file the tool could not write, and why, in words a clerk understands
 * (Chinese and English) instead of the operating system's error code. The
 * CLI prints it and exits 1 (run.ts).
 */

/** The reason of each error code a write can meet, Chinese / English. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: '磁盘空间已满 / the drive is full (no space left)',
  EDQUOT: '磁盘配额已用完 / the disk quota is used up',
  EROFS: '该位置只读（如写保护的 U 盘或光盘）/ the drive is read-only (a write-protected USB stick or a disc?)',
  EACCES: '没有写入该位置的权限 / no permission to write there',
  EPERM: '没有写入该位置的权限 / no permission to write there',
  EXDEV: '不能跨磁盘移动文件 / the file cannot be moved across drives',
  ENOTDIR: '路径中有一项是文件而不是文件夹 / a part of the path is a file, not a folder',
  EISDIR: '这是一个文件夹 / it is a folder',
  ENAMETOOLONG: '路径太长 / the path is too long',
  EMFILE: '同时打开的文件太多 / too many files are open',
  ENFILE: '同时打开的文件太多 / too many files are open',
  EIO: '磁盘读写出错（驱动器是否已拔出？）/ the drive reported a read/write error (was it removed?)',
  ENOENT: '路径不存在（驱动器是否已拔出？）/ the path does not exist (was the drive removed?)',
  EBUSY: '文件正被占用（是否在 Excel 中打开？）/ the file is in use (is it open in Excel?)',
};

export class OutputError extends Error {
  constructor(
    /** The file or folder as the user named it (never a temporary name). */
    readonly path: string,
    /** The error code, e.g. ENOSPC. */
    readonly code: string,
    /** Why, Chinese / English. */
    readonly reason: string,
    /** True when the failure came before anything was moved into place: nothing was written. */
    readonly untouched = false,
  ) {
    super(`无法写入 / cannot write ${path}: ${reason} (${code})${untouched ? '。未写入任何文件，原有文件不变 / nothing was written; files already there are unchanged' : ''}`);
    this.name = 'OutputError';
  }
}

/**
 * The OutputError of a failed write of `path`; an OutputError passes through,
 * and an error that is not the file system's is returned as it is.
 */
export function outputErrorOf(err: unknown, path: string, untouched = false): unknown {
  if (err instanceof OutputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return err;
  return new OutputError(path, code, REASONS[code] ?? (err as Error).message, untouched);
}
