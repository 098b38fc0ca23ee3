/**
 * Bounded deflate-raw with the platform's streams (Chromium, Node ≥ 18): no dependency, and the
 * reader stops past a byte limit so a zip bomb costs at most that much memory and time.
 */
export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'corrupt' | 'too-large' };

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function inflateRawBounded(bytes: Uint8Array, maxOutputBytes: number): Promise<InflateResult> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  const writer = stream.writable.getWriter();
  // The writer's promises reject with the reader's error or after cancel: swallowed on purpose,
  // the reader below reports the outcome.
  writer.write(bytes as BufferSource).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxOutputBytes) {
        reader.cancel().catch(() => {});
        return { ok: false, problem: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: out };
}
