import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { limitKey } from '../application/auth/limits.ts';
import type { Deps } from '../application/ports/index.ts';

type Counted = { current: number; ttl: number };
type Done = (error: Error | null, counted?: Counted) => void;

/**
 * A store for @fastify/rate-limit that counts in the database's rate_limits table, as the login
 * limits do: every server on the database counts in the same row, so an address over a limit on one
 * server is over it on all (in memory, each server would allow the limit again). Keys are hashed:
 * the table holds no address and no link in clear. Fixed windows; a failing database answers 500.
 */
export const sharedRateLimitStore = (
  deps: Pick<Deps, 'store' | 'clock' | 'secrets'>,
): FastifyRateLimitStoreCtor => {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly namespace = '',
    ) {}

    incr(key: string, done: Done, timeWindowMs: number) {
      const now = deps.clock.now();
      deps.store.rateLimits
        .hit(limitKey(deps, 'http', this.namespace, key), {
          now,
          windowSeconds: Math.max(1, Math.ceil(timeWindowMs / 1000)),
        })
        .then(
          ({ hits, resetsAt }) =>
            done(null, { current: hits, ttl: Math.max(0, resetsAt.getTime() - now.getTime()) }),
          (error: Error) => done(error),
        );
    }

    /** One store per route (or per `app.rateLimit()`): the same key on two routes counts apart. */
    child(params: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // Typed as the route's options, given the route's limit settings with the route as `routeInfo`.
      const route = (params as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new SharedRateLimitStore(
        undefined,
        `${[route.method ?? ''].flat().join(',')} ${route.url ?? ''}`,
      );
    }
  }
  return SharedRateLimitStore;
};
