/**
 * Page codecs: snappy and LZ4 blocks written here (one literal, for short pages) must decode with
 * the reference decoders to the bytes given; longer pages go through the native compressors.
 */
import { describe, expect, test } from 'vitest';
import { uncompressSync as lz4Uncompress } from 'lz4-napi';
import { uncompressSync } from 'snappy';
import { LITERAL_BELOW, lz4Literal, pageCodec, snappyLiteral } from '../src/parquet/codec.js';

const bytes = (n: number) => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7919) % 251;
  return b;
};
/** Byte equality (vitest compares typed arrays element by element, slowly). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

describe('page codecs', () => {
  // Lengths around each change of the literal tag: inline (≤ 60), then 1, 2 and 3 length bytes.
  test.each([0, 1, 59, 60, 61, 62, 255, 256, 257, 65_536, 65_537, 70_000])('a %i-byte literal block decodes to its bytes', (n) => {
    const body = bytes(n);
    const block = snappyLiteral(body);
    expect(same(uncompressSync(Buffer.from(block)) as Buffer, body)).toBe(true);
    expect(same(block.subarray(block.length - n), body)).toBe(true);
  });

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

  test('snappy stores short pages as one literal and compresses longer ones', () => {
    const { compress } = pageCodec('snappy');
    const short = new Uint8Array(LITERAL_BELOW - 1).fill(65);
    const long = new Uint8Array(LITERAL_BELOW * 4).fill(65);
    const s = compress!(short);
    const l = compress!(long);
    // varint length (2 bytes for 255), tag with one length byte, then the bytes as they are.
    expect(s.length).toBe(short.length + 4);
    expect(l.length).toBeLessThan(long.length / 10);
    expect(same(uncompressSync(Buffer.from(s)) as Buffer, short)).toBe(true);
    expect(same(uncompressSync(Buffer.from(l)) as Buffer, long)).toBe(true);
  });
});
