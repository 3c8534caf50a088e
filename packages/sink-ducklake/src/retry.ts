/**
 * Retrying with exponential backoff, for errors {@link isTransient} classifies as transient.
 */
import { isTransient } from './errors.js';

/** How often and how patiently to retry. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Delay before the first retry; doubles each time (with jitter), up to 10 s. */
  delayMs: number;
}

/** Upper bound of one backoff delay. */
const MAX_DELAY_MS = 10_000;

/** Sleeps `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `attempt` until it succeeds, fails with a permanent error, or the retries run out; the
 * last error is rethrown. `attempt` receives the 1-based attempt number; `onRetry` sees each error
 * that is retried.
 */
export async function withRetries<T>(policy: RetryPolicy, attempt: (n: number) => Promise<T>, onRetry?: (error: unknown) => void): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (n > policy.maxRetries || !isTransient(e)) throw e;
      onRetry?.(e);
      const base = Math.min(policy.delayMs * 2 ** (n - 1), MAX_DELAY_MS);
      await sleep(base / 2 + Math.random() * base);
    }
  }
}
