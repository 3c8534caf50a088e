/**
 * Runs the real CLI (`src/cli.ts` through the tsx loader) as a child process, the way users run
 * it, and makes sure the offline DuckDB extensions are available.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './fixtures.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** The extension directory used by the tests (`.extensions` at the repository root). */
export const extensionDir = process.env.STELLAR_DUCKLAKE_EXTENSION_DIR ?? join(root, '.extensions');

/** Fetches the extensions when absent (`pnpm extensions:offline`); throws when that fails. */
export function ensureExtensions(): void {
  if (existsSync(extensionDir)) return;
  execFileSync(process.execPath, [join(root, 'scripts/extensions-offline.mjs'), '--dir', extensionDir], { stdio: 'inherit' });
  if (!existsSync(extensionDir)) throw new Error(`DuckDB extensions missing at ${extensionDir}`);
}

/** A finished CLI run. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A started CLI process. */
export interface CliProcess {
  proc: ChildProcess;
  /** Output so far. */
  out: { stdout: string; stderr: string };
  done: Promise<CliResult>;
  /** Resolves once stdout or stderr matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Starts `stellar-ducklake-run ARGS`. */
export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: packageDir,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(packageDir, 'tsconfig.json'), STELLAR_DUCKLAKE_EXTENSION_DIR: extensionDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  proc.stdout!.on('data', (d: Buffer) => {
    out.stdout += d.toString();
    for (const l of listeners) l();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    out.stderr += d.toString();
    for (const l of listeners) l();
  });
  const done = new Promise<CliResult>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal, ...out })));
  const waitFor = (pattern: RegExp, timeoutMs = 60_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (pattern.test(out.stdout) || pattern.test(out.stderr)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${pattern}; stdout: ${out.stdout}\nstderr: ${out.stderr}`));
      }, timeoutMs);
      listeners.add(check);
      void done.then(() => {
        if (listeners.has(check)) {
          listeners.delete(check);
          clearTimeout(timer);
          if (pattern.test(out.stdout) || pattern.test(out.stderr)) resolve();
          else reject(new Error(`process exited before ${pattern}; stdout: ${out.stdout}\nstderr: ${out.stderr}`));
        }
      });
      check();
    });
  return { proc, out, done, waitFor };
}

/** Runs the CLI to completion. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

/** Starts `serve` on a loopback port and returns its address. */
export async function startServe(dir: string, extra: string[] = [], port = 0): Promise<{ cli: CliProcess; address: string }> {
  const cli = startCli(['serve', '--source', `files:${dir}`, '--port', String(port), ...extra]);
  await cli.waitFor(/listening 127\.0\.0\.1:\d+/);
  const address = /listening (127\.0\.0\.1:\d+)/.exec(cli.out.stdout)![1]!;
  return { cli, address };
}

/** Stops a CLI process with a signal and waits for it. */
export async function stop(cli: CliProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<CliResult> {
  if (cli.proc.exitCode === null && cli.proc.signalCode === null) cli.proc.kill(signal);
  return cli.done;
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Runs `query --json` and parses the rows. */
export async function queryJson(lake: string, sql: string): Promise<Record<string, unknown>[]> {
  const r = await runCli(['query', '--lake', lake, '--json', sql]);
  if (r.code !== 0) throw new Error(`query failed (${r.code}): ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
