/**
 * Opening a lake: one DuckDB instance per catalog per process, extensions loaded from a local
 * directory or installed online, and the catalog attached.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { messageOf, SinkError } from './errors.js';
import { quoteLiteral } from './ddl.js';
import { withRetries } from './retry.js';
import { isUrlPath, type SinkConfig } from './options.js';

/** A catalog connection string or error text with passwords replaced by `***`. */
export function redactSecrets(text: string): string {
  return text.replace(/(password\s*=\s*)('[^']*'|\S+)/gi, '$1***').replace(/(:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1***@');
}

/** The alias the lake is attached under in the sink's DuckDB instance. */
export const LAKE_ALIAS = 'lake';

const REGISTRY = Symbol.for('@stellar-ducklake/sink-ducklake:open-catalogs');

/**
 * Catalogs opened by this process. A second `DuckDBInstance` on the same DuckDB-file catalog in one
 * process attaches without error and then corrupts the catalog, so every sink claims its catalog
 * here first. The set lives on `globalThis` so that the ESM and CJS builds share it.
 */
function openCatalogs(): Set<string> {
  const g = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (g[REGISTRY] ??= new Set<string>());
}

/** The key identifying a catalog within the process. */
export function catalogKey(config: SinkConfig): string {
  return config.catalogFile !== undefined ? `file:${config.catalogFile}` : `postgres:${config.catalogTarget.trim()}`;
}

/** Claims a catalog for this process; returns the release function. Throws `CATALOG_IN_USE`. */
export function claimCatalog(config: SinkConfig): () => void {
  const key = catalogKey(config);
  const open = openCatalogs();
  if (open.has(key)) {
    throw new SinkError('CATALOG_IN_USE', `the lake catalog ${redactSecrets(config.catalog)} is already open in this process.`, {
      hint: 'Use one sink per lake per process (a second DuckDB instance on the same catalog corrupts it); close the other sink first.',
    });
  }
  open.add(key);
  let released = false;
  return () => {
    if (!released) open.delete(key);
    released = true;
  };
}

