/**
 * Renders pipeline progress: a redrawn block on a TTY (ledgers/s, ETA, rows per table, per-stream
 * position), otherwise one structured `key=value` log line every few seconds.
 */
import type { ProgressListener, TableCounts } from '../pipeline/progress.js';
import type { Chunk } from '../range.js';

/** Counters shared by the display and the metrics endpoint. */
export class RunStats implements ProgressListener {
  /** Ledgers to do in the finite part of the plan. */
  total = 0;
  /** Ledgers written. */
  done = 0;
  /** Commits. */
  commits = 0;
  /** Source retries. */
  retries = 0;
  /** Rows written per table. */
  readonly rows: TableCounts = { ledgers: 0, transactions: 0, operations: 0, native_balances: 0 };
  /** Per stream: its chunk and the last ledger written from it. */
  readonly streams = new Map<number, { chunk: Chunk; position: number | undefined }>();
  /** When the run started (ms). */
  readonly startedAt = Date.now();
  /** Last retry message. */
  lastRetry: string | undefined;

  onPlan(chunks: readonly Chunk[]): void {
    this.total = chunks.reduce((n, c) => n + (c.end === undefined ? 0 : c.end - c.start + 1), 0);
  }

  onChunkStart(stream: number, chunk: Chunk): void {
    this.streams.set(stream, { chunk, position: undefined });
  }

  onLedger(stream: number, sequence: number, rows: TableCounts): void {
    this.done++;
    for (const k of Object.keys(rows) as (keyof TableCounts)[]) this.rows[k] += rows[k];
    const s = this.streams.get(stream);
    if (s && (s.position === undefined || sequence > s.position)) s.position = sequence;
  }

  onCommit(): void {
    this.commits++;
  }

  onRetry(info: { ledger: number; attempt: number; delayMs: number; error: Error }): void {
    this.retries++;
    this.lastRetry = `ledger ${info.ledger}: ${info.error.message} (retry ${info.attempt + 1} in ${info.delayMs} ms)`;
  }

  /** Ledgers per second since the start. */
  rate(): number {
    const s = (Date.now() - this.startedAt) / 1000;
    return s > 0 ? this.done / s : 0;
  }

  /** Seconds left for the finite part, when it can be estimated. */
  etaSeconds(): number | undefined {
    const r = this.rate();
    if (!this.total || r <= 0) return undefined;
    return Math.max(0, (this.total - this.done) / r);
  }
}

const fmtEta = (s: number | undefined): string =>
  s === undefined ? '?' : s >= 3600 ? `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m` : s >= 60 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : `${Math.round(s)}s`;

/** A periodic renderer of {@link RunStats}. */
export class ProgressDisplay {
  private timer: NodeJS.Timeout | undefined;
  private lines = 0;

  constructor(
    private readonly stats: RunStats,
    private readonly mode: 'tty' | 'log' | 'none',
    private readonly out: NodeJS.WritableStream = process.stderr,
    private readonly intervalMs = mode === 'tty' ? 250 : 5000,
  ) {}

  /** Starts rendering. */
  start(): void {
    if (this.mode === 'none') return;
    this.timer = setInterval(() => this.render(), this.intervalMs);
    this.timer.unref();
  }

  /** Renders once more and stops. */
  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.render();
  }

  /** Renders the current state. */
  render(): void {
    const s = this.stats;
    const rows = `ledgers=${s.rows.ledgers} transactions=${s.rows.transactions} operations=${s.rows.operations} native_balances=${s.rows.native_balances}`;
    if (this.mode === 'log') {
      this.out.write(
        `level=info msg=progress done=${s.done} total=${s.total} rate=${s.rate().toFixed(1)} eta_s=${s.etaSeconds()?.toFixed(0) ?? 'unknown'} commits=${s.commits} retries=${s.retries} ${rows}\n`,
      );
      return;
    }
    const out: string[] = [];
    const pct = s.total ? ((100 * s.done) / s.total).toFixed(1) : '-';
    out.push(`ledgers ${s.done}/${s.total || '?'} (${pct}%)  ${s.rate().toFixed(1)} ledgers/s  ETA ${fmtEta(s.etaSeconds())}  commits ${s.commits}  retries ${s.retries}`);
    out.push(`rows   ${rows}`);
    for (const [i, st] of [...s.streams.entries()].sort((a, b) => a[0] - b[0])) {
      out.push(`stream ${i}: ${st.chunk.start}-${st.chunk.end ?? 'tip'} at ${st.position ?? '-'}`);
    }
    if (s.lastRetry) out.push(`last retry: ${s.lastRetry}`);
    const clear = this.lines ? `\x1b[${this.lines}A\x1b[J` : '';
    this.out.write(clear + out.join('\n') + '\n');
    this.lines = out.length;
  }
}
