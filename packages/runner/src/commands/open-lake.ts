/** Opens the DuckLake sink from validated CLI settings. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDuckLakeSink, type DuckLakeSink, type PageCompression } from '@stellar-ducklake/sink-ducklake';
import type { LakeLocation, NetworkConfig, TablesConfig } from '../cli/config.js';
import { LakeError } from '../errors.js';

/** Options for {@link openLake}. */
export interface OpenLakeOptions {
  lake: LakeLocation;
  network: NetworkConfig;
  tables?: TablesConfig;
  batchSize?: number;
  commitIntervalSeconds?: number;
  /** Page compression of the files written (default: the sink's). */
  compression?: PageCompression;
  /** Refuse to create a lake that does not exist yet (verify, query). */
  mustExist?: boolean;
}

/** Opens the lake; a `--lake DIR` without a catalog is an error when `mustExist`. */
export async function openLake(options: OpenLakeOptions): Promise<DuckLakeSink> {
  const { lake } = options;
  if (options.mustExist && lake.lake !== undefined && !existsSync(join(lake.lake, 'catalog.ducklake'))) {
    throw new LakeError(`no lake at ${lake.lake} (missing catalog.ducklake).`, { hint: 'Run `stellar-ducklake-run run` first or check --lake.' });
  }
  return openDuckLakeSink({
    ...(lake.lake === undefined ? {} : { lake: lake.lake }),
    ...(lake.catalog === undefined ? {} : { catalog: lake.catalog }),
    ...(lake.dataPath === undefined ? {} : { dataPath: lake.dataPath }),
    ...(lake.extensionDirectory === undefined ? {} : { extensionDirectory: lake.extensionDirectory }),
    network: options.network.name,
    ...(options.tables === undefined ? {} : { tables: options.tables }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.commitIntervalSeconds === undefined ? {} : { commitIntervalSeconds: options.commitIntervalSeconds }),
    ...(options.compression === undefined ? {} : { compression: options.compression }),
  });
}
