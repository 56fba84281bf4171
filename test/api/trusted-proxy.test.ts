import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type App, type AppOptions, createApp } from '../../src/http/create-app.ts';
import { aSentProposalInOutbox } from '../support/outbox-signing.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 20, item 12: behind a proxy, a client wrote its own X-Forwarded-For, which reset the limits
 * keyed by address and was written into the signing evidence. Only the configured hops are trusted.
 */
describe(`the client's address behind proxies (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  const apps: App[] = [];
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await ctx.close();
  });

  /** A server of its own (its own rate-limit counters) on the same database. */
  const anApp = async (options: AppOptions) => {
    const app = await createApp(ctx.deps, options);
    apps.push(app);
    return app;
  };

  /** 121 invented links from one socket, each with the X-Forwarded-For `forwardedFor(i)` gives. */
  const floodPublicRoutes = async (
    app: App,
    forwardedFor: (attempt: number) => string,
    remoteAddress = '127.0.0.1',
  ) => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= 120; attempt++) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/public/signing/${String(attempt).padStart(43, 'z')}`,
        headers: { 'x-forwarded-for': forwardedFor(attempt) },
        remoteAddress,
      });
      statuses.push(response.statusCode);
    }
    return statuses;
  };

  /** The address the evidence and the history keep of a signer who opened their link. */
  const evidenceOf = async (app: App, headers: Record<string, string>, remoteAddress = '127.0.0.1') => {
    const sent = await aSentProposalInOutbox(ctx, firm);
    const opened = await app.inject({
      method: 'GET',
      url: `/api/v1/public/signing/${sent.token}`,
      headers,
      remoteAddress,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const scope = ctx.deps.store.read(firm.firmId);
    const [request] = await scope.signingRequests.listByDocument(sent.documentId);
    const history = await scope.events.listByDocument(sent.documentId);
    const event = history.find((entry) => entry.type === 'document.signing_link_opened');
    return { viewedIp: request?.viewedIp, eventIp: (event?.data as { ip?: string } | undefined)?.ip };
  };

  it('without TRUST_PROXY, a forged X-Forwarded-For changes neither the limit key nor the evidence', async () => {
    const app = await anApp({});
    const statuses = await floodPublicRoutes(app, (attempt) => `198.51.100.${attempt}`);
    expect(statuses.slice(0, 120).every((status) => status === 404)).toBe(true);
    expect(statuses[120]).toBe(429);
    // A server whose counters this flood did not fill.
    expect(await evidenceOf(await anApp({}), { 'x-forwarded-for': '198.51.100.7' })).toEqual({
      viewedIp: '127.0.0.1',
      eventIp: '127.0.0.1',
    });
  });

  it('with TRUST_PROXY=1, the address the proxy saw (the last hop) is the client, whatever it adds before', async () => {
    const options = { trustProxy: loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY };
    // The client forges a first hop; the proxy appends the address it saw, the same every time.
    const forged = await floodPublicRoutes(await anApp(options), (i) => `198.51.100.${i}, 203.0.113.9`);
    expect(forged[120]).toBe(429);
    // Distinct clients behind the proxy are distinct addresses.
    const distinct = await floodPublicRoutes(await anApp(options), (i) => `203.0.113.${i}`);
    expect(distinct.every((status) => status === 404)).toBe(true);
    expect(
      await evidenceOf(await anApp(options), { 'x-forwarded-for': '198.51.100.7, 203.0.113.20' }),
    ).toEqual({ viewedIp: '203.0.113.20', eventIp: '203.0.113.20' });
  });

  it('with a list of proxies, only a request from one of them has its X-Forwarded-For read', async () => {
    const app = await anApp({ trustProxy: loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY });
    expect(await evidenceOf(app, { 'x-forwarded-for': '198.51.100.7, 203.0.113.30' }, '10.1.2.3')).toEqual({
      viewedIp: '203.0.113.30',
      eventIp: '203.0.113.30',
    });
    expect(await evidenceOf(app, { 'x-forwarded-for': '203.0.113.31' }, '192.0.2.50')).toEqual({
      viewedIp: '192.0.2.50',
      eventIp: '192.0.2.50',
    });
  });

  it('reads TRUST_PROXY as hops or addresses; the former `true` means one hop, never every hop', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, ::1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.interne' })).toThrow(/TRUST_PROXY/);
  });
});
