import { expect, test } from 'vitest';
import * as api from '../src/index.js';

test('public exports', () => {
  expect(Object.keys(api).sort()).toEqual([
    'DuckLakeSink',
    'SinkError',
    'columnListSql',
    'countLedgers',
    'createTableSql',
    'formatRanges',
    'intersectRanges',
    'mergeRanges',
    'missingRanges',
    'openDuckLakeSink',
    'progressTableDef',
    'progressViews',
    'rangesContain',
    'rangesOf',
    'redactSecrets',
    'resolveOptions',
  ]);
});
