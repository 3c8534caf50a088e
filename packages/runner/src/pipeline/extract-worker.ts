/**
 * Extraction worker thread: receives {@link ExtractJob}s, runs `extractLedger` and posts the rows
 * back, or their Parquet pages when the job names tables to encode.
 * `workerData.extractorModule` may name another module exporting `extractLedger` (tests).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeLedger, transferList } from '@stellar-ducklake/sink-ducklake/encode';
import { packError, packRows, type ExtractJob, type ExtractReply } from './transport.js';

type Extract = (bytes: Uint8Array, options: { networkPassphrase: string }) => import('@stellar-ducklake/extract').LedgerRows;

const port = parentPort;
if (!port) throw new Error('extract-worker must run in a worker thread');

const specifier = (workerData as { extractorModule?: string } | null)?.extractorModule ?? '@stellar-ducklake/extract';
const loaded: Promise<Extract> = import(specifier).then((m: { extractLedger?: Extract; default?: { extractLedger?: Extract } }) => {
  const fn = m.extractLedger ?? m.default?.extractLedger;
  if (typeof fn !== 'function') throw new Error(`${specifier} does not export extractLedger`);
  return fn;
});

port.on('message', (job: ExtractJob) => {
  loaded.then(
    (extract) => {
      let reply: ExtractReply;
      let transfer: ArrayBuffer[] = [];
      try {
        const rows = extract(job.bytes, { networkPassphrase: job.networkPassphrase });
        if (job.encode !== undefined) {
          const encoded = encodeLedger(rows, job.encode.tables, job.encode.options);
          reply = { id: job.id, encoded };
          transfer = transferList(encoded);
        } else {
          const packed = packRows(rows);
          reply = { id: job.id, rows: packed.payload };
          transfer = packed.transfer;
        }
      } catch (error) {
        const e = packError(error);
        reply = { id: job.id, error: { ...e, ledger: e.ledger ?? job.sequence } };
      }
      port.postMessage(reply, transfer);
    },
    (error: unknown) => port.postMessage({ id: job.id, error: packError(error) } satisfies ExtractReply),
  );
});
