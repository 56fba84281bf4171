import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; rawBody: string };

/**
 * A webhook receiver on 127.0.0.1: it records every request with its exact body, and answers the
 * status it is told to (`respondWith`), or 500 for the next n requests (`failNext`). A slow one
 * (`answerAfterMs`) keeps each request waiting that long before it answers, and counts how many it
 * held at once (`maxInFlight`).
 */
export const startWebhookReceiver = async (options: { answerAfterMs?: number; host?: string } = {}) => {
  const requests: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let status = 200;
  let failures = 0;
  const load = { inFlight: 0, maxInFlight: 0 };
  const wakeWaiters = () => {
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  const server = createServer((request, response) => {
    load.inFlight += 1;
    load.maxInFlight = Math.max(load.maxInFlight, load.inFlight);
    response.on('close', () => {
      load.inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = failures > 0 ? 500 : status;
      if (failures > 0) failures -= 1;
      if (options.answerAfterMs) {
        wakeWaiters();
        await new Promise((resolve) => setTimeout(resolve, options.answerAfterMs));
        // The sender gave up meanwhile (its timeout): there is no one left to answer.
        if (response.destroyed) return;
      }
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'non');
      wakeWaiters();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}/lettrine`,
    port,
    requests,
    /** The most requests it held at once. */
    get maxInFlight() {
      return load.maxInFlight;
    },
    respondWith: (code: number) => {
      status = code;
    },
    failNext: (count: number) => {
      failures = count;
    },
    /** Resolves once n requests in all have arrived; rejects after the timeout. */
    waitForRequests: (count: number, timeoutMs = 5_000) =>
      requests.length >= count
        ? Promise.resolve(requests.slice(0, count))
        : new Promise<ReceivedRequest[]>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`${requests.length} of ${count} webhook requests received`)),
              timeoutMs,
            );
            waiters.push({
              count,
              resolve: () => {
                clearTimeout(timer);
                resolve(requests.slice(0, count));
              },
            });
          }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/**
 * What a receiver does with `Lettrine-Signature: t=<seconds>,v1=<hex>`, written as docs/webhooks.md
 * tells it to: HMAC-SHA256 of "<t>.<raw body>" under the secret, compared in constant time, and a
 * timestamp close enough to now that an old request replayed by someone else is refused.
 */
export const verifyLettrineSignature = (
  rawBody: string,
  header: string | undefined,
  secret: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): boolean => {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  if (!Number.isInteger(t) || signatures.length === 0) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex'));
  return signatures.some((signature) => {
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
};
