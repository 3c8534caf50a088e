/**
 * The JavaScript snappy compressor: every block it writes must decode with the reference decoder
 * (the `snappy` package) to the bytes given, at each boundary of the format, and compress real
 * pages as well as the reference compressor does.
 */
import { describe, expect, test } from 'vitest';
import { compressSync as referenceCompress, uncompressSync } from 'snappy';
import { encodeLedger } from '../src/encode.js';
import { snappyCompressor, snappyMaxLength } from '../src/parquet/snappy.js';
import { fixtureLedgers, fixtureRows } from './support/env.js';

/** A seeded generator (mulberry32), so failures replay. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const noise = (n: number, seed = 1): Uint8Array => {
  const r = random(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
};
const periodic = (n: number, period: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => 97 + (i % period));

const compress = snappyCompressor();

/** Compresses, checks the result decodes to the input, and returns its size. */
function roundTrip(input: Uint8Array): number {
  const block = compress(input);
  expect(block.length).toBeLessThanOrEqual(snappyMaxLength(input.length));
  const decoded = uncompressSync(Buffer.from(block)) as Buffer;
  expect(Buffer.compare(decoded, Buffer.from(input.buffer, input.byteOffset, input.length))).toBe(0);
  return block.length;
}

describe('snappy compressor', () => {
  // Incompressible input is all literals: inline lengths (≤ 60), then 1 and 2 length bytes, and
  // inputs too short to search (< 17 bytes); 65,536 and more span several blocks.
  test.each([0, 1, 15, 16, 17, 18, 60, 61, 62, 255, 256, 257, 4096, 65_535, 65_536, 65_537, 140_000])('%i bytes of noise', (n) => {
    const size = roundTrip(noise(n, n + 1));
    expect(size).toBeGreaterThanOrEqual(n); // nothing to find
  });

  // Runs of one byte make copies of every length: pieces of 64, a 60 before a last 4–8, and the
  // 1-byte-offset form below 12 bytes.
  test.each([17, 20, 21, 64, 67, 68, 69, 131, 132, 1000, 65_536, 65_540, 200_000])('a run of %i equal bytes', (n) => {
    const size = roundTrip(new Uint8Array(n).fill(7));
    if (n >= 1000) expect(size).toBeLessThan(n / 15);
  });

  test.each([3, 5, 11, 12, 13, 64, 2047, 2048, 2049, 40_000])('text repeating every %i bytes', (period) => {
    const n = Math.max(3 * period + 100, 5000);
    const size = roundTrip(periodic(n, period));
    if (period <= 2049) expect(size).toBeLessThan(n / 4);
  });

  test('matches that run to the end of a block and of the input', () => {
    const head = noise(1000, 9);
    for (const n of [65_536, 65_536 + 1000, 65_536 + 1017, 65_536 + 1018, 2 * 65_536]) {
      const input = new Uint8Array(n);
      for (let i = 0; i < n; i += head.length) input.set(head.subarray(0, Math.min(head.length, n - i)), i);
      roundTrip(input);
      roundTrip(input.subarray(3)); // a view at an odd offset of its buffer
    }
  });

  test('400 random mixtures of noise and repeats, near and far, of every length', () => {
    const r = random(42);
    for (let c = 0; c < 400; c++) {
      const n = Math.floor(r() ** 3 * 150_000);
      const input = new Uint8Array(n);
      let i = 0;
      while (i < n) {
        const len = Math.min(n - i, 1 + Math.floor(r() ** 2 * 300));
        if (i > 0 && r() < 0.6) {
          const from = Math.max(0, i - 1 - Math.floor(r() ** 2 * 70_000));
          for (let k = 0; k < len; k++) input[i + k] = input[from + k]!; // may overlap itself
        } else {
          for (let k = 0; k < len; k++) input[i + k] = r() < 0.5 ? 65 + Math.floor(r() * 4) : Math.floor(r() * 256);
        }
        i += len;
      }
      roundTrip(input);
    }
  });

  test('3,000 short inputs over two letters, where matches end anywhere near the end', () => {
    // Few distinct bytes make partial matches everywhere, so every way a match can stop in the
    // last bytes of a block is met.
    const r = random(7);
    for (let c = 0; c < 3000; c++) {
      const n = 17 + Math.floor(r() * 120);
      roundTrip(Uint8Array.from({ length: n }, () => (r() < 0.7 ? 97 : 98)));
    }
  });

  test('reuses its scratch space: a result is valid until the next call', () => {
    const first = compress(periodic(5000, 7));
    const copy = Uint8Array.from(first);
    compress(noise(5000));
    expect(Buffer.from(first).equals(Buffer.from(copy))).toBe(false);
  });

  test("compresses the fixture ledgers' Parquet pages as well as the reference compressor", () => {
    let jsBytes = 0;
    let referenceBytes = 0;
    for (const seq of fixtureLedgers()) {
      const encoded = encodeLedger(fixtureRows(seq), ['ledgers', 'transactions', 'operations', 'native_balances'], { compression: 'uncompressed' });
      for (const table of Object.values(encoded.tables)) {
        let start = 0;
        for (const end of table!.pageEnds) {
          const page = table!.data.subarray(start, end);
          start = end;
          jsBytes += roundTrip(page);
          referenceBytes += referenceCompress(Buffer.from(page)).length;
        }
      }
    }
    expect(jsBytes).toBeGreaterThan(0);
    expect(jsBytes).toBeLessThanOrEqual(referenceBytes * 1.01);
  });
});
