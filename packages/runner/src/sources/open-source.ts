/** Parses a source URI (`grpc://HOST:PORT` or `files:DIR`) and opens the source. */
import { resolve } from 'node:path';
import { FilesLedgerSource } from './files-source.js';
import { GrpcLedgerSource, type GrpcSourceOptions } from './grpc-source.js';
import type { LedgerSource } from './source.js';

/** A parsed source URI. */
export type SourceSpec = { kind: 'grpc'; address: string } | { kind: 'files'; dir: string };

/** Parses `grpc://HOST:PORT` or `files:DIR`; returns an error message when invalid. */
export function parseSourceUri(uri: string): SourceSpec | string {
  if (uri.startsWith('grpc://')) {
    const address = uri.slice('grpc://'.length).replace(/\/$/, '');
    const m = /^(\[[^\]]+\]|[^:/]+):(\d{1,5})$/.exec(address);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) return `expected grpc://HOST:PORT, got "${uri}"`;
    return { kind: 'grpc', address };
  }
  if (uri.startsWith('files:')) {
    const dir = uri.slice('files:'.length);
    if (!dir) return `expected files:DIR, got "${uri}"`;
    return { kind: 'files', dir: resolve(dir) };
  }
  return `unknown source "${uri}": use grpc://HOST:PORT or files:DIR`;
}

/** Opens a parsed source. */
export async function openSource(spec: SourceSpec, grpcOptions: GrpcSourceOptions = {}): Promise<LedgerSource> {
  return spec.kind === 'grpc' ? new GrpcLedgerSource(spec.address, grpcOptions) : FilesLedgerSource.open(spec.dir);
}
