/**
 * A growable little-endian byte buffer: the one place Parquet bytes are written.
 */

type Utf8Write = (this: Buffer, s: string, offset: number, length: number) => number;
/**
 * Buffer's own UTF-8 writer, as `Buffer#write` calls it after checking its arguments (which the
 * callers here have made sure of); `Buffer#write` where it is missing.
 */
const utf8Write = (Buffer.prototype as unknown as { utf8Write?: Utf8Write }).utf8Write;

/** Appends bytes, integers, doubles and UTF-8 strings; grows by doubling. */
export class ByteSink {
  /** The written bytes are `buf.subarray(0, length)`. */
  buf: Buffer;
  /** Bytes written so far. */
  length = 0;
  private view: DataView;

  constructor(capacity = 1 << 16) {
    this.buf = Buffer.allocUnsafe(capacity);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  /** Forgets the contents, keeping the capacity. */
  reset(): void {
    this.length = 0;
  }

  /** A copy of the written bytes, in an unshared buffer of their exact size (transferable). */
  toBytes(): Uint8Array {
    // allocUnsafeSlow: no zero-filling and never a slice of Node's shared pool.
    const out = Buffer.allocUnsafeSlow(this.length);
    this.buf.copy(out, 0, 0, this.length);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }

  bytes(src: Uint8Array): void {
    this.reserve(src.length);
    this.buf.set(src, this.length);
    this.length += src.length;
  }

  /** Unsigned LEB128 of a non-negative integer below 2^53. */
  varint(v: number): void {
    this.reserve(8);
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  int32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }

  uint32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }

  /** A 64-bit integer given as a JS integer within ±2^53. */
  int64FromNumber(v: number): void {
    this.reserve(8);
    const lo = v % 0x100000000;
    const hi = Math.floor(v / 0x100000000);
    this.view.setUint32(this.length, lo < 0 ? lo + 0x100000000 : lo, true);
    this.view.setInt32(this.length + 4, hi, true);
    this.length += 8;
  }

  bigInt64(v: bigint): void {
    this.reserve(8);
    this.view.setBigInt64(this.length, v, true);
    this.length += 8;
  }

  bigUint64(v: bigint): void {
    this.reserve(8);
    this.view.setBigUint64(this.length, v, true);
    this.length += 8;
  }

  float64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }

  /** Overwrites 4 bytes at `at` with `v` (little-endian). */
  patchUint32(at: number, v: number): void {
    this.view.setUint32(at, v, true);
  }

  /** A Parquet BYTE_ARRAY: 4-byte length, then the UTF-8 bytes of `s`. Returns whether `s` is ASCII. */
  lengthPrefixedUtf8(s: string): boolean {
    const n = s.length;
    this.reserve(4 + n * 3);
    const start = this.length + 4;
    const buf = this.buf;
    let i = 0;
    if (n < 48) {
      // Short strings are nearly always ASCII; a loop beats the native call.
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[start + i] = c;
      }
    }
    let written = i;
    if (i < n) {
      const rest = i === 0 ? s : s.slice(i);
      const room = buf.length - start - i;
      written += utf8Write === undefined ? buf.write(rest, start + i, room, 'utf8') : utf8Write.call(buf, rest, start + i, room);
    }
    this.view.setUint32(this.length, written, true);
    this.length = start + written;
    // UTF-8 takes more bytes than UTF-16 code units for every non-ASCII character.
    return written === n;
  }
}
