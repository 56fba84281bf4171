import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type ChangeStream<T> = {
  /** Reads the current value; the first read happens before the stream opens. */
  read: () => Promise<T>;
  /** The name of each event (`event: progress`). */
  event: string;
  /** What an event carries, as JSON: an event is sent only when this changes. */
  data: (value: T) => unknown;
  /** The value after which nothing changes any more: the stream ends once it has been sent. */
  isFinal: (value: T) => boolean;
  intervalMs: number;
  /** A comment line after this much silence, so that a proxy does not close an idle connection. */
  keepAliveMs: number;
  /** How long a browser waits before reconnecting (the `retry:` field). */
  retryMs: number;
};

const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx would otherwise hold the events back in its buffer.
  'x-accel-buffering': 'no',
};

/**
 * Server-sent events of a value read every `intervalMs`: one event each time it changes, until it
 * is final or the client goes away. The first read comes before the stream opens, so an unknown
 * resource or a refused caller gets its problem answer as usual.
 */
export const streamChanges = async <T>(
  request: FastifyRequest,
  reply: FastifyReply,
  stream: ChangeStream<T>,
): Promise<void> => {
  let current = await stream.read();
  reply.hijack();
  reply.raw.writeHead(200, HEADERS);
  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  try {
    let last = '';
    let lastWrite = Date.now();
    reply.raw.write(`retry: ${stream.retryMs}\n\n`);
    for (;;) {
      const data = JSON.stringify(stream.data(current));
      if (data !== last) {
        reply.raw.write(`event: ${stream.event}\ndata: ${data}\n\n`);
        last = data;
        lastWrite = Date.now();
      } else if (Date.now() - lastWrite > stream.keepAliveMs) {
        reply.raw.write(': toujours là\n\n');
        lastWrite = Date.now();
      }
      if (closed || stream.isFinal(current)) break;
      await sleep(stream.intervalMs);
      if (closed) break;
      current = await stream.read();
    }
  } finally {
    // A read failing mid-stream still closes it: the browser reconnects, or falls back to polling.
    reply.raw.end();
  }
};
