// biome-ignore-all lint/suspicious/noExplicitAny: a test reads JSON bodies through its assertions, which check their shape.
import { type IncomingHttpHeaders, request } from 'node:http';

export type HttpReply<T = any> = { status: number; headers: IncomingHttpHeaders; body: T };

export type HttpOptions = {
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The address the request leaves from (any of 127.0.0.0/8 on Linux): the server sees each signer
   * at an address of their own, as it would on the Internet.
   */
  localAddress?: string;
};

/** One JSON request to a server listening on 127.0.0.1:port, over a real socket. */
export const httpCall = <T = any>(
  port: number,
  method: string,
  path: string,
  options: HttpOptions = {},
): Promise<HttpReply<T>> =>
  new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `/api/v1${path}`,
        agent: false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = response.headers['content-type']?.includes('json');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: json ? JSON.parse(text) : text,
          });
        });
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

export type ServerSentEvent = { event: string; data: any };

/**
 * A text/event-stream read as a browser's EventSource would: each event as it comes, until the
 * server ends the stream or `until` says enough. Resolves with every event received.
 */
export const readEventStream = (
  port: number,
  path: string,
  headers: Record<string, string>,
  until: (event: ServerSentEvent) => boolean = () => false,
): Promise<{ status: number; events: ServerSentEvent[] }> =>
  new Promise((resolve, reject) => {
    const events: ServerSentEvent[] = [];
    const req = request(
      { host: '127.0.0.1', port, method: 'GET', path: `/api/v1${path}`, agent: false, headers },
      (response) => {
        let buffer = '';
        const done = () => resolve({ status: response.statusCode ?? 0, events });
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!event || data === undefined) continue;
            const received = { event, data: JSON.parse(data) };
            events.push(received);
            if (until(received)) {
              req.destroy();
              done();
              return;
            }
          }
        });
        response.on('end', done);
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
