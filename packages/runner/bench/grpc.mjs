#!/usr/bin/env node
/**
 * gRPC transport alone: a server in this process streams the 2020 fixture ledgers over six
 * `StreamRawLedgers` calls on one loopback connection to a client in a child process, which only
 * receives them. Reported per flow-control window: CPU ms a ledger of the client and of the
 * server, and ledgers/s; the variants alternate run by run, medians of the runs. The baseline is
 * HTTP/2's default window (64 KiB), which grpc-js uses unless told otherwise.
 *
 * Usage: pnpm --filter stellar-ducklake-run bench:grpc [-- --ledgers 3000 --runs 3]
 */
import { fork } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { register } from 'tsx/esm/api';

register();
const { clientChannelOptions, defaultFlowControlWindow, rawLedgerService } = await import('../src/grpc/proto.ts');

const STREAMS = 6;
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

if (args[0] === 'client') {
  const [, address, window, count] = args;
  const { Client } = rawLedgerService();
  const options = window === 'default' ? { ...clientChannelOptions(), 'grpc-node.flow_control_window': undefined } : clientChannelOptions(Number(window));
  const client = new Client(address, grpc.credentials.createInsecure(), options);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let received = 0;
  await Promise.all(
    Array.from({ length: STREAMS }, async (_, i) => {
      const call = client.StreamRawLedgers({ start_ledger: i });
      for await (const _message of call) if (++received >= Number(count)) break;
      call.cancel();
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  process.send({ cpuMs: (cpu.user + cpu.system) / 1000, seconds: (performance.now() - t0) / 1000, received });
  process.exit(0);
}

const ledgers = Number(opt('--ledgers', '3000'));
const runs = Number(opt('--runs', '3'));
const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const dir = join(resolve(process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(repoRoot, '../shared/fixtures')), 'ledgers');
const templates = readdirSync(dir).filter((f) => f.endsWith('.xdr')).map((f) => readFileSync(join(dir, f)));

const server = new grpc.Server();
server.addService(rawLedgerService().service, {
  StreamRawLedgers(call) {
    let seq = 0;
    let cancelled = false;
    call.on('cancelled', () => (cancelled = true));
    const pump = () => {
      while (!cancelled) {
        // A copy a ledger, as a server reading ledgers from files or a backend would hold.
        if (!call.write({ sequence: seq, ledger_close_meta_xdr: Buffer.from(templates[seq++ % templates.length]) })) return void call.once('drain', pump);
      }
    };
    pump();
  },
  GetLedgerRange(_call, callback) {
    callback(null, { ledgers: [], latest_ledger: 0 });
  },
});
const port = await new Promise((res, rej) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))));

const windows = ['default', String(1024 * 1024), String(defaultFlowControlWindow)];
const results = Object.fromEntries(windows.map((w) => [w, []]));
for (let r = 0; r < runs; r++) {
  for (const window of r % 2 ? [...windows].reverse() : windows) {
    const cpu0 = process.cpuUsage();
    const child = fork(fileURLToPath(import.meta.url), ['client', `127.0.0.1:${port}`, window, String(ledgers)]);
    const out = await new Promise((res, rej) => {
      child.once('message', res);
      child.once('exit', (code) => code !== 0 && rej(new Error(`client exited ${code}`)));
    });
    const cpu = process.cpuUsage(cpu0);
    results[window].push({ client: out.cpuMs / out.received, server: (cpu.user + cpu.system) / 1000 / out.received, rate: out.received / out.seconds });
  }
}
server.forceShutdown();

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const label = (w) => (w === 'default' ? 'HTTP/2 default (64 KiB)' : `${Number(w) / 2 ** 20} MiB`);
console.log(`# gRPC transport\n\n${ledgers} ledgers of the 2020 fixtures (${(templates.reduce((n, t) => n + t.length, 0) / templates.length / 1024).toFixed(0)} KiB each) over ${STREAMS} streams on one loopback connection; medians of ${runs} runs.\n`);
console.log('| flow-control window | client CPU ms a ledger | server CPU ms a ledger | ledgers/s |');
console.log('| --- | ---: | ---: | ---: |');
for (const w of windows) {
  const xs = results[w];
  console.log(`| ${label(w)} | ${median(xs.map((x) => x.client)).toFixed(3)} | ${median(xs.map((x) => x.server)).toFixed(3)} | ${median(xs.map((x) => x.rate)).toFixed(0)} |`);
}
