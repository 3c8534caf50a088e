/** `serve`: a `RawLedgerService` gRPC server over a directory of ledger files, until stopped. */
import type { ServeConfig } from '../cli/config.js';
import { startRawLedgerServer } from '../grpc/server.js';
import { logLine, type CommandIo } from './io.js';

/** Serves until `io.stop` aborts; resolves to the exit code. */
export async function serveCommand(config: ServeConfig, io: CommandIo): Promise<number> {
  const server = await startRawLedgerServer({ dir: config.dir, port: config.port, host: config.host, paceMs: config.paceMs });
  logLine(io, 'info', 'serving', { address: server.address, dir: config.dir });
  io.stdout.write(`listening ${server.address}\n`);
  await new Promise<void>((resolve) => {
    if (io.stop.aborted) resolve();
    io.stop.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  logLine(io, 'info', 'stopped');
  return 0;
}
