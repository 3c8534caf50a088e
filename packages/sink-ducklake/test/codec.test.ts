/**
 * Page codecs: LZ4 blocks written here (one literal, for short pages) and snappy blocks (all
 * written here, see snappy.test.ts) must decode with the reference decoders to the bytes given;
 * longer LZ4 pages go through the native compressor.
 */
import { describe, expect, test } from 'vitest';
import { uncompressSync as lz4Uncompress } from 'lz4-napi';
import { uncompressSync } from 'snappy';
import { LITERAL_BELOW, lz4Literal, pageCodec } from '../src/parquet/codec.js';

const bytes = (n: number) => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7919) % 251;
  return b;
};
/** Byte equality (vitest compares typed arrays element by element, slowly). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

describe('page codecs', () => {
  /** An LZ4_RAW block decoded by lz4-napi, which wants the uncompressed size (LE) before it. */
  const lz4Decode = (block: Uint8Array, size: number) => {
    const framed = Buffer.alloc(4 + block.length);
    framed.writeUInt32LE(size, 0);
    framed.set(block, 4);
    return lz4Uncompress(framed);
  };

  // Literal lengths around the token's limit (15) and each further 255-valued byte.
  test.each([1, 14, 15, 16, 269, 270, 271, 525, 70_000])('a %i-byte LZ4 literal block decodes to its bytes', (n) => {
    const body = bytes(n);
    const block = lz4Literal(body);
    expect(same(lz4Decode(block, n), body)).toBe(true);
    expect(block.length).toBe(n + 1 + (n >= 15 ? Math.floor((n - 15) / 255) + 1 : 0));
  });

  test('lz4 stores short pages as one literal and compresses longer ones, without a size prefix', () => {
    const { id, compress } = pageCodec('lz4');
    expect(id).toBe(7); // Parquet LZ4_RAW
    const short = new Uint8Array(LITERAL_BELOW - 1).fill(65);
    const long = new Uint8Array(LITERAL_BELOW * 4).fill(65);
    const s = compress!(short);
    const l = compress!(long);
    expect(s.length).toBe(short.length + 1 + 1 + Math.floor((short.length - 15) / 255));
    expect(l.length).toBeLessThan(long.length / 10);
    expect(same(lz4Decode(s, short.length), short)).toBe(true);
    expect(same(lz4Decode(l, long.length), long)).toBe(true);
  });

  test('snappy compresses pages of every length, short ones too', () => {
    const { id, compress } = pageCodec('snappy');
    expect(id).toBe(1); // Parquet SNAPPY
    const short = new Uint8Array(LITERAL_BELOW - 1).fill(65);
    const long = new Uint8Array(LITERAL_BELOW * 4).fill(65);
    const s = Uint8Array.from(compress!(short)); // the codec's scratch space: copied before the next call
    const l = compress!(long);
    expect(s.length).toBeLessThan(short.length / 10);
    expect(l.length).toBeLessThan(long.length / 10);
    expect(same(uncompressSync(Buffer.from(s)) as Buffer, short)).toBe(true);
    expect(same(uncompressSync(Buffer.from(l)) as Buffer, long)).toBe(true);
  });
});
