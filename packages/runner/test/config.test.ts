import { Networks } from '@stellar-ducklake/extract';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigInput, type RunConfig } from '../src/cli/config.js';
import { defaults } from '../src/cli/defaults.js';
import { parseCommandLine } from '../src/cli/parse-args.js';
import { ConfigError } from '../src/errors.js';

function fromArgv(argv: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const p = parseCommandLine(argv);
  const input: ConfigInput = { command: p.command, positionals: p.positionals, flags: p.flags, env, readFile: (path) => {
    const text = files[path];
    if (text === undefined) throw new Error('ENOENT: no such file');
    return text;
  } };
  return resolveConfig(input, p.configPath);
}

function problems(fn: () => unknown): { key: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return [...(e as ConfigError).problems];
  }
  throw new Error('expected a ConfigError');
}

describe('run config', () => {
  it('applies defaults: run is the default command, pubnet, 6 streams, all cores, all tables', () => {
    const c = fromArgv(['--source', 'grpc://127.0.0.1:50052', '--start', '10', '--lake', '/tmp/x']) as RunConfig;
    expect(c.command).toBe('run');
    expect(c.source).toEqual({ kind: 'grpc', address: '127.0.0.1:50052' });
    expect(c.range).toEqual({ start: 10 });
    expect(c.network).toEqual({ name: 'pubnet', passphrase: Networks.PUBNET });
    expect(c.streams).toBe(6);
    expect(c.threads).toBe(defaults.threads());
    expect(c.batchSize).toBe(defaults.batchSize);
    expect(c.lake).toEqual({ lake: '/tmp/x' });
    expect(Object.values(c.tables).every((t) => t.enabled)).toBe(true);
    expect(c.replace).toBe(false);
    expect(c.compression).toBe('snappy');
  });

  it('--compression picks the page codec of the files written, and refuses another name', () => {
    const base = ['--source', 'files:/d', '--start', '1', '--lake', '/l'];
    expect((fromArgv([...base, '--compression', 'lz4']) as RunConfig).compression).toBe('lz4');
    expect((fromArgv([...base, '--compression', 'uncompressed']) as RunConfig).compression).toBe('uncompressed');
    expect(problems(() => fromArgv([...base, '--compression', 'zstd']))).toEqual([
      { key: 'compression (--compression)', message: 'must be snappy, lz4, uncompressed, got "zstd"' },
    ]);
  });

  it('reads YAML with ${ENV} expansion, and flags override it', () => {
    const yaml = [
      'source: grpc://${SRC_HOST}:50052',
      'start: 100',
      'end: 200',
      'network: testnet',
      'streams: 3',
      'catalog: ducklake:postgres:dbname=lake password=${PGPASS}',
      'dataPath: ${DATA:-/srv/data}',
      'tables:',
      '  operations: { name: ops }',
      '  native_balances: { enabled: false }',
    ].join('\n');
    const c = fromArgv(['run', '--config', 'c.yaml', '--streams', '4', '--end', '150'], { SRC_HOST: 'live', PGPASS: 's3cret' }, { 'c.yaml': yaml }) as RunConfig;
    expect(c.sourceUri).toBe('grpc://live:50052');
    expect(c.range).toEqual({ start: 100, end: 150 });
    expect(c.streams).toBe(4);
    expect(c.network.passphrase).toBe(Networks.TESTNET);
    expect(c.lake).toEqual({ catalog: 'ducklake:postgres:dbname=lake password=s3cret', dataPath: '/srv/data' });
    expect(c.tables.operations).toEqual({ enabled: true, name: 'ops' });
    expect(c.tables.native_balances.enabled).toBe(false);
  });

  it('takes a custom passphrase and the extension directory from the environment', () => {
    const c = fromArgv(['--source', 'files:/d', '--start', '1', '--lake', '/l', '--network-passphrase', 'My Net'], {
      STELLAR_DUCKLAKE_EXTENSION_DIR: '/ext',
    }) as RunConfig;
    expect(c.network).toEqual({ name: 'custom', passphrase: 'My Net' });
    expect(c.lake.extensionDirectory).toBe('/ext');
  });

  it('--tables selects tables; --replace needs tables and an end', () => {
    const c = fromArgv(['run', '--source', 'files:/d', '--start', '1', '--end', '5', '--lake', '/l', '--tables', 'transactions,operations', '--replace']) as RunConfig;
    expect(c.replace).toBe(true);
    expect(Object.entries(c.tables).filter(([, t]) => t.enabled).map(([n]) => n)).toEqual(['transactions', 'operations']);
    expect(problems(() => fromArgv(['run', '--source', 'files:/d', '--start', '1', '--lake', '/l', '--replace'])).map((p) => p.message)).toEqual([
      'needs an end ledger: replacing follows no tip',
      'needs tables: name the tables to reprocess',
    ]);
  });

  it('reports every problem at once, one per key', () => {
    const yaml = 'source: http://x\nstart: -3\nstreams: many\nbatchSize: 0\nnetwork: moon\ntables: { operations: { enabled: maybe }, foo: {} }\ncolour: blue\nlake: ${NOPE}\n';
    const list = problems(() => fromArgv(['--config', 'bad.yaml', '--end', '2'], {}, { 'bad.yaml': yaml }));
    const keys = list.map((p) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'colour',
        'lake',
        'source (--source)',
        'start (--start)',
        'streams (--streams)',
        'batchSize (--batch-size)',
        'network (--network)',
        'tables.operations.enabled',
        'tables.foo',
      ]),
    );
    expect(list.find((p) => p.key === 'lake')!.message).toBe('environment variable NOPE is not set');
    expect(list.find((p) => p.key === 'source (--source)')!.message).toMatch(/unknown source "http:\/\/x"/);
    expect(list.find((p) => p.key === 'colour')!.message).toMatch(/^unknown key/);
    const error = new ConfigError(list);
    expect(error.message.split('\n').length).toBe(list.length + 1);
  });

  it('rejects an end before the start, both network forms, and unknown flags', () => {
    expect(problems(() => fromArgv(['--source', 'files:/d', '--start', '9', '--end', '3', '--lake', '/l']))[0]).toEqual({
      key: 'end (--end)',
      message: 'must be at least start (9), got 3',
    });
    expect(problems(() => fromArgv(['--source', 'files:/d', '--start', '9', '--lake', '/l', '--network', 'pubnet', '--network-passphrase', 'x']))[0]!.key).toBe('network (--network)');
    expect(problems(() => fromArgv(['--sauce', 'x']))[0]!.key).toBe('arguments');
  });
});

