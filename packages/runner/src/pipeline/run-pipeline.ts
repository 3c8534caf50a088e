/**
 * The ingestion pipeline: `streams` source streams (I/O) feed a pool of `threads` extraction workers
 * (CPU), which feed one sink writer. A bounded number of ledgers is in flight at any time, so a slow
 * sink slows the workers, which slows the streams.
 */
import { StellarDucklakeError, type LedgerRows } from '@stellar-ducklake/extract';
import type { EncodedLedger } from '@stellar-ducklake/sink-ducklake/encode';
import { LakeError, LedgerDataError } from '../errors.js';
import { readLedgerHeaderInfo } from '../ledger-header.js';
import { planChunks, type Chunk, type OpenLedgerRange } from '../range.js';
import type { LedgerSink } from '../sink.js';
import type { LedgerSource, RawLedger } from '../sources/source.js';
import type { ProgressListener } from './progress.js';
import { Semaphore } from './semaphore.js';
import { ExtractPool } from './worker-pool.js';
import type { EncodeRequest } from './transport.js';

/** Options of {@link runPipeline}. */
export interface PipelineOptions {
  /** Where ledgers come from. */
  source: LedgerSource;
  /** Where rows go. */
  sink: LedgerSink;
  /** Ledgers to ingest (inclusive); no `end` follows the tip. */
  range: OpenLedgerRange;
  /** Concurrent source streams. */
  streams: number;
  /** Extraction worker threads. */
  threads: number;
  /** Network passphrase given to `extractLedger`. */
  networkPassphrase: string;
  /** Most ledgers between source and sink at once. Default `threads * 4 + streams`. */
  maxInFlight?: number;
  /**
   * Longest chunk of ledgers one stream takes at a time (default: unbounded). Consumers that emit
   * in ledger order (export) set it so concurrent streams stay close and little is held back.
   */
  maxChunkLedgers?: number;
  /** Flush at least this often while writing, in ms. Default: only at the end. */
  commitIntervalMs?: number;
  /** Ignore the sink's committed progress and read the whole range. */
  ignoreCommitted?: boolean;
  /** Aborting it stops reading; what was extracted is written and flushed. */
  stop?: AbortSignal;
  /** Progress events. */
  progress?: ProgressListener;
  /** Module exporting `extractLedger` for the workers; default `@stellar-ducklake/extract`. */
  extractorModule?: string;
  /** A worker pool to use (left open) instead of starting `threads` new workers for this run. */
  pool?: ExtractPool;
}

/** What a pipeline run did. */
export interface PipelineResult {
  /** The chunks planned (empty when the range was already committed). */
  chunks: Chunk[];
  /** Ledgers written to the sink. */
  ledgers: number;
  /** Whether the run ended because `stop` was aborted. */
  stopped: boolean;
}

/** Rows per table of one ledger, for progress. */
function rowCounts(rows: LedgerRows | EncodedLedger): Record<'ledgers' | 'transactions' | 'operations' | 'native_balances', number> {
  if ('ledger' in rows) {
    return { ledgers: 1, transactions: rows.transactions.length, operations: rows.operations.length, native_balances: rows.nativeBalances.length };
  }
  const t = rows.tables;
  return { ledgers: 1, transactions: t.transactions?.rows ?? 0, operations: t.operations?.rows ?? 0, native_balances: t.native_balances?.rows ?? 0 };
}

/** Whether an error came from the lake (then nothing more is committed). */
function isLakeFailure(error: unknown): boolean {
  return error instanceof LakeError || (error instanceof StellarDucklakeError && error.name === 'SinkError');
}

function asLakeError(error: unknown, ledger?: number): StellarDucklakeError {
  if (error instanceof StellarDucklakeError) return error;
  return new LakeError(`lake write failed: ${(error as Error).message}`, {
    ...(ledger === undefined ? {} : { ledger }),
    cause: error,
    hint: 'Check the lake path, disk space and catalog; committed data is unchanged.',
  });
}

/** Plans the chunks of a run from the sink's progress and, for open ranges, the source's tip. */
export async function planRun(
  options: Pick<PipelineOptions, 'source' | 'sink' | 'range' | 'streams' | 'ignoreCommitted' | 'maxChunkLedgers'>,
): Promise<Chunk[]> {
  const committed = options.ignoreCommitted ? [] : await options.sink.committedRanges().catch((e: unknown) => {
    throw asLakeError(e);
  });
  const { range, streams } = options;
  const max = options.maxChunkLedgers ?? Infinity;
  if (range.end !== undefined) return planChunks(range, committed, streams, max);
  const tip = await options.source.latestLedger();
  if (tip === undefined || tip < range.start) return planChunks(range, committed, streams, max);
  return [
    ...planChunks({ start: range.start, end: tip }, committed, Math.max(1, streams - 1), max),
    ...planChunks({ start: tip + 1 }, committed, 1),
  ];
}

