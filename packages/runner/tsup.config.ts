import { defineConfig } from 'tsup';

const external = ['@stellar-ducklake/extract', '@stellar-ducklake/sink-ducklake', '@stellar-ducklake/sink-ducklake/encode'];

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    shims: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    external,
  },
  {
    entry: { cli: 'src/cli.ts', 'extract-worker': 'src/pipeline/extract-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    external,
  },
]);
