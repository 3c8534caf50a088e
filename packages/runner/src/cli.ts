#!/usr/bin/env node
/**
 * `stellar-ducklake-run`. The first SIGINT/SIGTERM stops reading, flushes and commits, and exits 0;
 * a second one exits at once with 130 (uncommitted rows are never visible: commits are atomic).
 */
import { main } from './cli/main.js';
import { ExitCode } from './errors.js';

const stop = new AbortController();
let signals = 0;
const onSignal = (signal: NodeJS.Signals): void => {
  signals++;
  if (signals === 1) {
    process.stderr.write(`level=info msg="${signal}: stopping, committing what is done (signal again to exit at once)"\n`);
    stop.abort();
  } else {
    process.stderr.write(`level=warn msg="${signal}: exiting at once"\n`);
    process.exit(ExitCode.interrupted);
  }
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTty: process.stderr.isTTY === true,
  env: process.env,
  stop: stop.signal,
});
process.stdout.write('', () => process.exit(code));
