/**
 * `run`: ingest a range (or follow the tip) from a source into the lake, resuming from the lake's
 * progress; with `--replace`, reprocess some tables over a committed range and swap their rows in
 * one transaction.
 */
import type { LedgerRows, TableName } from '@stellar-ducklake/extract';
import type { RunConfig } from '../cli/config.js';
import { startMetricsServer } from '../cli/metrics.js';
import { ProgressDisplay, RunStats } from '../cli/progress-display.js';
import { MemorySink } from '../memory-sink.js';
import type { ProgressListener } from '../pipeline/progress.js';
import { runPipeline, type PipelineOptions } from '../pipeline/run-pipeline.js';
import { formatRangeList } from '../range-format.js';
import { openSource } from '../sources/open-source.js';
import { logLine, type CommandIo } from './io.js';
import { openLake } from './open-lake.js';

/** Runs `run`; resolves to the exit code (0), throws typed errors. */
export async function runCommand(config: RunConfig, io: CommandIo, extra: Pick<PipelineOptions, 'extractorModule'> = {}): Promise<number> {
  const stats = new RunStats();
  const source = await openSource(config.source, {
    retryTimeoutMs: config.retryTimeoutSeconds * 1000,
    onRetry: (info) => {
      stats.onRetry(info);
      logLine(io, 'warn', 'source retry', { source: config.sourceUri, ledger: info.ledger, attempt: info.attempt + 1, delay_ms: info.delayMs, error: info.error.message });
    },
  });
  const metrics = config.metricsPort === undefined ? undefined : await startMetricsServer(stats, config.metricsPort);
  if (metrics) logLine(io, 'info', 'metrics endpoint', { url: `http://127.0.0.1:${metrics.port}/metrics` });
  const mode = config.progress === 'auto' ? (io.isTty ? 'tty' : 'log') : config.progress;
  const display = new ProgressDisplay(stats, mode, io.stderr);
  let sink: Awaited<ReturnType<typeof openLake>> | undefined;
  try {
    sink = await openLake({
      lake: config.lake,
      network: config.network,
      tables: config.tables,
      batchSize: config.batchSize,
      commitIntervalSeconds: config.commitIntervalSeconds,
      compression: config.compression,
    });
    const progress: ProgressListener = {
      onPlan: (chunks) => stats.onPlan(chunks),
      onChunkStart: (stream, chunk) => stats.onChunkStart(stream, chunk),
      onLedger: (stream, seq, rows) => stats.onLedger(stream, seq, rows),
      onRetry: (info) => stats.onRetry(info),
      onCommit: () => {
        stats.onCommit();
        if (mode === 'log') logLine(io, 'info', 'committed', { ledgers: stats.done, commits: stats.commits });
      },
    };
    const base = {
      source,
      range: config.range,
      streams: config.streams,
      threads: config.threads,
      networkPassphrase: config.network.passphrase,
      stop: io.stop,
      progress,
      ...extra,
    };
    logLine(io, 'info', config.replace ? 'replacing' : 'starting', {
      source: config.sourceUri,
      start: config.range.start,
      end: config.range.end ?? 'tip',
      streams: config.streams,
      threads: config.threads,
      network: config.network.name,
      committed: formatRangeList(await sink.committedRanges()),
    });
    const tip = await source.latestLedger();
    if (tip !== undefined && config.range.end !== undefined && config.range.end > tip) {
      logLine(io, 'warn', 'the range ends past the source tip; waiting for those ledgers', { end: config.range.end, tip });
    }
    display.start();
    if (config.replace) {
      const end = config.range.end as number;
      const collected = new MemorySink();
      const result = await runPipeline({ ...base, sink: collected, ignoreCommitted: true });
      display.stop();
      if (result.stopped) {
        logLine(io, 'info', 'stopped before the range was read; nothing replaced');
        return 0;
      }
      const rows: LedgerRows[] = [...collected.committed].sort((a, b) => a.ledger.sequence - b.ledger.sequence);
      const tables = (Object.keys(config.tables) as TableName[]).filter((t) => config.tables[t].enabled);
      await sink.replaceRange(tables, config.range.start, end, rows);
      logLine(io, 'info', 'replaced', { tables: tables.join(','), start: config.range.start, end, ledgers: rows.length });
      return 0;
    }
    const result = await runPipeline({ ...base, sink, commitIntervalMs: config.commitIntervalSeconds * 1000 });
    display.stop();
    const committed = formatRangeList(await sink.committedRanges());
    if (!result.chunks.length) logLine(io, 'info', 'nothing to do: the range is already committed', { committed });
    else logLine(io, 'info', result.stopped ? 'stopped; progress committed' : 'done', { ledgers: result.ledgers, committed });
    if (!result.stopped && result.ledgers > 0 && config.range.end !== undefined) {
      // The end of a backfill: merge the batch files, expire old snapshots, delete unused files.
      try {
        await sink.compact();
        logLine(io, 'info', 'compacted');
      } catch (error) {
        logLine(io, 'warn', 'compaction failed; the committed data is unaffected (run it again later)', { error: (error as Error).message });
      }
    }
    return 0;
  } finally {
    display.stop();
    await source.close();
    await metrics?.close();
    await sink?.close().catch(() => undefined);
  }
}