/**
 * Runs the pipeline to the end of the range (or until `stop`), then flushes the sink. The sink is
 * not closed. On a source or data error, the ledgers already written are flushed before the error is
 * rethrown; on a lake error nothing more is committed.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { source, sink, streams, threads, networkPassphrase, progress } = options;
  const chunks = await planRun(options);
  progress?.onPlan?.(chunks, streams);
  if (!chunks.length) return { chunks, ledgers: 0, stopped: false };

  const abort = new AbortController();
  const onStop = (): void => abort.abort();
  options.stop?.addEventListener('abort', onStop, { once: true });
  if (options.stop?.aborted) abort.abort();

  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    abort.abort();
  };

  const pool =
    options.pool ?? new ExtractPool({ threads, ...(options.extractorModule === undefined ? {} : { extractorModule: options.extractorModule }) });
  const permits = new Semaphore(options.maxInFlight ?? threads * 4 + streams);
  const inFlight = new Set<Promise<void>>();
  let writes: Promise<void> = Promise.resolve();
  let written = 0;
  let lastFlush = Date.now();

  // Sinks that take Parquet pages get them encoded on the workers, next to extraction.
  const encode: EncodeRequest | undefined =
    sink.writeEncoded !== undefined && sink.enabledTables !== undefined ? { tables: sink.enabledTables, options: sink.encodeOptions ?? {} } : undefined;

  const write = (stream: number, rows: LedgerRows | EncodedLedger): Promise<void> => {
    writes = writes.then(async () => {
      if (isLakeFailure(failure)) return;
      const sequence = 'ledger' in rows ? rows.ledger.sequence : rows.sequence;
      try {
        if ('ledger' in rows) await sink.write(rows);
        else await sink.writeEncoded!(rows);
        written++;
        progress?.onLedger?.(stream, sequence, rowCounts(rows));
        if (options.commitIntervalMs !== undefined && Date.now() - lastFlush >= options.commitIntervalMs) {
          await sink.flush();
          lastFlush = Date.now();
          progress?.onCommit?.();
        }
      } catch (error) {
        fail(asLakeError(error, sequence));
      }
    });
    return writes;
  };

  const handle = async (stream: number, raw: RawLedger): Promise<void> => {
    const header = readLedgerHeaderInfo(raw.bytes, raw.sequence);
    if (header.sequence !== raw.sequence) {
      throw new LedgerDataError(`${source.description} delivered ledger ${header.sequence} in place of ledger ${raw.sequence}.`, {
        ledger: raw.sequence,
        hint: 'The source data is mislabelled or corrupt.',
      });
    }
    await permits.acquire();
    const extracted =
      encode !== undefined
        ? pool.extractEncoded(raw.sequence, raw.bytes, networkPassphrase, encode)
        : pool.extract(raw.sequence, raw.bytes, networkPassphrase);
    const job = extracted
      .then((rows) => write(stream, rows))
      .catch(fail)
      .finally(() => permits.release());
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  };

  const queue = [...chunks];
  const streamLoop = async (stream: number): Promise<void> => {
    for (let chunk = queue.shift(); chunk && !abort.signal.aborted; chunk = queue.shift()) {
      progress?.onChunkStart?.(stream, chunk);
      for await (const raw of source.stream(chunk, abort.signal)) {
        if (abort.signal.aborted) break;
        await handle(stream, raw);
      }
    }
  };

  try {
    await Promise.all(
      Array.from({ length: Math.min(streams, chunks.length) }, (_, i) => streamLoop(i).catch(fail)),
    );
    while (inFlight.size) await Promise.all([...inFlight]);
    await writes;
    if (!isLakeFailure(failure)) {
      try {
        await sink.flush();
        progress?.onCommit?.();
      } catch (error) {
        failure ??= asLakeError(error);
      }
    }
  } finally {
    options.stop?.removeEventListener('abort', onStop);
    if (!options.pool) await pool.close();
  }
  if (failure !== undefined) throw failure;
  return { chunks, ledgers: written, stopped: options.stop?.aborted ?? false };
}
