import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedSms = { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

/**
 * A stand-in for Brevo's transactional SMS API on 127.0.0.1: it records every request and answers
 * as Brevo does (201 with a messageId), or with the status a test sets (402: no credits left).
 */
export const startSmsProvider = async () => {
  const received: RecordedSms[] = [];
  let status = 201;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: text ? JSON.parse(text) : {},
      });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          status === 201
            ? { reference: 'ab1cde2fgh3i4jklmno', messageId: 1511882900176220 + received.length, smsCount: 1 }
            : { code: 'not_enough_credits', message: 'Not enough credits' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answerWith(next: number) {
      status = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
