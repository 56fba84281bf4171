/**
 * The request a piece of work comes from, for the logs (issue 13): the HTTP layer runs each request
 * under its id, the job repository stores the current id with every job it queues, and the job
 * runner runs each job under the id it carries, so every line one user action causes, from its
 * request to its seal and its mails, has the same `requestId`. One per process, made by the
 * composition root (src/adapters/request-context.ts, on AsyncLocalStorage) and handed to both sides.
 */
export type RequestContext = {
  /** Runs `fn` with `requestId` as the current id: what it queues, at any depth, carries it. */
  run<T>(requestId: string, fn: () => T): T;
  /** The id of the request or job running now; undefined outside both. */
  currentRequestId(): string | undefined;
};

/**
 * An id read from outside (an X-Request-Id header, a stored job): a short token of letters, digits,
 * `.`, `_` and `-`, so a proxy's or a client's id is kept and nothing else reaches the logs.
 */
export const isRequestId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(value);
