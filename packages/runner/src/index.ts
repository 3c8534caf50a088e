/**
 * `stellar-ducklake-run`: the runner library behind the CLI: sources (gRPC `stellar-live-source`,
 * ledger files), the streams → extraction workers → sink pipeline, range planning, and the commands.
 *
 * @example
 * import { FilesLedgerSource, MemorySink, runPipeline } from 'stellar-ducklake-run';
 * const source = await FilesLedgerSource.open('../shared/fixtures/ledgers');
 * const sink = new MemorySink();
 * await runPipeline({ source, sink, range: { start: 30822015, end: 30822025 }, streams: 6, threads: 2,
 *   networkPassphrase: 'Public Global Stellar Network ; September 2015' });
 *
 * @packageDocumentation
 */
export { planChunks, missingRanges, mergeRanges, rangeSize, type LedgerRange, type OpenLedgerRange, type Chunk } from './range.js';
export { formatRangeList } from './range-format.js';
export {
  ExitCode,
  exitCodeFor,
  ConfigError,
  SourceError,
  LakeError,
  LedgerDataError,
  type ExitCodeValue,
  type ConfigProblem,
  type SourceErrorCode,
} from './errors.js';
export { readLedgerHeaderInfo, type LedgerHeaderInfo } from './ledger-header.js';
export type { LedgerSink } from './sink.js';
export { MemorySink, type MemorySinkOptions } from './memory-sink.js';
export { JsonLinesSink } from './json-lines-sink.js';
export type { LedgerSource, RawLedger } from './sources/source.js';
export { FilesLedgerSource, type FilesSourceOptions } from './sources/files-source.js';
export { LedgerFiles } from './sources/ledger-files.js';
export { GrpcLedgerSource, backoffDelay, isRetryableGrpcError, type GrpcSourceOptions } from './sources/grpc-source.js';
export { parseSourceUri, openSource, type SourceSpec } from './sources/open-source.js';
export { readGalexieBatch, galexieNameRange, type LedgerBatch } from './sources/galexie.js';
export { startRawLedgerServer, rawLedgerHandlers, type RawLedgerServer, type RawLedgerServerOptions } from './grpc/server.js';
export { clientChannelOptions, defaultFlowControlWindow, rawLedgerService, protoPath, serviceName, type RawLedgerMessage } from './grpc/proto.js';
export { runPipeline, planRun, type PipelineOptions, type PipelineResult } from './pipeline/run-pipeline.js';
export { ExtractPool, ExtractionFailedError, type ExtractPoolOptions } from './pipeline/worker-pool.js';
export type { ProgressListener, TableCounts } from './pipeline/progress.js';
export {
  resolveConfig,
  optionKeys,
  commands,
  type CommandConfig,
  type RunConfig,
  type ExportConfig,
  type ServeConfig,
  type VerifyConfig,
  type QueryConfig,
  type CommandName,
  type ConfigInput,
  type RawOptions,
  type OptionKey,
  type LakeLocation,
  type TablesConfig,
  type NetworkConfig,
} from './cli/config.js';
export { parseCommandLine, type ParsedCommandLine } from './cli/parse-args.js';
export { defaults } from './cli/defaults.js';
export { expandEnv } from './cli/env-expand.js';
export { main, formatError, type MainIo } from './cli/main.js';
export { hashChainBreaks, type HashBreak, type ChainRow } from './commands/verify.js';
