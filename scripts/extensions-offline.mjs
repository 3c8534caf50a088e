#!/usr/bin/env node
/**
 * Places the official DuckDB extensions the DuckLake sink needs into a local extension directory,
 * for machines without access to extensions.duckdb.org.
 *
 * The binaries come from PyPI, where each official extension is published as a wheel named
 * `duckdb-extension-<name>` with one version per DuckDB release. Each wheel carries
 * `<package>/extensions/v<version>/<name>.duckdb_extension`. This script downloads the wheels with
 * `pip download --no-deps` for the platform of this machine and copies the extension files into
 * `<dir>/v<version>/<platform>/`, the layout DuckDB autoloads from when its `extension_directory`
 * points at `<dir>`.
 *
 * Usage: node scripts/extensions-offline.mjs [--dir .extensions] [--version 1.5.5]
 *        [--extensions ducklake,postgres_scanner,sqlite_scanner,httpfs] [--force]
 *
 * The DuckDB version defaults to the one `@duckdb/node-api` is pinned to in
 * packages/sink-ducklake/package.json (`1.5.5-r.5` → `1.5.5`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const defaultExtensions = ['ducklake', 'postgres_scanner', 'sqlite_scanner', 'httpfs'];

function fail(message) {
  console.error(`extensions-offline: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { dir: join(repoRoot, '.extensions'), version: undefined, extensions: defaultExtensions, force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    if (arg === '--dir') args.dir = resolve(value());
    else if (arg === '--version') args.version = value().replace(/^v/, '');
    else if (arg === '--extensions') args.extensions = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--force') args.force = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: node scripts/extensions-offline.mjs [--dir .extensions] [--version 1.5.5] [--extensions a,b] [--force]');
      process.exit(0);
    } else fail(`unknown argument ${arg}`);
  }
  return args;
}

/** DuckDB version of the pinned `@duckdb/node-api` (`1.5.5-r.5` → `1.5.5`). */
function pinnedDuckdbVersion() {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages/sink-ducklake/package.json'), 'utf8'));
  const spec = pkg.dependencies?.['@duckdb/node-api'];
  const m = typeof spec === 'string' ? /^(\d+\.\d+\.\d+)(?:-r\.\d+)?$/.exec(spec) : null;
  if (!m) fail(`cannot read an exact @duckdb/node-api version from packages/sink-ducklake/package.json (found ${spec}); pass --version`);
  return m[1];
}

/** DuckDB's platform name for this machine. */
function duckdbPlatform() {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
  const os = { linux: 'linux', darwin: 'osx', win32: 'windows' }[process.platform];
  if (!arch || !os) fail(`unsupported platform ${process.platform}/${process.arch}`);
  return `${os}_${arch}`;
}

function findPython() {
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['-m', 'pip', '--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  fail('needs python3 with pip (used only to download the wheels from PyPI)');
}

const args = parseArgs(process.argv.slice(2));
const version = args.version ?? pinnedDuckdbVersion();
const platform = duckdbPlatform();
const target = join(args.dir, `v${version}`, platform);
mkdirSync(target, { recursive: true });

const wanted = args.extensions.filter((name) => args.force || !existsSync(join(target, `${name}.duckdb_extension`)));
if (wanted.length === 0) {
  console.log(`extensions-offline: ${args.extensions.join(', ')} already in ${target}`);
  process.exit(0);
}

const python = findPython();
const work = mkdtempSync(join(tmpdir(), 'duckdb-ext-'));
try {
  const wheels = wanted.map((name) => `duckdb-extension-${name.replaceAll('_', '-')}==${version}`);
  console.log(`extensions-offline: downloading ${wheels.join(' ')}`);
  execFileSync(python, ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '-d', work, ...wheels], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Unpack with Python's zipfile: no unzip binary needed.
  const unpack = [
    'import sys, zipfile, pathlib',
    'out = pathlib.Path(sys.argv[1]); version = sys.argv[2]',
    'for whl in sys.argv[3:]:',
    '    z = zipfile.ZipFile(whl)',
    '    names = [n for n in z.namelist() if n.endswith(".duckdb_extension") and f"/extensions/v{version}/" in n]',
    '    if not names: sys.exit(f"{whl}: no v{version} .duckdb_extension inside")',
    '    for n in names:',
    '        dest = out / pathlib.PurePosixPath(n).name',
    '        dest.write_bytes(z.read(n)); print(dest)',
  ].join('\n');
  const wheelFiles = readdirSync(work).filter((f) => f.endsWith('.whl')).map((f) => join(work, f));
  const staging = join(work, 'out');
  mkdirSync(staging);
  execFileSync(python, ['-c', unpack, staging, version, ...wheelFiles], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const name of wanted) {
    const file = `${name}.duckdb_extension`;
    if (!existsSync(join(staging, file))) fail(`the wheels did not contain ${file} for DuckDB v${version}`);
    renameSync(join(staging, file), join(target, file));
    console.log(`extensions-offline: ${join(target, file)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`extensions-offline: done. Use extension directory ${args.dir} (sink option extensionDirectory, runner --extension-dir, env STELLAR_DUCKLAKE_EXTENSION_DIR).`);
