import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';

type Answer = { status: number; type: string; code?: string };

/**
 * Posts `size` bytes over a real socket, the way a browser or a script would, and reads the answer.
 * A server that answers before the body is read and closes the socket makes the client fail with
 * EPIPE or ECONNRESET while it writes: the user sees a dropped connection, not the 413.
 */
const postLarge = (
  url: string,
  options: { size: number; chunked: boolean; headers: Record<string, string> },
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const body = Buffer.alloc(options.size, 0x20);
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        ...options.headers,
        'content-type': 'application/json',
        ...(options.chunked ? {} : { 'content-length': String(body.length) }),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          code: text.startsWith('{') ? JSON.parse(text).code : undefined,
        });
      });
    });
    req.on('error', reject);
    // In 64 KiB pieces, like a real upload, rather than one write the kernel swallows whole.
    for (let offset = 0; offset < body.length; offset += 65_536)
      req.write(body.subarray(offset, offset + 65_536));
    req.end();
  });

describe('a body over the limit', () => {
  let ctx: TestContext;
  let base: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    ctx = await createTestContext();
    headers = (await aFirmWithUsers(ctx)).users.associe.headers;
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => ctx.close());

  it('a 12 MB body is answered with a 413 problem+json every time, announced or chunked, never a dropped connection', async () => {
    const answers: Answer[] = [];
    for (let round = 0; round < 10; round++) {
      for (const chunked of [false, true]) {
        answers.push(
          await postLarge(`${base}/api/v1/engagements`, { size: 12 * 1024 * 1024, chunked, headers }),
        );
      }
    }
    expect(answers).toEqual(
      answers.map(() => ({
        status: 413,
        type: 'application/problem+json; charset=utf-8',
        code: 'REQUEST.PAYLOAD_TOO_LARGE',
      })),
    );
  });

  it('the connection still serves the next request after a refused body', async () => {
    await postLarge(`${base}/api/v1/engagements`, { size: 12 * 1024 * 1024, chunked: false, headers });
    const after = await fetch(`${base}/api/v1/engagements`, { headers });
    expect(after.status).toBe(200);
  });
});
