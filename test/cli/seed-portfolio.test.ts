import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/application/actor.ts';
import { createDocument } from '../../src/application/documents/create-document.ts';
import { recordSignature } from '../../src/application/documents/record-signature.ts';
import { sendDocument } from '../../src/application/documents/send-document.ts';
import { createEngagement, getScopeInForce } from '../../src/application/engagements/manage-engagements.ts';
import type { FirmScope } from '../../src/application/ports/index.ts';
import { PORTFOLIO_USERS, seedPortfolio } from '../../src/cli/seed-portfolio.ts';
import { computeTotals } from '../../src/domain/documents/fees.ts';
import { parisDate, yearOf } from '../../src/domain/shared/dates.ts';
import { isValidSiren } from '../../src/domain/shared/siren.ts';
import { apiAs } from '../support/api-client.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const everything = { sort: 'createdAt', direction: 'asc', page: 1, pageSize: 200 } as const;

describe(`seedPortfolio (${databaseKind})`, () => {
  let ctx: TestContext;
  let scope: FirmScope;
  let actor: Actor;
  let year: number;

  beforeAll(async () => {
    ctx = await createTestContext();
    const { firmId } = await seedPortfolio(ctx.deps, { clients: 20, log: () => {}, database: ctx.database });
    scope = ctx.deps.store.read(firmId);
    const associe = (await scope.users.list()).find((u) => u.role === 'associe');
    if (!associe) throw new Error('no associé');
    actor = { firmId, userId: associe.id, role: 'associe', name: associe.name };
    year = yearOf(parisDate(ctx.clock.now()));
  });
  afterAll(() => ctx.close());

  it('creates twenty client engagements with codes, companies with valid and distinct SIRENs', async () => {
    const engagements = await scope.engagements.list({ ...everything, sort: 'clientCode' });
    expect(engagements.total).toBe(20);
    expect(engagements.items.every((e) => e.state === 'client')).toBe(true);
    expect(engagements.items.map((e) => e.clientCode)).toEqual(
      Array.from({ length: 20 }, (_, i) => `BEN${String(i + 1).padStart(5, '0')}`),
    );
    const sirens = engagements.items.map((e) => e.siren ?? '');
    expect(sirens.every(isValidSiren)).toBe(true);
    expect(new Set(sirens).size).toBe(20);
    expect(new Set(engagements.items.map((e) => e.responsibleUserId)).size).toBeGreaterThan(1);
  });

  it('signs a six-line letter and two amendments per client, numbered without a gap', async () => {
    const documents = await scope.documents.list({ ...everything, sort: 'number' });
    expect(documents.total).toBe(60);
    expect(documents.items.every((d) => d.status === 'signed')).toBe(true);
    const letters = documents.items.filter((d) => d.kind === 'engagement_letter').map((d) => d.number);
    expect(letters).toEqual(
      Array.from({ length: 20 }, (_, i) => `LM-${year}-${String(i + 1).padStart(4, '0')}`),
    );
    const first = documents.items.filter((d) => d.number?.startsWith(`LM-${year}-0001`)).map((d) => d.number);
    expect(first).toEqual([`LM-${year}-0001`, `LM-${year}-0001-A01`, `LM-${year}-0001-A02`]);
    const letter = await scope.documents.find(documents.items[0]?.id ?? '');
    expect(letter?.lines).toHaveLength(6);
    expect(letter?.totals).toEqual(computeTotals(letter?.lines ?? []));
    expect(await scope.signatures.listByDocument(letter?.id ?? '')).toHaveLength(2);
  });

  it('gives each client a scope in force of eight recurring lines', async () => {
    const [engagement] = (await scope.engagements.list(everything)).items;
    const inForce = await getScopeInForce(ctx.deps, actor, { engagementId: engagement?.id ?? '' });
    expect(inForce.lines).toHaveLength(8);
  });

  it('pages the client list through the API, sorted by company name', async () => {
    const [associe] = PORTFOLIO_USERS;
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: associe.email, password: associe.password },
    });
    const cookie = login.cookies.find((c) => c.name === 'lettrine_session');
    const api = apiAs(ctx, { cookie: `lettrine_session=${cookie?.value}` });
    const names: string[] = [];
    for (const page of [1, 2, 3]) {
      const response = await api.get(
        `/engagements?state=client&sort=companyName&direction=asc&pageSize=8&page=${page}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(20);
      names.push(...response.body.items.map((e: { companyName: string }) => e.companyName));
    }
    expect(names).toHaveLength(20);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('a letter seeded in bulk, sent before PDFs existed, gets its PDF frozen at the first read, dated from its sending', async () => {
    const [associe] = PORTFOLIO_USERS;
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: associe.email, password: associe.password },
    });
    const cookie = login.cookies.find((c) => c.name === 'lettrine_session');
    const api = apiAs(ctx, { cookie: `lettrine_session=${cookie?.value}` });
    const letter = (await scope.documents.list({ ...everything, kind: 'engagement_letter', sort: 'number' }))
      .items[0];
    expect(await scope.documentFiles.find(letter?.id ?? '', 'frozen')).toBeUndefined();
    const first = await api.download(`/documents/${letter?.id}/pdf`);
    expect(first.status).toBe(200);
    const stored = await scope.documentFiles.find(letter?.id ?? '', 'frozen');
    expect(stored?.createdAt).toEqual(letter?.sentAt);
    ctx.clock.advanceDays(1);
    const again = await api.download(`/documents/${letter?.id}/pdf`);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(again.headers['x-content-sha256']).toBe(stored?.sha256);
    expect((await api.get(`/documents/${letter?.id}`)).body.document.pdfSha256).toBe(stored?.sha256);
  });

  it('lets a new letter, its client code and an amendment continue the series', async () => {
    const engagement = await createEngagement(ctx.deps, actor, {
      company: {
        name: 'Nouvelle Cliente',
        legalForm: 'SAS',
        siren: '404833048',
        activity: 'Agence de communication',
        addressLine1: '5 quai Saint-Antoine',
        postalCode: '69002',
        city: 'Lyon',
      },
      signatory: { firstName: 'Ana', lastName: 'Lopes', capacity: 'Présidente' },
    });
    const services = await scope.services.list({ includeArchived: false });
    const dashboard = services.find((s) => s.code === 'CONSEIL-TABLEAU-BORD');
    const letter = await createDocument(ctx.deps, actor, {
      engagementId: engagement.id,
      kind: 'engagement_letter',
      lines: [{ serviceId: services[0]?.id ?? '', quantity: '1' }],
    });
    const sent = await sendDocument(ctx.deps, actor, { documentId: letter.id });
    expect(sent.number).toBe(`LM-${year}-0021`);
    await recordSignature(ctx.deps, actor, { documentId: letter.id, side: 'client', method: 'paper' });
    await recordSignature(ctx.deps, actor, { documentId: letter.id, side: 'firm', method: 'in_person' });
    expect((await scope.engagements.find(engagement.id))?.clientCode).toBe('BEN00021');

    const [seeded] = (
      await scope.documents.list({ ...everything, sort: 'number', kind: 'engagement_letter' })
    ).items;
    const amendment = await createDocument(ctx.deps, actor, {
      engagementId: seeded?.engagementId ?? '',
      kind: 'amendment',
      amendsLetterId: seeded?.id ?? '',
      changes: [{ op: 'add', line: { serviceId: dashboard?.id ?? '', quantity: '1' } }],
    });
    const sentAmendment = await sendDocument(ctx.deps, actor, { documentId: amendment.id });
    expect(sentAmendment.number).toBe(`LM-${year}-0001-A03`);
  });

  it('goes through the store port when no database is given, continuing the same series', async () => {
    await seedPortfolio(ctx.deps, { clients: 3, log: () => {} });
    const engagements = await scope.engagements.list({ ...everything, sort: 'clientCode' });
    expect(engagements.total).toBe(24);
    expect(engagements.items.at(-1)?.clientCode).toBe('BEN00024');
    const letters = await scope.documents.list({ ...everything, sort: 'number', kind: 'engagement_letter' });
    expect(letters.items.at(-1)?.number).toBe(`LM-${year}-0024`);
    const sirens = engagements.items.map((e) => e.siren);
    expect(new Set(sirens).size).toBe(24);
  });
});
