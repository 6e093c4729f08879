/**
 * The Io (src/output.ts) of the real process. Text goes straight to file descriptors 1 and 2 with
 * writeSync: creating `process.stdout` loads Node's stream modules, a few milliseconds of a run that
 * prints one report. A stream is created only when it is needed: to ask a terminal its width, or when
 * a descriptor is non-blocking and full (EAGAIN), since only the stream can wait for it to drain.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { Io } from './output.js';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Whether `fd` may be a terminal: only a character device can be, and /dev/null (where benchmarks and
 * cron jobs send output) is one that is not. Anything else is settled without loading the tty module.
 */
function mayBeTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    const devNull = statSync('/dev/null');
    return !(stat.rdev === devNull.rdev && stat.dev === devNull.dev && stat.ino === devNull.ino);
  } catch {
    return true; // cannot tell (a platform without /dev/null): ask the stream
  }
}

/**
 * A writer for fd 1 or 2.
 * @param onClosed called when the reader went away (EPIPE), e.g. `cuenta-plan … | head`
 */
/** Whether a stream took over a descriptor (it may still hold bytes to write). */
let streamed = false;

function fdWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream, onClosed: () => void): (text: string) => void {
  let viaStream = false;
  let closed = false;
  return (text) => {
    if (closed) return;
    if (viaStream) {
      stream().write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'EAGAIN') {
          viaStream = true;
          streamed = true;
          stream().write(bytes.subarray(offset));
          return;
        }
        if (code === 'EPIPE') {
          closed = true;
          onClosed();
          return;
        }
        throw error;
      }
    }
  };
}

/** The process's own Io: stdout and stderr, its environment, and whether stdout is a terminal. */
export function processIo(): Io {
  // A reader that stops early (`| head`) closes the pipe: that is not an error worth a trace.
  const stdoutClosed = () => process.exit(process.exitCode ?? 0);
  const stdout = () => {
    const stream = process.stdout;
    if (stream.listenerCount('error') === 0) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') stdoutClosed();
        throw error;
      });
    }
    return stream;
  };
  const isTTY = mayBeTerminal(1) && Boolean(process.stdout.isTTY);
  return {
    stdout: fdWriter(1, stdout, stdoutClosed),
    stderr: fdWriter(2, () => process.stderr, () => undefined),
    env: process.env,
    isTTY,
    columns: isTTY ? process.stdout.columns || 80 : undefined,
    // A function: creating process.stderr costs start-up time every run that never shows progress would pay.
    stderrIsTTY: () => mayBeTerminal(2) && Boolean(process.stderr.isTTY),
  };
}

/**
 * Ends the process with `code`. When every byte went out with writeSync, at once: nothing is left to flush, and a
 * natural exit would first wait for V8's background compiler to finish optimising code nothing will run again
 * (5–10 ms after a search such as breakeven's). When a stream took over a full pipe, it is left to drain.
 */
export function endProcess(code: number): void {
  if (streamed) process.exitCode = code;
  else process.exit(code);
}
