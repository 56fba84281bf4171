import type { WebhookSender } from '../../application/ports/index.ts';

/** A receiver has this long to answer; a slow one counts as a failure and is retried later. */
const TIMEOUT_MS = 10_000;

/**
 * The firm reads the reason in its delivery log: say what happened (a timeout, a refused
 * connection, an unknown host) rather than fetch's bare "fetch failed".
 */
const reasonOf = (error: unknown, timeoutMs: number): string => {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `pas de réponse en ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
};

export const createWebhookSender = (options: { timeoutMs?: number } = {}): WebhookSender => {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  return {
    async post(url, { body, headers }) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Lettrine-Webhooks/1', ...headers },
          body,
          // A redirect is an answer (3xx, not delivered): following it would post the event elsewhere.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        return { status: response.status };
      } catch (error) {
        throw new Error(reasonOf(error, timeoutMs), { cause: error });
      }
    },
  };
};
