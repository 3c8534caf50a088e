/** Loads the `raw_ledger_service` proto (the stellar-live-source contract) shipped in `proto/`. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** Full name of the service. */
export const serviceName = 'raw_ledger_service.RawLedgerService';

/** `RawLedger` as decoded by proto-loader. */
export interface RawLedgerMessage {
  sequence: number;
  ledger_close_meta_xdr: Buffer;
}

/** `GetLedgerRangeResponse`. */
export interface GetLedgerRangeResponseMessage {
  ledgers: RawLedgerMessage[];
  latest_ledger: number;
}

/** Path of `raw_ledger_service.proto`, found from the source tree or the built package. */
export function protoPath(): string {
  const candidates = ['../../proto/raw_ledger_service.proto', '../proto/raw_ledger_service.proto'];
  for (const c of candidates) {
    const p = fileURLToPath(new URL(c, import.meta.url));
    if (existsSync(p)) return p;
  }
  throw new Error('raw_ledger_service.proto not found next to the runner package');
}

/** The service definition and client constructor. */
export interface RawLedgerServiceDefinition {
  service: grpc.ServiceDefinition;
  Client: grpc.ServiceClientConstructor;
}

let loaded: RawLedgerServiceDefinition | undefined;

/** Loads (once) the service definition. */
export function rawLedgerService(): RawLedgerServiceDefinition {
  if (!loaded) {
    const def = protoLoader.loadSync(protoPath(), { keepCase: true, longs: Number, defaults: true });
    const pkg = grpc.loadPackageDefinition(def) as unknown as {
      raw_ledger_service: { RawLedgerService: grpc.ServiceClientConstructor };
    };
    const Client = pkg.raw_ledger_service.RawLedgerService;
    loaded = { service: Client.service, Client };
  }
  return loaded;
}

/**
 * Default HTTP/2 flow-control window a client grants the server, per stream and for the
 * connection, in bytes. A sender may have at most one window in flight, so throughput is at most
 * window ÷ round trip: HTTP/2's default of 64 KiB, shared by every stream of a connection, would
 * cap a source 20 ms away near 3 MB/s (about 16 ledgers/s of 200 KB), and on loopback costs a
 * window update every few frames. 8 MiB covers 1 Gbit/s at 60 ms. It is also what a cancelled
 * stream may have in flight, sent for nothing: see `GrpcSourceOptions.flowControlWindow`.
 */
export const defaultFlowControlWindow = 8 * 1024 * 1024;

/** Channel options of clients: the contract's 100 MiB message limit, and the flow-control window. */
export function clientChannelOptions(flowControlWindow = defaultFlowControlWindow): grpc.ChannelOptions {
  return {
    'grpc.max_receive_message_length': 100 * 1024 * 1024,
    'grpc.max_send_message_length': 100 * 1024 * 1024,
    'grpc.enable_retries': 0,
    'grpc-node.flow_control_window': flowControlWindow,
  };
}
