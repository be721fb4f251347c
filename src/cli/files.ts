// Writing the command's outputs safely: never over a file the command reads, never over a file
// it did not write (unless --force), and whole or not at all (a temporary file beside the
// output, renamed over it; a full disk leaves the previous file as it was).
import { randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputError, UsageError } from './io';

/** A file named on the command line, with the option that named it. */
export interface NamedFile {
  option: string;
  file: string;
}

/** The identity of a file: device and inode (the same through symlinks and hard links), or null when it does not exist. */
async function identity(file: string): Promise<string | null> {
  try {
    const s = await stat(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Where a (possibly not yet existing) file would be: its folder's real path and its name. */
async function realLocation(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch {
    try {
      return path.join(await realpath(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [idA, idB] = await Promise.all([identity(a), identity(b)]);
  if (idA !== null && idA === idB) return true;
  return (await realLocation(a)) === (await realLocation(b));
}

/**
 * A usage error when an output is one of the inputs (or another output): compared by what the
 * paths point to, so a symlink, a hard link or `./x` for `x` is caught as well.
 */
export async function checkOutputs(outputs: readonly NamedFile[], inputs: readonly NamedFile[]): Promise<void> {
  for (const [i, out] of outputs.entries()) {
    for (const other of [...inputs, ...outputs.slice(i + 1)]) {
      if (await sameFile(out.file, other.file)) {
        throw new UsageError(`--${out.option} ${out.file} is the same file as --${other.option} ${other.file}: an output never replaces a file the command reads`);
      }
    }
  }
}

/**
 * A usage error when `file` exists and may not be replaced: replaced only with --force, or when
 * `isOurs` recognises it as a file this command wrote. `why` completes "FILE exists and …".
 */
export async function checkReplace(file: string, force: boolean, isOurs: (file: string) => Promise<boolean>, why: string): Promise<void> {
  if (force || (await identity(file)) === null) return;
  if (await isOurs(file)) return;
  throw new UsageError(`${file} exists and ${why}: add --force to replace it`);
}

/** An output written to a temporary file beside its place, not yet renamed there. */
export interface StagedFile {
  file: string;
  /** Moves the file into place (atomic: a rename within one folder). */
  commit(): Promise<void>;
  /** Removes the temporary file. */
  discard(): Promise<void>;
}

function cannotWrite(file: string, error: unknown): InputError {
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(`cannot write ${file}: ${reason}`);
}

/** Bytes in pieces, one after the other, written as they are (a write may take part of them: the rest is written again). */
async function writePieces(handle: FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  let rest = pieces.filter((piece) => piece.length > 0);
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    if (bytesWritten === 0) throw new Error('nothing written');
    let k = 0;
    while (k < rest.length && bytesWritten >= (rest[k] as Uint8Array).length) bytesWritten -= (rest[k++] as Uint8Array).length;
    rest = rest.slice(k);
    if (bytesWritten > 0) rest[0] = (rest[0] as Uint8Array).subarray(bytesWritten);
  }
}

/**
 * Writes the content into a temporary file beside `file` (flushed to disk) for a later commit:
 * text, bytes, bytes in pieces (one after the other), or what a function writes into the file.
 */
export async function stageFile(file: string, content: string | Uint8Array | readonly Uint8Array[] | ((handle: FileHandle) => Promise<void>)): Promise<StagedFile> {
  const absolute = path.resolve(file);
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const discard = async (): Promise<void> => rm(temp, { force: true });
  try {
    await mkdir(path.dirname(absolute), { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      if (typeof content === 'function') await content(handle);
      else if (Array.isArray(content)) await writePieces(handle, content);
      else await handle.writeFile(content as string | Uint8Array);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discard();
    throw cannotWrite(file, error);
  }
  return {
    file,
    discard,
    commit: async () => {
      try {
        await rename(temp, absolute);
      } catch (error) {
        await discard();
        throw cannotWrite(file, error);
      }
    },
  };
}

/** Writes `file` whole or not at all. */
export async function writeFileAtomic(file: string, content: Parameters<typeof stageFile>[1]): Promise<void> {
  await (await stageFile(file, content)).commit();
}
