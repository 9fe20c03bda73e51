/**
 * Writes CSV rows straight into UTF-8 byte chunks, for outputs of millions of rows where building
 * one string per row (and joining them) dominates the run time. Same quoting as `formatCsvRow`;
 * rows end with LF; the encoding is the one `TextEncoder` gives (a lone surrogate → U+FFFD).
 *
 *   const writer = new CsvChunkWriter((bytes) => out.write(bytes));
 *   writer.field('a'); writer.field('b,c'); writer.endRow();   // a,"b,c"\n
 *   writer.flush();                                            // hands over the last chunk
 *
 * A chunk handed to `onChunk` is not touched again by the writer.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;

export class CsvChunkWriter {
  private buffer: Uint8Array;
  private at = 0;
  private rowStarted = false;

  constructor(
    private readonly onChunk: (bytes: Uint8Array) => void,
    private readonly chunkBytes = 1 << 20,
  ) {
    this.buffer = new Uint8Array(chunkBytes);
  }

  field(value: string): void {
    // Worst case: 3 bytes per UTF-16 unit, every quote doubled, 2 enclosing quotes, 1 comma.
    this.reserve(value.length * 3 + value.length + 3);
    const buffer = this.buffer;
    let at = this.at;
    if (this.rowStarted) buffer[at++] = COMMA;
    this.rowStarted = true;
    const quoted = needsQuotes(value);
    if (quoted) buffer[at++] = QUOTE;
    for (let i = 0; i < value.length; i++) {
      let c = value.charCodeAt(i);
      if (c < 0x80) {
        if (c === QUOTE && quoted) buffer[at++] = QUOTE;
        buffer[at++] = c;
      } else if (c < 0x800) {
        buffer[at++] = 0xc0 | (c >> 6);
        buffer[at++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            buffer[at++] = 0xf0 | (point >> 18);
            buffer[at++] = 0x80 | ((point >> 12) & 0x3f);
            buffer[at++] = 0x80 | ((point >> 6) & 0x3f);
            buffer[at++] = 0x80 | (point & 0x3f);
            i++;
            continue;
          }
          c = 0xfffd; // a lone surrogate, as TextEncoder does
        }
        buffer[at++] = 0xe0 | (c >> 12);
        buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
        buffer[at++] = 0x80 | (c & 0x3f);
      }
    }
    if (quoted) buffer[at++] = QUOTE;
    this.at = at;
  }

  endRow(): void {
    this.reserve(1);
    this.buffer[this.at++] = 0x0a;
    this.rowStarted = false;
  }

  /** Hands over whatever is buffered. */
  flush(): void {
    if (this.at === 0) return;
    this.onChunk(this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(this.chunkBytes);
    this.at = 0;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
  }
}

function needsQuotes(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === QUOTE || c === COMMA || c === 0x0a || c === 0x0d) return true;
  }
  return false;
}
