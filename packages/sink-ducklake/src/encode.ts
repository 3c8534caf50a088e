/**
 * `@stellar-ducklake/sink-ducklake/encode`: turning extracted rows into the Parquet pages the sink
 * commits, without loading DuckDB. Import this in extraction worker threads and hand the result to
 * {@link DuckLakeSink.writeEncoded}.
 */
export { encodeLedger, encodeRows, encodedSize, tableRows, transferList, type EncodedLedger, type EncodedTable, type EncodeOptions } from './parquet/encode.js';
export { pageCompressions, type PageCompression } from './parquet/codec.js';
