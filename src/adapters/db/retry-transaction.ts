/**
 * SQLSTATEs after which PostgreSQL has rolled the whole transaction back and running it again is
 * safe: a deadlock victim (40P01) and a serialization failure (40001).
 */
const RETRYABLE_STATES = new Set(['40P01', '40001']);

/** pg and PGlite both report the SQLSTATE as `code`; drizzle wraps their error in `cause`. */
export const sqlStateOf = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = cause;
  }
  return undefined;
};

export const isRetryableTransactionError = (error: unknown): boolean =>
  RETRYABLE_STATES.has(sqlStateOf(error) ?? '');

export type RetryPolicy = {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The longest wait before the second attempt; it doubles with each one, and a random share of it is waited. */
  baseDelayMs: number;
};

export const TRANSACTION_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 20 };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a whole transaction again when the database aborted it for a deadlock or a serialization
 * failure: nothing of it was kept, and the work inside reads everything again. The waits are
 * bounded and jittered ("full jitter") so that the two victims of one deadlock do not meet again.
 */
export const retryingTransaction = async <T>(
  run: () => Promise<T>,
  policy: RetryPolicy = TRANSACTION_RETRY,
  random: () => number = Math.random,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryableTransactionError(error)) throw error;
      await pause(random() * policy.baseDelayMs * 2 ** (attempt - 1));
    }
  }
};
