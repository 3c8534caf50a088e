/**
 * The CLI entry logic: parse, validate, install signal handlers, run the command, map errors to
 * exit codes. Kept apart from `cli.ts` so it can be called in-process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { exportCommand } from '../commands/export.js';
import type { CommandIo } from '../commands/io.js';
import { queryCommand } from '../commands/query.js';
import { runCommand } from '../commands/run.js';
import { serveCommand } from '../commands/serve.js';
import { verifyCommand } from '../commands/verify.js';
import { ConfigError, ExitCode, exitCodeFor } from '../errors.js';
import { resolveConfig } from './config.js';
import { parseCommandLine } from './parse-args.js';
import { usage } from './usage.js';

/** Surroundings of {@link main}. */
export interface MainIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  isTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on the first interrupt. */
  stop: AbortSignal;
}

/** This package's version, read from its package.json (source tree or built `dist/`). */
function packageVersion(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'stellar-ducklake-run' && pkg.version) return pkg.version;
    }
  }
  return 'unknown';
}

/** Prints an error with its code, ledger and hint. */
export function formatError(error: unknown): string {
  if (error instanceof ConfigError) return `error: ${error.message}\n`;
  const e = error as { code?: unknown; message?: string; cause?: unknown };
  const code = typeof e?.code === 'string' ? ` [${e.code}]` : '';
  const cause = e?.cause instanceof Error && !String(e.message).includes(e.cause.message) ? `\n  cause: ${e.cause.message}` : '';
  return `error${code}: ${e?.message ?? String(error)}${cause}\n`;
}

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help) {
      io.stdout.write(usage);
      return ExitCode.ok;
    }
    if (parsed.version) {
      io.stdout.write(`${packageVersion()}\n`);
      return ExitCode.ok;
    }
    const config = resolveConfig({ command: parsed.command, positionals: parsed.positionals, flags: parsed.flags, env: io.env }, parsed.configPath);
    const cio: CommandIo = { stdout: io.stdout, stderr: io.stderr, isTty: io.isTty, stop: io.stop };
    switch (config.command) {
      case 'run':
        return await runCommand(config, cio);
      case 'export':
        return await exportCommand(config, cio);
      case 'serve':
        return await serveCommand(config, cio);
      case 'verify':
        return await verifyCommand(config, cio);
      case 'query':
        return await queryCommand(config, cio);
    }
  } catch (error) {
    io.stderr.write(formatError(error));
    if (error instanceof ConfigError) io.stderr.write('Run with --help for usage.\n');
    return exitCodeFor(error);
  }
}
