// What a command may touch of the outside world, so tests can run commands in-process.
export interface CliIo {
  stdout: (text: string) => void;
  /**
   * stdout for UTF-8 bytes, when it takes them as they are (a big report's JSON is written as
   * bytes): true when it keeps them to write later (a pipe not ready), so they must not change.
   */
  stdoutBytes?: (bytes: Uint8Array) => boolean;
  stderr: (text: string) => void;
  /** Today's date as the user's machine sees it (for --as-of defaults). */
  now: () => Date;
  /** Whether stdout is a terminal (a person reads it): reports then default to a table. */
  stdoutIsTerminal?: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  // Nothing left to write once write returns: the bytes are in the file or the pipe already.
  stdoutBytes: (bytes) => {
    process.stdout.write(bytes);
    return process.stdout.writableLength > 0;
  },
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
  stdoutIsTerminal: process.stdout.isTTY,
};

/** Bad usage: exit status 2 with the message. */
export class UsageError extends Error {}
/** Bad input: exit status 1 with the message. */
export class InputError extends Error {}
