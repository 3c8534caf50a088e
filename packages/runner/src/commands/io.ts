/** What a command needs from its process: output streams, environment and the stop signal. */

/** Process surroundings of a command. */
export interface CommandIo {
  /** Data output (export lines, query results, summaries). */
  stdout: NodeJS.WritableStream;
  /** Logs and progress. */
  stderr: NodeJS.WritableStream;
  /** Whether stderr is a terminal (selects the progress display). */
  isTty: boolean;
  /** Aborted on the first SIGINT/SIGTERM: stop reading, flush, commit, exit 0. */
  stop: AbortSignal;
}

/** Writes one structured log line (`level=… msg="…" key=value …`). */
export function logLine(io: CommandIo, level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, string | number> = {}): void {
  const kv = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'number' || /^[\w.:/-]+$/.test(v) ? v : JSON.stringify(v)}`);
  io.stderr.write([`level=${level}`, `msg=${JSON.stringify(msg)}`, ...kv].join(' ') + '\n');
}
