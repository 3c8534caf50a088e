import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ConfigError',
        'ExitCode',
        'ExtractPool',
        'ExtractionFailedError',
        'FilesLedgerSource',
        'GrpcLedgerSource',
        'JsonLinesSink',
        'LakeError',
        'LedgerDataError',
        'LedgerFiles',
        'MemorySink',
        'SourceError',
        'backoffDelay',
        'clientChannelOptions',
        'commands',
        'defaultFlowControlWindow',
        'defaults',
        'exitCodeFor',
        'expandEnv',
        'formatError',
        'formatRangeList',
        'galexieNameRange',
        'hashChainBreaks',
        'isRetryableGrpcError',
        'main',
        'mergeRanges',
        'missingRanges',
        'openSource',
        'optionKeys',
        'parseCommandLine',
        'parseSourceUri',
        'planChunks',
        'planRun',
        'protoPath',
        'rangeSize',
        'rawLedgerHandlers',
        'rawLedgerService',
        'readGalexieBatch',
        'readLedgerHeaderInfo',
        'resolveConfig',
        'runPipeline',
        'serviceName',
        'startRawLedgerServer',
      ].sort(),
    );
  });

  it('maps errors to documented exit codes', () => {
    expect(api.ExitCode).toEqual({ ok: 0, internal: 1, config: 2, source: 3, lake: 4, data: 5, verifyFailed: 6, interrupted: 130 });
    expect(api.exitCodeFor(new api.ConfigError([{ key: 'k', message: 'm' }]))).toBe(2);
    expect(api.exitCodeFor(new api.SourceError('SOURCE_UNREACHABLE', 'x'))).toBe(3);
    expect(api.exitCodeFor(new api.LakeError('x'))).toBe(4);
    expect(api.exitCodeFor(new api.LedgerDataError('x'))).toBe(5);
    expect(api.exitCodeFor(new Error('x'))).toBe(1);
  });
});
