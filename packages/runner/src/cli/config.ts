/**
 * The configuration of every command, parsed once from a YAML file (with `${ENV}` expansion) and
 * command-line flags (which win), validated into one typed object. Every problem is reported at once,
 * each naming its key.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tables as tableDefs, type TableName } from '@stellar-ducklake/extract';
import { pageCompressions, type PageCompression } from '@stellar-ducklake/sink-ducklake';
import { parse as parseYaml } from 'yaml';
import { ConfigError, type ConfigProblem } from '../errors.js';
import type { OpenLedgerRange } from '../range.js';
import { parseSourceUri, type SourceSpec } from '../sources/open-source.js';
import { defaults } from './defaults.js';
import { expandEnv } from './env-expand.js';
import { nameOfPassphrase, networkNames, passphraseOf, type NetworkName } from './networks.js';

/** Option keys as written in YAML (camelCase) with their flag spelling. */
export const optionKeys = {
  source: '--source',
  start: '--start',
  end: '--end',
  lake: '--lake',
  catalog: '--catalog',
  dataPath: '--data-path',
  streams: '--streams',
  threads: '--threads',
  network: '--network',
  networkPassphrase: '--network-passphrase',
  batchSize: '--batch-size',
  commitIntervalSeconds: '--commit-interval',
  extensionDir: '--extension-dir',
  tables: '--tables',
  replace: '--replace',
  retryTimeoutSeconds: '--retry-timeout',
  metricsPort: '--metrics-port',
  progress: '--progress',
  compression: '--compression',
  port: '--port',
  host: '--host',
  paceMs: '--pace-ms',
  json: '--json',
} as const;

/** A config key. */
export type OptionKey = keyof typeof optionKeys;

/** Raw option values before validation: strings from flags, anything from YAML. */
export type RawOptions = Partial<Record<OptionKey, unknown>>;

/** Where the lake is. */
export interface LakeLocation {
  /** `DIR`: catalog `DIR/catalog.ducklake`, data `DIR/data`. */
  lake?: string;
  /** DuckLake catalog URI. */
  catalog?: string;
  /** Data path. */
  dataPath?: string;
  /** DuckDB extension directory for offline loading. */
  extensionDirectory?: string;
}

/** Per-table settings, all four tables present. */
export type TablesConfig = Record<TableName, { enabled: boolean; name: string }>;

/** Network settings. */
export interface NetworkConfig {
  /** Name (`pubnet`, `testnet`, `futurenet`), or `custom` for another passphrase. */
  name: NetworkName | 'custom';
  /** The passphrase. */
  passphrase: string;
}

/** Validated options of `run`. */
export interface RunConfig {
  command: 'run';
  source: SourceSpec;
  sourceUri: string;
  network: NetworkConfig;
  range: OpenLedgerRange;
  streams: number;
  threads: number;
  batchSize: number;
  commitIntervalSeconds: number;
  retryTimeoutSeconds: number;
  lake: LakeLocation;
  tables: TablesConfig;
  /** Reprocess the enabled tables over the range, replacing their rows. */
  replace: boolean;
  metricsPort: number | undefined;
  progress: 'auto' | 'tty' | 'log' | 'none';
  /** How the Parquet pages written into the lake are compressed. */
  compression: PageCompression;
}

/** Validated options of `export`. */
export interface ExportConfig {
  command: 'export';
  table: TableName;
  source: SourceSpec;
  sourceUri: string;
  network: NetworkConfig;
  range: { start: number; end: number };
  streams: number;
  threads: number;
  retryTimeoutSeconds: number;
}

/** Validated options of `serve`. */
export interface ServeConfig {
  command: 'serve';
  dir: string;
  port: number;
  host: string;
  paceMs: number;
}

/** Validated options of `verify`. */
export interface VerifyConfig {
  command: 'verify';
  lake: LakeLocation;
  network: NetworkConfig;
  range: { start: number; end: number };
  tables: TablesConfig;
  json: boolean;
}

