import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/encode.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  external: ['@duckdb/node-api', '@stellar-ducklake/extract'],
});
