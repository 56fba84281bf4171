import { AppError } from '../app-error.ts';
import type { AccountLimits, Deps, Limit } from '../ports/index.ts';

/**
 * The defaults. A login counts under three keys: the pair (address, e-mail), every attempt; the
 * account, failures from any address; the address, failures whatever the e-mail. An office behind
 * one address logs in freely (successes are given back), a guesser spread over addresses or an
 * address spraying e-mails is stopped.
 */
export const DEFAULT_ACCOUNT_LIMITS: AccountLimits = {
  loginPerAddressAndEmail: { points: 10, windowSeconds: 60 },
  loginFailuresPerAccount: { points: 20, windowSeconds: 15 * 60 },
  loginFailuresPerAddress: { points: 30, windowSeconds: 15 * 60 },
  passwordChangesPerUser: { points: 10, windowSeconds: 60 },
  resetRequestsPerEmail: { points: 3, windowSeconds: 60 * 60 },
  resetRequestsPerAddress: { points: 10, windowSeconds: 60 * 60 },
};

export const accountLimits = (deps: Pick<Deps, 'settings'>): AccountLimits => ({
  ...DEFAULT_ACCOUNT_LIMITS,
  ...deps.settings.accountLimits,
});

/** The counter's key: a hash, so the table holds no e-mail and no address in clear. */
export const limitKey = (deps: Pick<Deps, 'secrets'>, ...parts: string[]): string =>
  deps.secrets.hashToken(`limit|${parts.join('|')}`);

/**
 * Counts one attempt under each key, before the attempt is checked (so that attempts made at once
 * are all counted), and refuses with AUTH.TOO_MANY_ATTEMPTS and the longest wait when any key is
 * over its limit.
 */
export const consumeLimits = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  counted: readonly { key: string; limit: Limit }[],
): Promise<void> => {
  const now = deps.clock.now();
  let retryAfterSeconds = 0;
  for (const { key, limit } of counted) {
    const { hits, resetsAt } = await deps.store.rateLimits.hit(key, {
      now,
      windowSeconds: limit.windowSeconds,
    });
    if (hits > limit.points)
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  }
  if (retryAfterSeconds > 0) throw new AppError('AUTH.TOO_MANY_ATTEMPTS', { retryAfterSeconds });
};