/** Validated options of `query`. */
export interface QueryConfig {
  command: 'query';
  lake: LakeLocation;
  network: NetworkConfig;
  sql: string;
  json: boolean;
}

/** The validated configuration of any command. */
export type CommandConfig = RunConfig | ExportConfig | ServeConfig | VerifyConfig | QueryConfig;

/** The commands. */
export const commands = ['run', 'export', 'serve', 'verify', 'query'] as const;
/** A command name. */
export type CommandName = (typeof commands)[number];

/** Which keys each command accepts. */
const accepted: Record<CommandName, readonly OptionKey[]> = {
  run: ['source', 'start', 'end', 'lake', 'catalog', 'dataPath', 'streams', 'threads', 'network', 'networkPassphrase', 'batchSize', 'commitIntervalSeconds', 'extensionDir', 'tables', 'replace', 'retryTimeoutSeconds', 'metricsPort', 'progress', 'compression'],
  export: ['source', 'start', 'end', 'streams', 'threads', 'network', 'networkPassphrase', 'retryTimeoutSeconds'],
  serve: ['source', 'port', 'host', 'paceMs'],
  verify: ['lake', 'catalog', 'dataPath', 'network', 'networkPassphrase', 'start', 'end', 'extensionDir', 'tables', 'json'],
  query: ['lake', 'catalog', 'dataPath', 'network', 'networkPassphrase', 'extensionDir', 'json'],
};

/** Inputs of {@link resolveConfig}. */
export interface ConfigInput {
  command: CommandName;
  /** Positional arguments after the command (export: TABLE; query: SQL). */
  positionals: readonly string[];
  /** Values from flags (already keyed by config key). */
  flags: RawOptions;
  /** Environment (for `${ENV}` and `STELLAR_DUCKLAKE_EXTENSION_DIR`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Reads the config file; default `fs.readFileSync(path, 'utf8')`. */
  readFile?: (path: string) => string;
}

class Problems {
  readonly list: ConfigProblem[] = [];
  add(key: string, message: string): void {
    this.list.push({ key, message });
  }
}

const label = (key: OptionKey): string => `${key} (${optionKeys[key]})`;

/** Reads and expands the YAML config file into raw options. */
function loadYaml(path: string, input: ConfigInput, problems: Problems): RawOptions {
  let text: string;
  try {
    text = (input.readFile ?? ((p: string) => readFileSync(p, 'utf8')))(path);
  } catch (e) {
    problems.add('config (--config)', `cannot read ${path}: ${(e as Error).message}`);
    return {};
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    problems.add('config (--config)', `${path} is not valid YAML: ${(e as Error).message}`);
    return {};
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    problems.add('config (--config)', `${path} must hold a mapping of keys to values`);
    return {};
  }
  const expand = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      const { value: v, missing } = expandEnv(value, input.env);
      for (const name of missing) problems.add(key, `environment variable ${name} is not set`);
      return v;
    }
    if (Array.isArray(value)) return value.map((v, i) => expand(v, `${key}[${i}]`));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v, `${key}.${k}`)]));
    }
    return value;
  };
  const out: RawOptions = {};
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (!(key in optionKeys) || key === 'json') {
      problems.add(key, `unknown key; known keys: ${Object.keys(optionKeys).filter((k) => k !== 'json').join(', ')}`);
      continue;
    }
    out[key as OptionKey] = expand(value, key);
  }
  return out;
}

function int(raw: RawOptions, key: OptionKey, problems: Problems, opts: { min: number; max?: number }): number | undefined {
  const v = raw[key];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(n) || n < opts.min || n > max) {
    problems.add(label(key), `must be an integer from ${opts.min}${opts.max === undefined ? '' : ` to ${opts.max}`}, got ${JSON.stringify(v)}`);
    return undefined;
  }
  return n;
}

