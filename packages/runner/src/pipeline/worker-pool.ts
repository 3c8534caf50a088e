/**
 * A fixed pool of extraction worker threads. Jobs queue in FIFO order; each worker runs one at a
 * time. The caller bounds how many jobs are outstanding (see the pipeline's in-flight limit).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LedgerRows } from '@stellar-ducklake/extract';
import type { EncodedLedger } from '@stellar-ducklake/sink-ducklake/encode';
import { StellarDucklakeError } from '@stellar-ducklake/extract';
import { packJob, unpackRows, type EncodeRequest, type ExtractJob, type ExtractReply, type WorkerErrorPayload } from './transport.js';

/** Options of {@link ExtractPool}. */
export interface ExtractPoolOptions {
  /** Number of worker threads (at least 1). */
  threads: number;
  /** Module exporting `extractLedger`; default `@stellar-ducklake/extract`. */
  extractorModule?: string;
}

/** An extraction failure reported by a worker, with the worker's code and ledger. */
export class ExtractionFailedError extends StellarDucklakeError {
  /** The original error class name (e.g. `ExtractError`). */
  readonly originalName: string;

  constructor(payload: WorkerErrorPayload) {
    super(payload.code, payload.message.replace(/^ledger \d+: /, ''), {
      ledger: payload.ledger,
      retryable: false,
      ...(payload.cause === undefined ? {} : { cause: new Error(payload.cause) }),
    });
    this.originalName = payload.name;
  }
}

/**
 * How to start the worker: the built `extract-worker.js` next to this module, or, when running from
 * TypeScript sources (tests, `tsx`), `tsx-worker-bootstrap.mjs`, which registers the `tsx` loader in
 * the worker and then imports `extract-worker.ts`. `TSX_TSCONFIG_PATH` points tsx at this package's
 * tsconfig, whose `paths` map the workspace packages to their sources.
 */
function workerEntry(): { entry: URL; fromSource: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { entry: new URL('./extract-worker.js', here), fromSource: false };
  return { entry: new URL('./tsx-worker-bootstrap.mjs', here), fromSource: true };
}

interface Pending {
  job: ExtractJob;
  resolve: (result: LedgerRows | EncodedLedger) => void;
  reject: (error: Error) => void;
}

/** Worker threads running `extractLedger`. */
export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(options: ExtractPoolOptions) {
    const { entry, fromSource } = workerEntry();
    const env = { ...process.env };
    if (fromSource && !env.TSX_TSCONFIG_PATH) {
      env.TSX_TSCONFIG_PATH = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
    }
    for (let i = 0; i < Math.max(1, options.threads); i++) {
      const worker = new Worker(entry, {
        env,
        workerData: options.extractorModule === undefined ? {} : { extractorModule: options.extractorModule },
      });
      worker.on('message', (reply: ExtractReply) => this.onReply(worker, reply));
      worker.on('error', (error) => this.onCrash(worker, error));
      worker.unref();
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /** Extracts one ledger on a worker. */
  extract(sequence: number, bytes: Uint8Array, networkPassphrase: string): Promise<LedgerRows> {
    return this.submit({ id: this.nextId++, sequence, bytes, networkPassphrase }) as Promise<LedgerRows>;
  }

  /** Extracts one ledger on a worker and encodes its rows there as `encode` says, for `writeEncoded`. */
  extractEncoded(sequence: number, bytes: Uint8Array, networkPassphrase: string, encode: EncodeRequest): Promise<EncodedLedger> {
    return this.submit({ id: this.nextId++, sequence, bytes, networkPassphrase, encode }) as Promise<EncodedLedger>;
  }

  private submit(job: ExtractJob): Promise<LedgerRows | EncodedLedger> {
    if (this.closed) return Promise.reject(new Error('extract pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      const { message, transfer } = packJob(pending.job);
      worker.ref();
      worker.postMessage(message, transfer);
    }
  }

  private onReply(worker: Worker, reply: ExtractReply): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (pending && pending.job.id === reply.id) {
      if ('error' in reply) pending.reject(new ExtractionFailedError(reply.error));
      else if ('encoded' in reply) pending.resolve(reply.encoded);
      else pending.resolve(unpackRows(reply.rows));
    }
    this.dispatch();
  }

  private onCrash(worker: Worker, error: Error): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    const failure = new Error(`extraction worker crashed: ${error.message}`, { cause: error });
    pending?.reject(failure);
    for (const p of this.queue.splice(0)) p.reject(failure);
    this.closed = true;
  }

  /** Terminates the workers; queued jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('extract pool closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
