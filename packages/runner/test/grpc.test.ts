import { copyFileSync, mkdtempSync } from 'node:fs';
import { createServer as createHttp2Server, type Http2Session, type ServerHttp2Stream } from 'node:http2';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Networks } from '@stellar-ducklake/extract';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceError } from '../src/errors.js';
import { defaultFlowControlWindow } from '../src/grpc/proto.js';
import { startRawLedgerServer, type RawLedgerServer } from '../src/grpc/server.js';
import { MemorySink } from '../src/memory-sink.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { backoffDelay, GrpcLedgerSource } from '../src/sources/grpc-source.js';
import { startFlakyServer } from './support/flaky-server.js';
import { contiguous, haveFixtures, ledgerBytes, ledgersDir } from './support/fixtures.js';
import { headerExtractor, RecordingSource, seqs, sorted } from './support/harness.js';

const run = haveFixtures() ? describe : describe.skip;
const all = seqs(contiguous.start, contiguous.end);
const fast = { initialBackoffMs: 20, maxBackoffMs: 200 };
const base = { threads: 1, networkPassphrase: Networks.PUBNET, extractorModule: headerExtractor };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('back-off', () => {
  it('grows exponentially to the cap, with jitter in the upper half', () => {
    expect(backoffDelay(0, 100, 5000, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, 5000, () => 0.999999)).toBe(100);
    expect(backoffDelay(3, 100, 5000, () => 0)).toBe(400);
    expect(backoffDelay(30, 100, 5000, () => 0.999999)).toBe(5000);
  });
});

describe('gRPC source flow control', () => {
  it.each([
    ['the default', undefined, defaultFlowControlWindow],
    ['a chosen', 1024 * 1024, 1024 * 1024],
  ])('grants the server %s HTTP/2 window, per stream and for the connection', async (_, option, window) => {
    // A bare HTTP/2 server on loopback reads the windows the client's SETTINGS and WINDOW_UPDATE allow.
    const h2 = createHttp2Server();
    const seen = new Promise<{ session: Http2Session; stream: ServerHttp2Stream }>((resolve) => {
      h2.on('stream', (stream) => resolve({ session: stream.session!, stream }));
    });
    await new Promise<void>((r) => h2.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => h2.close(() => r())));
    const source = new GrpcLedgerSource(`127.0.0.1:${(h2.address() as { port: number }).port}`, { ...fast, ...(option === undefined ? {} : { flowControlWindow: option }) });
    cleanups.push(() => source.close());
    const abort = new AbortController();
    const reading = (async () => {
      for await (const _ of source.stream({ start: 1, end: 1 }, abort.signal)) break;
    })().catch(() => undefined);
    const { session, stream } = await seen;
    cleanups.unshift(async () => {
      abort.abort();
      stream.close();
      session.destroy();
      await reading;
    });
    // The connection window is raised by a WINDOW_UPDATE sent right after the settings exchange.
    for (let i = 0; i < 100 && session.state.remoteWindowSize! < window; i++) await new Promise((r) => setTimeout(r, 10));
    expect(session.remoteSettings.initialWindowSize).toBe(window); // each stream's window
    expect(session.state.remoteWindowSize).toBe(window);
  });
});

run('gRPC source against the real serve implementation', () => {
  it('streams each chunk and stops at its end; the server reports its tip', async () => {
    const server: RawLedgerServer = await startRawLedgerServer({ dir: ledgersDir, port: 0 });
    cleanups.push(() => server.close());
    const source = new GrpcLedgerSource(server.address);
    cleanups.push(() => source.close());
    const got: number[] = [];
    for await (const l of source.stream({ start: 30822020, end: 30822022 }, new AbortController().signal)) {
      expect(Buffer.from(l.bytes).equals(Buffer.from(ledgerBytes(l.sequence)))).toBe(true);
      got.push(l.sequence);
    }
    expect(got).toEqual([30822020, 30822021, 30822022]);
    expect(await source.latestLedger()).toBe(contiguous.end);
  });

  it('six streams into the in-memory sink: every ledger exactly once, never more than six streams', async () => {
    const server = await startFlakyServer({ dir: ledgersDir, paceMs: 5 });
    cleanups.push(() => server.close());
    const sink = new MemorySink();
    const source = new GrpcLedgerSource(server.address, fast);
    cleanups.push(() => source.close());
    await runPipeline({ ...base, streams: 6, source, sink, range: contiguous });
    expect(sorted(sink.committedSequences())).toEqual(all);
    expect(server.maxConcurrent).toBeLessThanOrEqual(6);
    expect(server.maxConcurrent).toBeGreaterThan(1);
  });

  it('a ledger missing below the tip ends the run with an error naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdl-grpc-gap-'));
    for (const s of all) if (s !== 30822024) copyFileSync(join(ledgersDir, `${s}.xdr`), join(dir, `${s}.xdr`));
    const server = await startRawLedgerServer({ dir, port: 0 });
    cleanups.push(() => server.close());
    const source = new GrpcLedgerSource(server.address, fast);
    cleanups.push(() => source.close());
    const sink = new MemorySink();
    const error = await runPipeline({ ...base, streams: 1, source, sink, range: { start: 30822023, end: 30822025 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe('SOURCE_MISSING_LEDGER');
    expect((error as SourceError).ledger).toBe(30822024);
    expect((error as Error).message).toMatch(/ledger 30822024 is missing/);
    expect(sorted(sink.committedSequences())).toEqual([30822023]);
  });
});

