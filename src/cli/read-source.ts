/**
 * A scenario file's text, read with the format's size limit applied while reading: a regular
 * file is refused by its size before a byte is read (a 1 GB sparse file costs nothing), anything
 * else (/dev/zero, a pipe, stdin) is read in chunks and refused as soon as it passes the limit.
 * Decoded as UTF-8 with a leading byte-order mark dropped (TextDecoder's default).
 */
import { open } from 'node:fs/promises';
import { SCENARIO_LIMITS } from '../scenario/index.ts';

/** The source name that means stdin. */
export const STDIN = '-';
/** How stdin is named in messages (as eslint and prettier name it). */
export const STDIN_NAME = '<stdin>';

const MB = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const MORE = 'more (reading stopped at the limit)';

export type SourceText = { ok: true; text: string } | { ok: false; code?: string; message: string };

export function displayName(source: string): string {
  return source === STDIN ? STDIN_NAME : source;
}

function tooLarge(limitBytes: number, got: string): SourceText {
  return { ok: false, code: 'E2BIG', message: `expected a file of at most ${limitBytes / MB} MB (a Faultline limit), got ${got}` };
}

function decode(chunks: Uint8Array[]): SourceText {
  return { ok: true, text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)) };
}

export async function readSourceText(source: string, limitBytes: number = SCENARIO_LIMITS.maxTextBytes): Promise<SourceText> {
  return source === STDIN ? readStdin(limitBytes) : readFileLimited(source, limitBytes);
}

async function readStdin(limitBytes: number): Promise<SourceText> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limitBytes) {
      process.stdin.destroy();
      return tooLarge(limitBytes, MORE);
    }
    chunks.push(chunk);
  }
  return decode(chunks);
}

async function readFileLimited(path: string, limitBytes: number): Promise<SourceText> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return failure(error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, code: 'EISDIR', message: 'is a folder, not a scenario file' };
    if (stat.isFile() && stat.size > limitBytes) return tooLarge(limitBytes, `${(stat.size / MB).toFixed(1)} MB`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return decode(chunks);
      total += bytesRead;
      if (total > limitBytes) return tooLarge(limitBytes, MORE);
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close();
  }
}

function failure(error: unknown): SourceText {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'is a folder, not a scenario file',
    ENOTDIR: 'a part of the path is not a folder',
  };
  return { ok: false, code, message: (code !== undefined && reasons[code]) || (error instanceof Error ? error.message : String(error)) };
}
