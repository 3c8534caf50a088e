/** `export TABLE`: the ingestion pipeline into stdout as stellar-etl-compatible JSON lines. */
import type { ExportConfig } from '../cli/config.js';
import { JsonLinesSink } from '../json-lines-sink.js';
import { runPipeline, type PipelineOptions } from '../pipeline/run-pipeline.js';
import { openSource } from '../sources/open-source.js';
import { logLine, type CommandIo } from './io.js';

/** Longest chunk one stream of `export` takes at a time. */
const EXPORT_CHUNK_LEDGERS = 16;

/**
 * Flow-control window of `export`'s gRPC streams: each short chunk ends with its stream cancelled
 * and up to one window sent for nothing, so a window of a few ledgers rather than the default.
 */
const EXPORT_FLOW_CONTROL_WINDOW = 1024 * 1024;

/** Runs `export`; resolves to the exit code. */
export async function exportCommand(config: ExportConfig, io: CommandIo, extra: Pick<PipelineOptions, 'extractorModule'> = {}): Promise<number> {
  const source = await openSource(config.source, {
    flowControlWindow: EXPORT_FLOW_CONTROL_WINDOW,
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