function str(raw: RawOptions, key: OptionKey, problems: Problems): string | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') {
    problems.add(label(key), `must be a non-empty string, got ${JSON.stringify(v)}`);
    return undefined;
  }
  return v;
}

function bool(raw: RawOptions, key: OptionKey, problems: Problems): boolean | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  problems.add(label(key), `must be true or false, got ${JSON.stringify(v)}`);
  return undefined;
}

const tableNames = Object.keys(tableDefs) as TableName[];

function parseTables(raw: RawOptions, problems: Problems): TablesConfig {
  const out = Object.fromEntries(tableNames.map((t) => [t, { enabled: true, name: t }])) as TablesConfig;
  const v = raw.tables;
  if (v === undefined || v === null) return out;
  const only = (list: string[]): void => {
    const unknown = list.filter((t) => !tableNames.includes(t as TableName));
    if (unknown.length) problems.add(label('tables'), `unknown table ${unknown.join(', ')}; tables are ${tableNames.join(', ')}`);
    if (!list.length) problems.add(label('tables'), 'must name at least one table');
    for (const t of tableNames) out[t].enabled = list.includes(t);
  };
  if (typeof v === 'string') only(v.split(',').map((s) => s.trim()).filter(Boolean));
  else if (Array.isArray(v)) only(v.map(String));
  else if (typeof v === 'object') {
    for (const [t, settings] of Object.entries(v as Record<string, unknown>)) {
      const key = `tables.${t}`;
      if (!tableNames.includes(t as TableName)) {
        problems.add(key, `unknown table; tables are ${tableNames.join(', ')}`);
        continue;
      }
      if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
        problems.add(key, 'must be a mapping with `enabled` and/or `name`');
        continue;
      }
      for (const [k, val] of Object.entries(settings as Record<string, unknown>)) {
        if (k === 'enabled') {
          if (typeof val === 'boolean') out[t as TableName].enabled = val;
          else problems.add(`${key}.enabled`, `must be true or false, got ${JSON.stringify(val)}`);
        } else if (k === 'name') {
          if (typeof val === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(val)) out[t as TableName].name = val;
          else problems.add(`${key}.name`, `must be an identifier (letters, digits, _), got ${JSON.stringify(val)}`);
        } else problems.add(`${key}.${k}`, 'unknown key; use enabled or name');
      }
    }
    if (!tableNames.some((t) => out[t].enabled)) problems.add('tables', 'every table is disabled; enable at least one');
  } else problems.add(label('tables'), 'must be a comma-separated list or a mapping of table settings');
  return out;
}

function parseNetwork(raw: RawOptions, problems: Problems): NetworkConfig {
  const name = str(raw, 'network', problems);
  const passphrase = str(raw, 'networkPassphrase', problems);
  if (name !== undefined && passphrase !== undefined) {
    problems.add(label('network'), 'give either network or networkPassphrase, not both');
  }
  if (passphrase !== undefined) return { name: nameOfPassphrase(passphrase), passphrase };
  if (name !== undefined) {
    if (!(networkNames as readonly string[]).includes(name)) {
      problems.add(label('network'), `must be one of ${networkNames.join(', ')}, got ${JSON.stringify(name)}`);
      return { name: defaults.network, passphrase: passphraseOf(defaults.network) };
    }
    return { name: name as NetworkName, passphrase: passphraseOf(name as NetworkName) };
  }
  return { name: defaults.network, passphrase: passphraseOf(defaults.network) };
}

