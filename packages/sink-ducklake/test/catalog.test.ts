import { describe, expect, test } from 'vitest';
import { attachSql, catalogKey, redactSecrets, requiredExtensions } from '../src/catalog.js';
import { resolveOptions } from '../src/options.js';

describe('catalog helpers', () => {
  test('extensions needed per catalog kind and data path', () => {
    expect(requiredExtensions(resolveOptions({ lake: '/tmp/l' }))).toEqual(['ducklake']);
    expect(requiredExtensions(resolveOptions({ catalog: 'ducklake:postgres:dbname=x', dataPath: 's3://b/p/' }))).toEqual(['ducklake', 'postgres_scanner', 'httpfs']);
    expect(requiredExtensions(resolveOptions({ catalog: 'sqlite:/tmp/c.sqlite', dataPath: '/tmp/d' }))).toEqual(['ducklake', 'sqlite_scanner']);
  });

  test('ATTACH statement', () => {
    expect(attachSql(resolveOptions({ lake: '/tmp/l', dataInliningRowLimit: 0 }))).toBe(
      "ATTACH 'ducklake:/tmp/l/catalog.ducklake' AS lake (DATA_PATH '/tmp/l/data', DATA_INLINING_ROW_LIMIT 0)",
    );
    expect(attachSql(resolveOptions({ catalog: 'ducklake:postgres:dbname=x' }))).toBe(
      "ATTACH 'ducklake:postgres:dbname=x' AS lake (DATA_INLINING_ROW_LIMIT 1000)",
    );
  });

  test('the same file catalog named two ways has one key', () => {
    expect(catalogKey(resolveOptions({ lake: '/tmp/l' }))).toBe(catalogKey(resolveOptions({ catalog: '/tmp/l/../l/catalog.ducklake', dataPath: '/x' })));
  });

  test('passwords never appear in messages', () => {
    expect(redactSecrets("ducklake:postgres:host=db password=s3cret user=u")).toBe('ducklake:postgres:host=db password=*** user=u');
    expect(redactSecrets("password = 'a b' dbname=x")).toBe('password = *** dbname=x');
    expect(redactSecrets('postgresql://u:s3cret@db/lake')).toBe('postgresql://u:***@db/lake');
  });
});
