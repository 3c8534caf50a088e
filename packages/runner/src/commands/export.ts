/** `export TABLE`: the ingestion pipeline into stdout as stellar-etl-compatible JSON lines. */
import type { ExportConfig } from '../cli/config.js';
import { JsonLinesSink } from '../json-lines-sink.js';
import { runPipeline, type PipelineOptions } from '../pipeline/run-pipeline.js';
import { openSource } from '../sources/open-source.js';
import { logLine, type CommandIo } from './io.js';

/** Longest chunk one stream of `export` takes at a time. */
const EXPORT_CHUNK_LEDGERS = 16;

/** Runs `export`; resolves to the exit code. */
export async function exportCommand(config: ExportConfig, io: CommandIo, extra: Pick<PipelineOptions, 'extractorModule'> = {}): Promise<number> {
  const source = await openSource(config.source, {
    retryTimeoutMs: config.retryTimeoutSeconds * 1000,
    onRetry: (info) => logLine(io, 'warn', 'source retry', { ledger: info.ledger, attempt: info.attempt + 1, error: info.error.message }),
  });
  try {
    const sink = new JsonLinesSink(config.table, config.range, io.stdout);
    await runPipeline({
      source,
      sink,
      range: config.range,
      streams: config.streams,
      threads: config.threads,
      networkPassphrase: config.network.passphrase,
      stop: io.stop,
      // Lines are printed in ledger order: short chunks keep the streams close together, so few
      // out-of-order ledgers wait in memory.
      maxChunkLedgers: EXPORT_CHUNK_LEDGERS,
      ...extra,
    });
    return 0;
  } finally {
    await source.close();
  }
}
