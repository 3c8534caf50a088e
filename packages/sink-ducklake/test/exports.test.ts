import { expect, test } from 'vitest';
import * as api from '../src/index.js';

test('public exports', () => {
  expect(Object.keys(api).sort()).toEqual([
    'DuckLakeSink',
    'SinkError',
    'columnListSql',
    'countLedgers',
    'createTableSql',
    'encodeLedger',
    'encodeRows',
    'encodedSize',
    'formatRanges',
    'intersectRanges',
    'mergeRanges',
    'missingRanges',
    'openDuckLakeSink',
    'pageCompressions',
    'progressTableDef',
    'progressViews',
    'rangesContain',
    'rangesOf',
    'redactSecrets',
    'resolveOptions',
    'tableRows',
    'transferList',
  ]);
});

test('the encode entry point exports the encoder alone', async () => {
  const encode = await import('../src/encode.js');
  expect(Object.keys(encode).sort()).toEqual(['encodeLedger', 'encodeRows', 'encodedSize', 'pageCompressions', 'tableRows', 'transferList']);
});
