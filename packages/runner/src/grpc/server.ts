/**
 * A `RawLedgerService` server (the stellar-live-source contract) over a directory of ledger files.
 * `StreamRawLedgers` waits at the tip for new files; a ledger missing below the tip ends the stream
 * with `NOT_FOUND` naming it.
 */
import * as grpc from '@grpc/grpc-js';
import { SourceError } from '../errors.js';
import { LedgerFiles } from '../sources/ledger-files.js';
import { sleep } from '../sources/source.js';
import { rawLedgerService, type GetLedgerRangeResponseMessage, type RawLedgerMessage } from './proto.js';

/** Options of {@link startRawLedgerServer}. */
export interface RawLedgerServerOptions {
  /** Directory of ledger files. */
  dir: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Pause between ledgers of one stream, in ms, to simulate a live network. Default 0. */
  paceMs?: number;
  /** How often to rescan the directory while waiting at the tip, in ms. Default 1000. */
  pollIntervalMs?: number;
  /** Most ledgers in one `GetLedgerRange` answer. Default 100. */
  maxRangeLedgers?: number;
}

/** A running server. */
export interface RawLedgerServer {
  /** The bound port. */
  port: number;
  /** `host:port`. */
  address: string;
  /** The underlying grpc-js server. */
  server: grpc.Server;
  /** Stops accepting calls and ends open streams. */
  close(): Promise<void>;
}

type StreamCall = grpc.ServerWritableStream<{ start_ledger: number }, RawLedgerMessage>;
type RangeCall = grpc.ServerUnaryCall<{ start_ledger: number; end_ledger: number }, GetLedgerRangeResponseMessage>;

function statusFor(error: unknown): Partial<grpc.StatusObject> {
  if (error instanceof SourceError && error.code === 'SOURCE_MISSING_LEDGER') {
    return { code: grpc.status.NOT_FOUND, details: error.message.replace(/^ledger \d+: /, '') };
  }
  return { code: grpc.status.INTERNAL, details: (error as Error).message };
}

/** The service handlers over an index of ledger files; exported so tests can wrap them. */
export function rawLedgerHandlers(
  files: LedgerFiles,
  options: Pick<RawLedgerServerOptions, 'paceMs' | 'pollIntervalMs' | 'maxRangeLedgers'> = {},
): grpc.UntypedServiceImplementation {
  const poll = options.pollIntervalMs ?? 1000;
  const pace = options.paceMs ?? 0;
  const maxRange = options.maxRangeLedgers ?? 100;
  return {
    StreamRawLedgers(call: StreamCall): void {
      const abort = new AbortController();
      call.on('cancelled', () => abort.abort());
      call.on('close', () => abort.abort());
      void (async () => {
        let seq = call.request.start_ledger;
        try {
          while (!abort.signal.aborted) {
            if (!files.has(seq)) {
              const last = files.last;
              if (last !== undefined && seq <= last) throw files.missing(seq);
              await sleep(poll, abort.signal);
              await files.refresh();
              continue;
            }
            const bytes = await files.read(seq);
            if (abort.signal.aborted) return;
            const ok = call.write({ sequence: seq, ledger_close_meta_xdr: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
            if (!ok) await new Promise<void>((resolve) => {
              call.once('drain', resolve);
              abort.signal.addEventListener('abort', () => resolve(), { once: true });
            });
            seq++;
            if (pace > 0) await sleep(pace, abort.signal);
          }
        } catch (error) {
          if (!abort.signal.aborted) call.emit('error', statusFor(error));
        }
      })();
    },
    GetLedgerRange(call: RangeCall, callback: grpc.sendUnaryData<GetLedgerRangeResponseMessage>): void {
      void (async () => {
        try {
          await files.refresh();
          const { start_ledger: start, end_ledger: end } = call.request;
          const ledgers: RawLedgerMessage[] = [];
          for (let s = start; s < end && ledgers.length < maxRange; s++) {
            if (!files.has(s)) {
              if (files.last !== undefined && s <= files.last) throw files.missing(s);
              break;
            }
            const bytes = await files.read(s);
            ledgers.push({ sequence: s, ledger_close_meta_xdr: Buffer.from(bytes) });
          }
          callback(null, { ledgers, latest_ledger: files.last ?? 0 });
        } catch (error) {
          callback(statusFor(error));
        }
      })();
    },
  };
}

/** Starts a `RawLedgerService` server over `options.dir`. */
export async function startRawLedgerServer(options: RawLedgerServerOptions): Promise<RawLedgerServer> {
  const files = await LedgerFiles.open(options.dir);
  const server = new grpc.Server({
    'grpc.max_send_message_length': 100 * 1024 * 1024,
    'grpc.max_receive_message_length': 100 * 1024 * 1024,
  });
  server.addService(rawLedgerService().service, rawLedgerHandlers(files, options));
  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return {
    port,
    address: `${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000).unref();
      }),
  };
}
