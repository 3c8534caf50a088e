/** An optional Prometheus `/metrics` endpoint over {@link RunStats}. */
import { createServer, type Server } from 'node:http';
import type { RunStats } from './progress-display.js';

/** Prometheus text exposition of the run's counters. */
export function metricsText(stats: RunStats): string {
  const lines = [
    '# HELP stellar_ducklake_ledgers_total Ledgers written to the sink.',
    '# TYPE stellar_ducklake_ledgers_total counter',
    `stellar_ducklake_ledgers_total ${stats.done}`,
    '# HELP stellar_ducklake_ledgers_planned Ledgers planned in the bounded part of the run.',
    '# TYPE stellar_ducklake_ledgers_planned gauge',
    `stellar_ducklake_ledgers_planned ${stats.total}`,
    '# HELP stellar_ducklake_rows_total Rows written per table.',
    '# TYPE stellar_ducklake_rows_total counter',
    ...Object.entries(stats.rows).map(([t, n]) => `stellar_ducklake_rows_total{table="${t}"} ${n}`),
    '# HELP stellar_ducklake_commits_total Sink commits.',
    '# TYPE stellar_ducklake_commits_total counter',
    `stellar_ducklake_commits_total ${stats.commits}`,
    '# HELP stellar_ducklake_source_retries_total Source stream retries.',
    '# TYPE stellar_ducklake_source_retries_total counter',
    `stellar_ducklake_source_retries_total ${stats.retries}`,
    '# HELP stellar_ducklake_stream_position Last ledger written per stream.',
    '# TYPE stellar_ducklake_stream_position gauge',
    ...[...stats.streams.entries()].map(([i, s]) => `stellar_ducklake_stream_position{stream="${i}"} ${s.position ?? s.chunk.start - 1}`),
  ];
  return lines.join('\n') + '\n';
}

/** Serves `/metrics` on 127.0.0.1:`port` (0 picks a free port). */
export async function startMetricsServer(stats: RunStats, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(metricsText(stats));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => server.listen(port, '127.0.0.1', resolve).once('error', reject));
  server.unref();
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
