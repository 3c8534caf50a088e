/**
 * Page compression of the Parquet files the sink writes: snappy (DuckLake's default codec, so
 * registered files are compressed as the lake's own files are; compressed in JavaScript, see
 * snappy.ts), LZ4 (Parquet `LZ4_RAW`, through the native `lz4-napi`), or none.
 */
import { compressSync as lz4Block } from 'lz4-napi';
import { ByteSink } from './bytes.js';
import type { PageCodec } from './columns.js';
import { snappyCompressor } from './snappy.js';
import { SinkError } from '../errors.js';

/** How data pages are compressed: `snappy` (default), `lz4` (Parquet `LZ4_RAW`) or `uncompressed`. */
export type PageCompression = 'snappy' | 'lz4' | 'uncompressed';

/**
 * LZ4 pages shorter than this are stored as one literal, written here: below it a native call
 * costs more time than its matches save bytes (a few µs a call, ~40 such pages a 2020 ledger).
 */
export const LITERAL_BELOW = 256;

/**
 * `body` as a valid LZ4 block holding one literal-only sequence: a token with the literal length
 * (15 and more continue in 255-valued bytes), then the bytes as they are.
 */
export function lz4Literal(body: Uint8Array): Uint8Array {
  const n = body.length;
  const out = new ByteSink(n + 16);
  out.byte(Math.min(n, 15) << 4);
  if (n >= 15) {
    let rest = n - 15;
    for (; rest >= 255; rest -= 255) out.byte(255);
    out.byte(rest);
  }
  out.bytes(body);
  return out.buf.subarray(0, out.length);
}

const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** The codecs by name (Parquet `CompressionCodec` numbers). */
const pageCodecs: Readonly<Record<PageCompression, PageCodec>> = {
  uncompressed: { id: 0, compress: undefined },
  snappy: { id: 1, compress: snappyCompressor() },
  // lz4-napi prefixes the block with its uncompressed size (4 bytes, little-endian); LZ4_RAW has none.
  lz4: { id: 7, compress: (body) => (body.length < LITERAL_BELOW ? lz4Literal(body) : lz4Block(asBuffer(body)).subarray(4)) },
};

/** Every page compression name, the default first. */
export const pageCompressions = ['snappy', 'lz4', 'uncompressed'] as const satisfies readonly PageCompression[];

/** The codec of a compression name; throws `SinkError` `INVALID_OPTIONS` for another name. */
export function pageCodec(name: PageCompression): PageCodec {
  const codec = Object.hasOwn(pageCodecs, name) ? pageCodecs[name] : undefined;
  if (codec === undefined) {
    throw new SinkError('INVALID_OPTIONS', `unknown page compression ${JSON.stringify(name)}.`, { hint: `Use ${Object.keys(pageCodecs).join(', ')}.` });
  }
  return codec;
}