/** Creates the local directories of a file catalog and data path, and checks the data path is writable. */
export function prepareLocalPaths(config: SinkConfig): void {
  if (config.catalogFile !== undefined && config.dataPath === undefined && !existsSync(config.catalogFile)) {
    throw new SinkError('INVALID_OPTIONS', `the catalog ${config.catalogFile} does not exist yet and no dataPath was given.`, {
      hint: 'Give dataPath (where the Parquet files go) when creating a lake, or use the lake option.',
    });
  }
  if (config.catalogFile !== undefined) {
    try {
      mkdirSync(dirname(config.catalogFile), { recursive: true });
    } catch (e) {
      throw new SinkError('CATALOG_UNREACHABLE', `cannot create the directory of catalog ${config.catalogFile}: ${messageOf(e)}.`, { cause: e });
    }
  }
  const data = config.dataPath;
  if (data === undefined || isUrlPath(data)) return;
  const probe = join(data, `.write-probe-${process.pid}`);
  try {
    mkdirSync(data, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    throw new SinkError('DATA_PATH_NOT_WRITABLE', `cannot write to data path ${data}: ${messageOf(e)}.`, {
      cause: e,
      hint: 'Give a writable dataPath (the Parquet files go there).',
    });
  }
}

/** Extensions the configuration needs, in load order. */
export function requiredExtensions(config: SinkConfig): string[] {
  const ext = ['ducklake'];
  if (config.catalogKind === 'postgres') ext.push('postgres_scanner');
  if (config.catalogKind === 'sqlite') ext.push('sqlite_scanner');
  if (config.dataPath !== undefined && /^(s3|s3a|gs|gcs|r2|https?):\/\//i.test(config.dataPath)) ext.push('httpfs');
  return ext;
}

/** Creates the in-memory DuckDB instance that hosts the attached lake. */
export async function createInstance(config: SinkConfig): Promise<DuckDBInstance> {
  const options: Record<string, string> = { ...config.duckdbConfig };
  if (config.extensionDirectory !== undefined) {
    options.extension_directory = config.extensionDirectory;
    options.autoinstall_known_extensions = 'false';
  }
  return DuckDBInstance.create(':memory:', options);
}

/** Loads the needed extensions: from the extension directory when configured, else INSTALL + LOAD. */
export async function loadExtensions(connection: DuckDBConnection, config: SinkConfig): Promise<void> {
  for (const name of requiredExtensions(config)) {
    try {
      if (config.extensionDirectory === undefined) await connection.run(`INSTALL ${name}`);
      await connection.run(`LOAD ${name}`);
    } catch (e) {
      const hint =
        config.extensionDirectory === undefined
          ? 'Without internet access, run `pnpm extensions:offline` and pass its directory as extensionDirectory (runner: --extension-dir or STELLAR_DUCKLAKE_EXTENSION_DIR).'
          : `Run \`pnpm extensions:offline --dir ${config.extensionDirectory}\` to place the extensions of this DuckDB version there.`;
      throw new SinkError('EXTENSION_UNAVAILABLE', `cannot load the DuckDB extension ${name}: ${messageOf(e)}.`, { cause: e, hint });
    }
  }
}

/** `ATTACH` statement of the lake. */
export function attachSql(config: SinkConfig): string {
  const opts = [`DATA_INLINING_ROW_LIMIT ${config.dataInliningRowLimit}`];
  if (config.dataPath !== undefined) opts.unshift(`DATA_PATH ${quoteLiteral(config.dataPath)}`);
  return `ATTACH ${quoteLiteral(config.catalog)} AS ${LAKE_ALIAS} (${opts.join(', ')})`;
}

/** Attaches the lake; maps failures to `CATALOG_IN_USE` or `CATALOG_UNREACHABLE`. */
export async function attachLake(connection: DuckDBConnection, config: SinkConfig): Promise<void> {
  await connection.run(`SET ducklake_max_retry_count = ${config.ducklakeMaxRetryCount}`);
  for (const sql of config.setupSql) await connection.run(sql);
  try {
    // Two writers creating a new catalog at the same moment race on its metadata tables; the
    // loser retries and then finds the catalog created.
    await withRetries({ maxRetries: Math.max(config.maxRetries, 5), delayMs: Math.max(config.retryDelayMs, 50) }, async () => {
      try {
        await connection.run(attachSql(config));
      } catch (e) {
        const m = redactSecrets(messageOf(e));
        const racing = /duplicate key|already exists|conflict/i.test(m) && !/lock/i.test(m);
        throw new SinkError('CATALOG_UNREACHABLE', m, { retryable: racing, cause: e });
      }
    });
  } catch (err) {
    const e = err instanceof SinkError && err.cause !== undefined ? err.cause : err;
    const m = redactSecrets(messageOf(e));
    const catalog = redactSecrets(config.catalog);
    if (/lock/i.test(m)) {
      throw new SinkError('CATALOG_IN_USE', `the lake catalog ${catalog} is locked by another process: ${m}.`, {
        cause: e,
        retryable: true,
        hint: 'A DuckDB-file catalog admits one writing process; stop the other one, or use a PostgreSQL catalog for several writers.',
      });
    }
    if (/does not match existing data path/i.test(m)) {
      throw new SinkError('INVALID_OPTIONS', `dataPath ${config.dataPath} differs from the data path the lake was created with: ${m}.`, {
        cause: e,
        hint: 'Omit dataPath to use the one stored in the catalog, or give that same path.',
      });
    }
    throw new SinkError('CATALOG_UNREACHABLE', `cannot attach the lake catalog ${catalog}: ${m}.`, {
      cause: e,
      retryable: true,
      hint: 'Check that the catalog database is reachable and the connection string is right.',
    });
  }
}
