/**
 * Starting {@link WriterArgs writer processes} (TypeScript run through tsx) from tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from './env.js';
import type { WriterArgs } from './writer-process.js';

/** A running writer process and its outcome. */
export interface Writer {
  child: ChildProcess;
  /** Resolves when the writer has opened the lake (or exited). */
  ready: Promise<void>;
  /** Resolves when the process exits: its exit code or signal, and its output. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts a writer process. */
export function startWriter(args: WriterArgs): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'test/support/writer-process.ts'), JSON.stringify(args)], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('open\n')) onReady();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      onReady();
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, ready, exited };
}
