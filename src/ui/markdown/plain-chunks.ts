/**
 * Plain text for display in pieces of at most `maxChars`, cut at line ends where there is one:
 * each piece is its own block with `content-visibility: auto` (markdown.css), so the browser lays
 * out only the pieces on screen — 99,000 characters in a narrow guide column cost one screenful.
 * A line longer than a piece (one 99,000-character word) is cut inside, which only moves a wrap.
 */
export const PLAIN_CHUNK_CHARS = 2_000;

export function plainChunks(text: string, maxChars = PLAIN_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > maxChars) {
    const lineEnd = text.lastIndexOf('\n', start + maxChars);
    if (lineEnd > start) {
      chunks.push(text.slice(start, lineEnd));
      start = lineEnd + 1; // the block boundary is the line break
    } else {
      chunks.push(text.slice(start, start + maxChars));
      start += maxChars;
    }
  }
  chunks.push(text.slice(start));
  return chunks;
}
