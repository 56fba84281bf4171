import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, aProspect } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  TEST_PUBLIC_URL,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; job?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Issue 13: an operator follows one user action in the JSON logs, from its request to the jobs it
 * queued. The request's id (X-Request-Id when sane, else a new one) is on every line of the request,
 * goes back in the response, and is carried by the jobs queued, and by the jobs those queue in turn.
 */
describe(`a request id from the request to its jobs (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let receiver: WebhookReceiver;
  let smtp: SmtpReceiver;
  let serviceId: string;
  const lines: LogLine[] = [];
  const jobLines = (requestId: string) =>
    lines.filter((line) => line.requestId === requestId && typeof line.job === 'string');

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    ctx = await createTestContext({
      jobs: true,
      smtpUrl: smtp.url,
      logger: { level: 'info', stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
    });
    firm = await aFirmWithUsers(ctx);
    receiver = await startWebhookReceiver();
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id)).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    const hook = await apiAs(ctx, firm.users.associe.headers).post('/webhooks', {
      url: receiver.url,
      events: ['document.sent'],
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('sends a document under X-Request-Id: the request, its mail job and its webhook jobs log it', async () => {
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const engagement = await collab.post('/engagements', {
      company: {
        name: 'Fromagerie Lachaud',
        legalForm: 'SARL',
        siren: '552100554',
        fiscalYearEnd: '12-31',
        activity: 'Fromagerie',
        addressLine1: '3 rue Mercière',
        postalCode: '69002',
        city: 'Lyon',
      },
      signatory: { firstName: 'Anne', lastName: 'Lachaud', capacity: 'Gérante', email: 'anne@lachaud.test' },
    });
    expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
    const draft = await aDraft(collab, engagement.body.id, serviceId);
    const sent = await collab.post(`/documents/${draft.id}/send`, {}, { 'x-request-id': 'essai-123' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.headers['x-request-id']).toBe('essai-123');
    await ctx.drainJobs();

    const ofRequest = lines.filter((line) => line.requestId === 'essai-123' && !line.job);
    expect(ofRequest.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    const mailJob = jobLines('essai-123').find((line) => line.job === 'mail.deliver');
    expect(mailJob).toMatchObject({ level: 30, msg: 'tâche terminée', firmId: firm.firmId, attempt: 1 });
    expect(mailJob?.jobId).toMatch(UUID);
    // The dispatch job was queued by the request; the delivery by the dispatch job, which ran under
    // the request's id and so handed it on.
    expect(new Set(jobLines('essai-123').map((line) => line.job))).toEqual(
      new Set(['mail.deliver', 'webhook.dispatch', 'webhook.deliver']),
    );
    expect(receiver.requests).toHaveLength(1);
  }, 60_000);

  it('keeps the id over a real socket, where the body arrives in another async context', async () => {
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const engagement = await aProspect(collab, 'Librairie Vidal');
    const draft = await aDraft(collab, engagement.id, serviceId);
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    // The body in two pieces, the second later: its parsing ends in the socket's async context.
    const sent = await new Promise<{ status?: number; id: unknown }>((resolve, reject) => {
      const call = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/documents/${draft.id}/send`,
          headers: {
            ...firm.users.collaborateur.headers,
            origin: TEST_PUBLIC_URL,
            'content-type': 'application/json',
            'x-request-id': 'essai-socket',
          },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({ status: response.statusCode, id: response.headers['x-request-id'] }),
          );
        },
      );
      call.on('error', reject);
      call.write('{');
      setTimeout(() => call.end('}'), 50);
    });
    expect(sent).toEqual({ status: 200, id: 'essai-socket' });
    await ctx.drainJobs();
    expect(new Set(jobLines('essai-socket').map((line) => line.job))).toEqual(
      new Set(['webhook.dispatch', 'webhook.deliver']),
    );
  }, 60_000);

  it('follows a signature to its seal', async () => {
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const engagement = await aProspect(collab, 'Imprimerie Perrin');
    const draft = await aDraft(collab, engagement.id, serviceId);
    expect((await collab.post(`/documents/${draft.id}/send`)).status).toBe(200);
    const signed = await collab.post(
      `/documents/${draft.id}/signatures`,
      { side: 'client' },
      { 'x-request-id': 'essai-456' },
    );
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    await ctx.drainJobs(30_000);
    expect(jobLines('essai-456').find((line) => line.job === 'document.seal')).toMatchObject({
      msg: 'tâche terminée',
      firmId: firm.firmId,
    });
  }, 60_000);

  it('replaces an id that is not a short plain token by a new one, and gives one to a request without', async () => {
    const me = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { ...firm.users.lecture.headers, ...headers },
      });
    for (const bad of ['essai 123', 'x'.repeat(65), 'essai-123;drop', '', 'essai\u00e9']) {
      const res = await me({ 'x-request-id': bad });
      expect(res.statusCode).toBe(200);
      const id = res.headers['x-request-id'];
      expect(id).toMatch(UUID);
      expect(lines.some((line) => line.requestId === bad)).toBe(false);
      expect(lines.filter((line) => line.requestId === id).map((line) => line.msg)).toEqual([
        'incoming request',
        'request completed',
      ]);
    }
    const first = await me({});
    const second = await me({});
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect((await me({ 'x-request-id': 'x'.repeat(64) })).headers['x-request-id']).toBe('x'.repeat(64));
  });
});
