/**
 * A real `RawLedgerService` gRPC server on loopback that misbehaves like stellar-live-source under
 * stress: `UNAVAILABLE` while its "circuit breaker" is open, streams cut mid-way with `UNAVAILABLE`,
 * and it counts concurrent streams.
 */
import * as grpc from '@grpc/grpc-js';
import { rawLedgerService } from '../../src/grpc/proto.js';
import { LedgerFiles } from '../../src/sources/ledger-files.js';

/** Fault plan. */
export interface FlakyOptions {
  dir: string;
  /** Calls fail with UNAVAILABLE until this many ms after start. */
  unavailableForMs?: number;
  /** The first `breakStreams` streams end with UNAVAILABLE after sending `breakAfter` ledgers. */
  breakStreams?: number;
  breakAfter?: number;
  /** Pause between ledgers, ms. */
  paceMs?: number;
  port?: number;
}

/** A running flaky server with its counters. */
export interface FlakyServer {
  port: number;
  address: string;
  /** Calls answered with UNAVAILABLE at open. */
  rejected: number;
  /** Streams cut mid-way. */
  broken: number;
  /** Most streams open at once. */
  maxConcurrent: number;
  /** Ledgers sent, by sequence, across all streams. */
  sent: number[];
  close(): Promise<void>;
}

export async function startFlakyServer(options: FlakyOptions): Promise<FlakyServer> {
  const files = await LedgerFiles.open(options.dir);
  const startedAt = Date.now();
  let open = 0;
  const state: FlakyServer = {
    port: 0,
    address: '',
    rejected: 0,
    broken: 0,
    maxConcurrent: 0,
    sent: [],
    close: async () => undefined,
  };
  let streamsOpened = 0;
  const server = new grpc.Server();
  server.addService(rawLedgerService().service, {
    StreamRawLedgers(call: grpc.ServerWritableStream<{ start_ledger: number }, unknown>) {
      if (Date.now() - startedAt < (options.unavailableForMs ?? 0)) {
        state.rejected++;
        call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'service temporarily unavailable' });
        return;
      }
      const index = streamsOpened++;
      open++;
      state.maxConcurrent = Math.max(state.maxConcurrent, open);
      let cancelled = false;
      call.on('cancelled', () => (cancelled = true));
      void (async () => {
        try {
          let seq = call.request.start_ledger;
          for (let n = 0; !cancelled; n++, seq++) {
            if (index < (options.breakStreams ?? 0) && n === (options.breakAfter ?? 0)) {
              state.broken++;
              call.emit('error', { code: grpc.status.UNAVAILABLE, details: `backend state corrupted at ledger ${seq}, please reconnect` });
              return;
            }
            if (!files.has(seq)) {
              await new Promise((r) => setTimeout(r, 50));
              if (!files.has(seq)) {
                call.emit('error', { code: grpc.status.NOT_FOUND, details: `ledger ${seq} not found` });
                return;
              }
            }
            const bytes = await files.read(seq);
            if (cancelled) return;
            state.sent.push(seq);
            call.write({ sequence: seq, ledger_close_meta_xdr: Buffer.from(bytes) });
            if (options.paceMs) await new Promise((r) => setTimeout(r, options.paceMs));
          }
        } finally {
          open--;
        }
      })();
    },
    GetLedgerRange(_call: unknown, callback: grpc.sendUnaryData<unknown>) {
      callback({ code: grpc.status.UNIMPLEMENTED, details: 'not implemented' });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  state.port = port;
  state.address = `127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.forceShutdown();
      resolve();
    });
  return state;
}