function parseLake(raw: RawOptions, input: ConfigInput, problems: Problems): LakeLocation {
  const lake = str(raw, 'lake', problems);
  const catalog = str(raw, 'catalog', problems);
  const dataPath = str(raw, 'dataPath', problems);
  const extensionDirectory = str(raw, 'extensionDir', problems) ?? (input.env[defaults.extensionDirEnv] || undefined);
  if (lake === undefined && catalog === undefined) problems.add(label('lake'), 'required: give lake DIR, or catalog URI with dataPath');
  if (lake !== undefined && catalog !== undefined) problems.add(label('lake'), 'give either lake or catalog, not both');
  if (lake !== undefined && dataPath !== undefined) problems.add(label('dataPath'), 'lake DIR already sets the data path to DIR/data');
  return {
    ...(lake === undefined ? {} : { lake: resolve(lake) }),
    ...(catalog === undefined ? {} : { catalog }),
    ...(dataPath === undefined ? {} : { dataPath }),
    ...(extensionDirectory === undefined ? {} : { extensionDirectory: resolve(extensionDirectory) }),
  };
}

function parseRange(raw: RawOptions, problems: Problems, endRequired: boolean): OpenLedgerRange | undefined {
  const start = int(raw, 'start', problems, { min: 1, max: 0xffffffff });
  const end = int(raw, 'end', problems, { min: 1, max: 0xffffffff });
  if (raw.start === undefined) problems.add(label('start'), 'required');
  if (endRequired && raw.end === undefined) problems.add(label('end'), 'required');
  if (start !== undefined && end !== undefined && end < start) problems.add(label('end'), `must be at least start (${start}), got ${end}`);
  if (start === undefined) return undefined;
  return end === undefined ? { start } : { start, end };
}

function parseSource(raw: RawOptions, problems: Problems, filesOnly = false): { spec: SourceSpec; uri: string } | undefined {
  const uri = str(raw, 'source', problems);
  if (uri === undefined) {
    if (raw.source === undefined) problems.add(label('source'), `required: ${filesOnly ? 'files:DIR' : 'grpc://HOST:PORT or files:DIR'}`);
    return undefined;
  }
  const spec = parseSourceUri(uri);
  if (typeof spec === 'string') {
    problems.add(label('source'), spec);
    return undefined;
  }
  if (filesOnly && spec.kind !== 'files') {
    problems.add(label('source'), `serve reads ledger files: use files:DIR, got ${JSON.stringify(uri)}`);
    return undefined;
  }
  return { spec, uri };
}

/**
 * Validates the options of a command.
 * @throws {ConfigError} listing every problem, each naming its key.
 */
