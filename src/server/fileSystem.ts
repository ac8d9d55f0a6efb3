import { stat } from 'node:fs/promises';

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`, `EADDRINUSE`, ...), if there is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** True when a file or folder simply does not exist (as opposed to existing but being unreadable). */
export function isMissingFileError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** True when `path` is an existing regular file (following links); false for folders and missing paths. */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
