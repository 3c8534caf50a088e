/**
 * Page compression of the Parquet files the sink writes. Snappy is DuckLake's default codec, so
 * registered files need no rewrite to be compressed as the lake's own files are.
 */
import { compressSync } from 'snappy';
import type { PageCodec } from './columns.js';
import { SinkError } from '../errors.js';

/** How data pages are compressed: `snappy` (default) or `uncompressed`. */
export type PageCompression = 'snappy' | 'uncompressed';

/** The codecs by name (Parquet `CompressionCodec` numbers). */
const pageCodecs: Readonly<Record<PageCompression, PageCodec>> = {
  uncompressed: { id: 0, compress: undefined },
  snappy: { id: 1, compress: (body) => compressSync(body) },
};

/** The codec of a compression name; throws `SinkError` `INVALID_OPTIONS` for another name. */
export function pageCodec(name: PageCompression): PageCodec {
  const codec = Object.hasOwn(pageCodecs, name) ? pageCodecs[name] : undefined;
  if (codec === undefined) {
    throw new SinkError('INVALID_OPTIONS', `unknown page compression ${JSON.stringify(name)}.`, { hint: `Use ${Object.keys(pageCodecs).join(' or ')}.` });
  }
  return codec;
}