export function resolveConfig(input: ConfigInput, configPath?: string): CommandConfig {
  const problems = new Problems();
  const fromFile = configPath === undefined ? {} : loadYaml(configPath, input, problems);
  const raw: RawOptions = { ...fromFile };
  for (const [k, v] of Object.entries(input.flags)) if (v !== undefined) raw[k as OptionKey] = v;
  const { command } = input;
  for (const key of Object.keys(raw) as OptionKey[]) {
    if (!accepted[command].includes(key)) {
      const where = key in input.flags ? optionKeys[key] : key;
      problems.add(where, `not an option of ${command}`);
    }
  }
  const positionals = input.positionals;
  const done = <T extends CommandConfig>(config: T): T => {
    if (problems.list.length) throw new ConfigError(problems.list);
    return config;
  };

  switch (command) {
    case 'run': {
      if (positionals.length) problems.add('arguments', `run takes no positional arguments, got ${positionals.join(' ')}`);
      const source = parseSource(raw, problems);
      const range = parseRange(raw, problems, false);
      const replace = bool(raw, 'replace', problems) ?? false;
      const tables = parseTables(raw, problems);
      if (replace) {
        if (raw.end === undefined) problems.add(label('replace'), 'needs an end ledger: replacing follows no tip');
        if (raw.tables === undefined) problems.add(label('replace'), 'needs tables: name the tables to reprocess');
      }
      const progress = str(raw, 'progress', problems) ?? 'auto';
      if (!['auto', 'tty', 'log', 'none'].includes(progress)) problems.add(label('progress'), `must be auto, tty, log or none, got ${JSON.stringify(progress)}`);
      const compression = str(raw, 'compression', problems) ?? pageCompressions[0];
      if (!(pageCompressions as readonly string[]).includes(compression)) {
        problems.add(label('compression'), `must be ${pageCompressions.join(', ')}, got ${JSON.stringify(compression)}`);
      }
      const config = {
        command,
        source: source?.spec as SourceSpec,
        sourceUri: source?.uri ?? '',
        network: parseNetwork(raw, problems),
        range: range as OpenLedgerRange,
        streams: int(raw, 'streams', problems, { min: 1, max: 256 }) ?? defaults.streams,
        threads: int(raw, 'threads', problems, { min: 1, max: 1024 }) ?? defaults.threads(),
        batchSize: int(raw, 'batchSize', problems, { min: 1 }) ?? defaults.batchSize,
        commitIntervalSeconds: int(raw, 'commitIntervalSeconds', problems, { min: 0 }) ?? defaults.commitIntervalSeconds,
        retryTimeoutSeconds: int(raw, 'retryTimeoutSeconds', problems, { min: 0 }) ?? defaults.retryTimeoutSeconds,
        lake: parseLake(raw, input, problems),
        tables,
        replace,
        metricsPort: int(raw, 'metricsPort', problems, { min: 0, max: 65535 }),
        progress: progress as RunConfig['progress'],
        compression: compression as PageCompression,
      } satisfies RunConfig;
      return done(config);
    }
    case 'export': {
      const table = positionals[0];
      if (table === undefined) problems.add('TABLE', `required: one of ${tableNames.join(', ')}`);
      else if (!tableNames.includes(table as TableName)) problems.add('TABLE', `unknown table ${JSON.stringify(table)}; tables are ${tableNames.join(', ')}`);
      if (positionals.length > 1) problems.add('arguments', `export takes one table, got ${positionals.join(' ')}`);
      const source = parseSource(raw, problems);
      const range = parseRange(raw, problems, true);
      return done({
        command,
        table: table as TableName,
        source: source?.spec as SourceSpec,
        sourceUri: source?.uri ?? '',
        network: parseNetwork(raw, problems),
        range: range as { start: number; end: number },
        streams: int(raw, 'streams', problems, { min: 1, max: 256 }) ?? defaults.exportStreams,
        threads: int(raw, 'threads', problems, { min: 1, max: 1024 }) ?? defaults.threads(),
        retryTimeoutSeconds: int(raw, 'retryTimeoutSeconds', problems, { min: 0 }) ?? defaults.retryTimeoutSeconds,
      });
    }
    case 'serve': {
      if (positionals.length) problems.add('arguments', `serve takes no positional arguments, got ${positionals.join(' ')}`);
      const source = parseSource(raw, problems, true);
      const port = int(raw, 'port', problems, { min: 0, max: 65535 });
      if (raw.port === undefined) problems.add(label('port'), 'required');
      return done({
        command,
        dir: source?.spec.kind === 'files' ? source.spec.dir : '',
        port: port ?? 0,
        host: str(raw, 'host', problems) ?? defaults.serveHost,
        paceMs: int(raw, 'paceMs', problems, { min: 0 }) ?? 0,
      });
    }
    case 'verify': {
      if (positionals.length) problems.add('arguments', `verify takes no positional arguments, got ${positionals.join(' ')}`);
      const range = parseRange(raw, problems, true);
      return done({
        command,
        lake: parseLake(raw, input, problems),
        network: parseNetwork(raw, problems),
        range: range as { start: number; end: number },
        tables: parseTables(raw, problems),
        json: bool(raw, 'json', problems) ?? false,
      });
    }
    case 'query': {
      const sql = positionals.join(' ').trim();
      if (!sql) problems.add('SQL', 'required: the query to run, as one argument');
      return done({
        command,
        lake: parseLake(raw, input, problems),
        network: parseNetwork(raw, problems),
        sql,
        json: bool(raw, 'json', problems) ?? false,
      });
    }
  }
}
