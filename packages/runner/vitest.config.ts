import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: '@stellar-ducklake/extract', replacement: src('../extract/src/index.ts') },
      { find: /^@stellar-ducklake\/sink-ducklake\/encode$/, replacement: src('../sink-ducklake/src/encode.ts') },
      { find: /^@stellar-ducklake\/sink-ducklake$/, replacement: src('../sink-ducklake/src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