run('gRPC faults', () => {
  it('UNAVAILABLE for a while: backs off, then every ledger exactly once', async () => {
    const server = await startFlakyServer({ dir: ledgersDir, unavailableForMs: 700 });
    cleanups.push(() => server.close());
    let retries = 0;
    const source = new GrpcLedgerSource(server.address, { ...fast, onRetry: () => retries++ });
    cleanups.push(() => source.close());
    const sink = new MemorySink();
    await runPipeline({ ...base, streams: 3, source, sink, range: contiguous });
    expect(server.rejected).toBeGreaterThan(0);
    expect(retries).toBeGreaterThanOrEqual(server.rejected);
    expect(sorted(sink.committedSequences())).toEqual(all);
    expect(server.maxConcurrent).toBeLessThanOrEqual(3);
  });

  it('streams cut mid-way reopen at the next ledger needed: nothing lost or written twice', async () => {
    const server = await startFlakyServer({ dir: ledgersDir, breakStreams: 4, breakAfter: 1 });
    cleanups.push(() => server.close());
    const grpcSource = new GrpcLedgerSource(server.address, fast);
    cleanups.push(() => grpcSource.close());
    const source = new RecordingSource(grpcSource);
    const sink = new MemorySink();
    await runPipeline({ ...base, streams: 2, source, sink, range: contiguous });
    expect(server.broken).toBe(4);
    expect(sorted(sink.committedSequences())).toEqual(all);
    // Each ledger was received once: reopened streams start after the last ledger received.
    expect(sorted(source.yielded)).toEqual(all);
  });

  it('the server is killed and restarted mid-run: every ledger exactly once', async () => {
    const port = await closedPort();
    let server = await startFlakyServer({ dir: ledgersDir, paceMs: 100, port });
    let retries = 0;
    const grpcSource = new GrpcLedgerSource(`127.0.0.1:${port}`, { ...fast, onRetry: () => retries++ });
    cleanups.push(() => grpcSource.close());
    let killedAfter = 0;
    const source = new RecordingSource(grpcSource, (l) => {
      if (killedAfter === 0 && source.yielded.length === 3) {
        killedAfter = source.yielded.length;
        void server.close().then(() =>
          setTimeout(() => {
            void startFlakyServer({ dir: ledgersDir, paceMs: 5, port }).then((s) => {
              server = s;
              cleanups.push(() => s.close());
            });
          }, 400),
        );
      }
      return l;
    });
    const sink = new MemorySink();
    await runPipeline({ ...base, streams: 3, source, sink, range: contiguous });
    expect(killedAfter).toBe(3);
    expect(retries).toBeGreaterThan(0);
    expect(sorted(source.yielded)).toEqual(all);
    expect(sorted(sink.committedSequences())).toEqual(all);
  });

  it('an unreachable endpoint fails after the retry budget, naming the endpoint', async () => {
    const port = await closedPort();
    const source = new GrpcLedgerSource(`127.0.0.1:${port}`, { ...fast, retryTimeoutMs: 600 });
    cleanups.push(() => source.close());
    const error = await runPipeline({ ...base, streams: 2, source, sink: new MemorySink(), range: contiguous }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe('SOURCE_UNREACHABLE');
    expect((error as Error).message).toContain(`grpc://127.0.0.1:${port} unreachable`);
  });
});
