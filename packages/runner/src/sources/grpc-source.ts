/**
 * `grpc://HOST:PORT`: ledgers from a `RawLedgerService` (stellar-live-source). Each chunk is one
 * `StreamRawLedgers` call, cancelled once the chunk's last ledger arrives. `UNAVAILABLE` and broken
 * streams are retried with jittered exponential back-off, reopening at the next ledger still needed.
 */
import * as grpc from '@grpc/grpc-js';
import { SourceError } from '../errors.js';
import { clientChannelOptions, defaultFlowControlWindow, rawLedgerService, type GetLedgerRangeResponseMessage, type RawLedgerMessage } from '../grpc/proto.js';
import type { Chunk } from '../range.js';
import { sleep, type LedgerSource, type RawLedger } from './source.js';

/** Retry policy of {@link GrpcLedgerSource}. */
export interface GrpcSourceOptions {
  /** Give up when no ledger arrived for this long while retrying, in ms. Default 120000. */
  retryTimeoutMs?: number;
  /** First back-off delay, in ms. Default 250. */
  initialBackoffMs?: number;
  /** Largest back-off delay, in ms. Default 5000. */
  maxBackoffMs?: number;
  /** Random source in [0, 1) for jitter. Default `Math.random`. */
  random?: () => number;
  /** Called before each retry (for logs and metrics). */
  onRetry?: (info: { ledger: number; attempt: number; delayMs: number; error: Error }) => void;
  /**
   * HTTP/2 flow-control window granted to the server, in bytes (per stream and for the
   * connection). Default 8 MiB ({@link defaultFlowControlWindow}): larger windows allow more
   * throughput over long round trips, but each chunk's stream is cancelled at the chunk's end
   * with up to one window of ledgers in flight, sent for nothing; short chunks want a smaller one.
   */
  flowControlWindow?: number;
}

const retryableCodes = new Set<number>([
  grpc.status.UNAVAILABLE,
  grpc.status.ABORTED,
  grpc.status.DEADLINE_EXCEEDED,
  grpc.status.RESOURCE_EXHAUSTED,
  grpc.status.CANCELLED,
]);

/** Whether a gRPC error is a transient condition worth reopening the stream for. */
export function isRetryableGrpcError(error: unknown): boolean {
  const code = (error as { code?: number }).code;
  if (code === undefined) return true; // transport error without a status: a broken stream
  if (retryableCodes.has(code)) return true;
  return code === grpc.status.INTERNAL && /RST_STREAM|protocol error|stream|connection/i.test((error as Error).message);
}

/** Jittered exponential back-off ("full jitter"): uniform in [base/2, min(max, initial·2^attempt)]. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

interface RawLedgerClient extends grpc.Client {
  StreamRawLedgers(request: { start_ledger: number }): grpc.ClientReadableStream<RawLedgerMessage>;
  GetLedgerRange(
    request: { start_ledger: number; end_ledger: number },
    options: grpc.CallOptions,
    callback: (error: grpc.ServiceError | null, response?: GetLedgerRangeResponseMessage) => void,
  ): grpc.ClientUnaryCall;
}

/** A `RawLedgerService` client. */
export class GrpcLedgerSource implements LedgerSource {
  readonly description: string;
  private readonly client: RawLedgerClient;
  private readonly opts: Required<Omit<GrpcSourceOptions, 'onRetry' | 'flowControlWindow'>> & { onRetry: GrpcSourceOptions['onRetry'] | undefined };

  /** @param address `host:port` (no scheme). */
  constructor(readonly address: string, options: GrpcSourceOptions = {}) {
    this.description = `grpc://${address}`;
    const { Client } = rawLedgerService();
    this.client = new Client(address, grpc.credentials.createInsecure(), clientChannelOptions(options.flowControlWindow)) as unknown as RawLedgerClient;
    this.opts = {
      retryTimeoutMs: options.retryTimeoutMs ?? 120_000,
      initialBackoffMs: options.initialBackoffMs ?? 250,
      maxBackoffMs: options.maxBackoffMs ?? 5000,
      random: options.random ?? Math.random,
      onRetry: options.onRetry,
    };
  }

  async *stream(chunk: Chunk, signal: AbortSignal): AsyncIterable<RawLedger> {
    let next = chunk.start;
    let attempt = 0;
    let failingSince: number | undefined;
    const done = (): boolean => chunk.end !== undefined && next > chunk.end;
    while (!done() && !signal.aborted) {
      const call = this.client.StreamRawLedgers({ start_ledger: next });
      const onAbort = (): void => call.cancel();
      signal.addEventListener('abort', onAbort, { once: true });
      let failure: Error | undefined;
      try {
        for await (const message of call as AsyncIterable<RawLedgerMessage>) {
          if (message.sequence !== next) {
            throw new SourceError(
              'SOURCE_OUT_OF_ORDER',
              `${this.description} sent ledger ${message.sequence} where ledger ${next} was expected.`,
              { ledger: next, endpoint: this.description, hint: 'The server must stream ascending ledgers without gaps.' },
            );
          }
          const bytes = message.ledger_close_meta_xdr;
          yield { sequence: next, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
          next++;
          attempt = 0;
          failingSince = undefined;
          if (done() || signal.aborted) break;
        }
        if (!done() && !signal.aborted) failure = new Error('stream ended before the chunk end');
      } catch (error) {
        if (error instanceof SourceError) throw error;
        if (signal.aborted) return;
        const code = (error as { code?: number }).code;
        if (code === grpc.status.NOT_FOUND) {
          throw new SourceError('SOURCE_MISSING_LEDGER', `${this.description} reported: ${(error as { details?: string }).details ?? (error as Error).message}`, {
            ledger: next,
            endpoint: this.description,
            cause: error,
            hint: 'Choose a range the source covers.',
          });
        }
        if (!isRetryableGrpcError(error)) {
          throw new SourceError('SOURCE_STREAM_FAILED', `${this.description} failed at ledger ${next}: ${(error as Error).message}`, {
            ledger: next,
            endpoint: this.description,
            cause: error,
          });
        }
        failure = error as Error;
      } finally {
        signal.removeEventListener('abort', onAbort);
        call.cancel();
      }
      if (failure === undefined || signal.aborted) continue;
      const now = Date.now();
      failingSince ??= now;
      if (now - failingSince >= this.opts.retryTimeoutMs) {
        throw new SourceError(
          'SOURCE_UNREACHABLE',
          `${this.description} unreachable: no ledger for ${Math.round((now - failingSince) / 1000)}s while waiting for ledger ${next} (last error: ${failure.message}).`,
          { ledger: next, endpoint: this.description, retryable: true, cause: failure, hint: 'Check that the server is running and the address is right.' },
        );
      }
      const delayMs = backoffDelay(attempt, this.opts.initialBackoffMs, this.opts.maxBackoffMs, this.opts.random);
      this.opts.onRetry?.({ ledger: next, attempt, delayMs, error: failure });
      attempt++;
      await sleep(Math.min(delayMs, Math.max(0, failingSince + this.opts.retryTimeoutMs - now)), signal);
    }
  }

  /** Asks `GetLedgerRange` for the server's tip; undefined when the server lacks that call. */
  async latestLedger(): Promise<number | undefined> {
    return new Promise((resolve) => {
      const deadline = new Date(Date.now() + 5000);
      this.client.GetLedgerRange(
        { start_ledger: 0, end_ledger: 0 },
        { deadline },
        (err, res) => resolve(err || !res || res.latest_ledger === 0 ? undefined : res.latest_ledger),
      );
    });
  }

  async close(): Promise<void> {
    this.client.close();
  }
}