describe('other commands', () => {
  it('serve needs files:DIR and a port, binds loopback by default', () => {
    expect(fromArgv(['serve', '--source', 'files:/fx', '--port', '50052'])).toEqual({ command: 'serve', dir: '/fx', port: 50052, host: '127.0.0.1', paceMs: 0 });
    expect(problems(() => fromArgv(['serve', '--source', 'grpc://a:1'])).map((p) => p.key)).toEqual(['source (--source)', 'port (--port)']);
  });

  it('export takes a table and a bounded range, one stream by default', () => {
    const c = fromArgv(['export', 'operations', '--source', 'files:/fx', '--start', '1', '--end', '2']);
    expect(c).toMatchObject({ command: 'export', table: 'operations', range: { start: 1, end: 2 }, streams: 1 });
    expect(problems(() => fromArgv(['export', 'trades', '--source', 'files:/fx', '--start', '1'])).map((p) => p.key)).toEqual(['TABLE', 'end (--end)']);
  });

  it('query joins its SQL and verify needs a range; options of other commands are refused', () => {
    expect(fromArgv(['query', '--lake', '/l', '--json', 'select 1'])).toMatchObject({ command: 'query', sql: 'select 1', json: true, lake: { lake: '/l' } });
    expect(problems(() => fromArgv(['verify', '--lake', '/l', '--start', '1', '--streams', '3'])).map((p) => p.key)).toEqual(['--streams', 'end (--end)']);
  });
});
