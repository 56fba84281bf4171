import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FirmScope } from '../../src/application/ports/index.ts';
import type { Firm } from '../../src/application/records.ts';
import { DEMO_SLUG, DEMO_USERS, seedDemo } from '../../src/cli/seed.ts';
import { isValidSiren } from '../../src/domain/shared/siren.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const IDENTITY_FIELDS = [
  'name',
  'legalForm',
  'addressLine1',
  'postalCode',
  'city',
  'phone',
  'email',
  'siren',
  'rcs',
  'vatNumber',
  'ordreCouncil',
  'insurer',
  'insuranceCoverage',
  'consumerMediator',
] as const satisfies readonly (keyof Firm)[];

const everything = { sort: 'createdAt', direction: 'asc', page: 1, pageSize: 200 } as const;

describe(`seedDemo (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: Firm;
  let scope: FirmScope;

  beforeAll(async () => {
    ctx = await createTestContext({ database: 'fresh' });
    await seedDemo(ctx.deps, { log: () => {}, trigger: 'start', nodeEnv: 'development' });
    const found = (await ctx.deps.store.listFirms()).find((f) => f.slug === DEMO_SLUG);
    if (!found) throw new Error('no demo firm');
    firm = found;
    scope = ctx.deps.store.read(firm.id);
  });
  afterAll(() => ctx.close());

  it('gives the firm every item of identity a letter needs', () => {
    for (const field of IDENTITY_FIELDS) expect(firm[field], field).toBeTruthy();
    expect(firm.name).toBe('Cabinet Dupré & Associés');
    expect(isValidSiren(firm.siren ?? '')).toBe(true);
    expect(firm.rcs).toBe(`RCS Lyon ${firm.siren?.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3')}`);
    const key = (12 + 3 * (Number(firm.siren) % 97)) % 97;
    expect(firm.vatNumber).toBe(`FR${String(key).padStart(2, '0')}${firm.siren}`);
    expect(firm.ordreCouncil).toContain('Auvergne-Rhône-Alpes');
    expect(firm.insuranceCoverage).toContain('1 500 000 €');
    expect(firm.consumerMediator).toContain('CNPM');
  });

  it('loads a catalogue of about twenty services, VAT 20 % but 0 % on disbursements', async () => {
    const services = await scope.services.list({ includeArchived: false });
    expect(services.length).toBeGreaterThanOrEqual(18);
    expect(services.length).toBeLessThanOrEqual(24);
    for (const service of services) {
      expect(Number.isInteger(service.priceCents), service.code).toBe(true);
      expect(service.vatRateBp, service.code).toBe(service.pricingMode === 'at_cost' ? 0 : 2000);
      expect(service.taskSplit.length, service.code).toBeGreaterThan(0);
    }
    const annualAccounts = services.find((s) => s.code === 'COMPTA-REVISION');
    // Issue 14, item 3: the standard is named by its number.
    expect(annualAccounts?.professionalStandard).toMatch(/^NP 2300 — .*présentation des comptes/);
    expect(annualAccounts?.exclusions).toContain('ni un audit ni un examen limité');
    expect(annualAccounts?.taskSplit.map((t) => t.who)).toEqual(expect.arrayContaining(['firm', 'client']));
  });

  it('holds two versions of the general terms, v2 from 1 September 2026', async () => {
    const terms = (await scope.terms.list()).sort((a, b) => a.version - b.version);
    expect(terms.map((t) => [t.version, t.effectiveFrom])).toEqual([
      [1, '2025-01-01'],
      [2, '2026-09-01'],
    ]);
    for (const { body } of terms) {
      for (const heading of ['Objet', 'Honoraires', 'Responsabilité', 'Secret professionnel', 'blanchiment'])
        expect(body).toContain(heading);
      expect(body).toContain('conciliation');
    }
  });

  it('tells documents of every kind in every status', async () => {
    const { items } = await scope.documents.list(everything);
    const statuses = new Set(items.map((d) => d.status));
    for (const status of ['draft', 'sent', 'signed', 'refused', 'cancelled', 'expired', 'replaced'])
      expect(statuses, status).toContain(status);
    expect(new Set(items.map((d) => d.kind))).toEqual(
      new Set(['proposal', 'engagement_letter', 'amendment', 'replacement_letter', 'work_order']),
    );
    expect(items.find((d) => d.status === 'refused')?.refusalReason).toBeTruthy();
    expect(items.find((d) => d.kind === 'replacement_letter' && d.status === 'signed')?.coefficient).toBe(
      '1.03',
    );
    expect(items.some((d) => d.kind === 'amendment' && d.status === 'signed')).toBe(true);
    const fromProposal = items.find((d) => d.kind === 'engagement_letter' && d.status === 'draft');
    expect(fromProposal?.sourceProposalId).toBeTruthy();
  });

  it('has clients with a code, prospects without, one private person, valid SIRENs', async () => {
    const { items } = await scope.engagements.list({ ...everything, pageSize: 100 });
    const clients = items.filter((e) => e.state === 'client');
    expect(clients.length).toBeGreaterThan(0);
    for (const client of clients) expect(client.clientCode).toMatch(/^DUP\d{5}$/);
    expect(items.some((e) => e.state === 'prospect' && e.clientCode === null)).toBe(true);
    const companies = (await scope.companies.list({ page: 1, pageSize: 100 })).items;
    expect(companies.filter((c) => c.isIndividual).map((c) => c.siren)).toEqual([null]);
    for (const company of companies.filter((c) => !c.isIndividual))
      expect(isValidSiren(company.siren ?? ''), company.name).toBe(true);
    const history = await scope.events.listByEngagement(clients[0]?.id ?? '');
    expect(history.map((e) => e.type)).toContain('engagement.converted');
  });

  it('lets every demo user log in', async () => {
    for (const user of DEMO_USERS) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expect(response.statusCode, user.email).toBe(200);
    }
  });

  it('creates nothing twice when it runs again', async () => {
    const count = async () => ({
      firms: (await ctx.deps.store.listFirms()).length,
      services: (await scope.services.list({ includeArchived: true })).length,
      terms: (await scope.terms.list()).length,
      engagements: (await scope.engagements.list(everything)).total,
      documents: (await scope.documents.list(everything)).total,
      users: (await scope.users.list()).length,
    });
    const before = await count();
    const again = await seedDemo(ctx.deps, { log: () => {}, trigger: 'command' });
    expect(again?.firmName).toBe('Cabinet Dupré & Associés');
    expect(await count()).toEqual(before);
  });

  it('in production, neither creates the demo nor hands out its public passwords', async () => {
    expect(
      await seedDemo(ctx.deps, { log: () => {}, trigger: 'start', nodeEnv: 'production' }),
    ).toBeUndefined();
  });
});

describe(`seedDemo leaves real installations alone (${databaseKind})`, () => {
  let ctx: TestContext | undefined;
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
  });
  const firmNames = async (context: TestContext) =>
    (await context.deps.store.listFirms()).map((firm) => firm.name);

  it('a server starting on a database that holds a firm adds no demo firm beside it', async () => {
    ctx = await createTestContext({ database: 'fresh' });
    await aFirmWithUsers(ctx, 'Cabinet Réel');
    const demo = await seedDemo(ctx.deps, { log: () => {}, trigger: 'start', nodeEnv: 'development' });
    expect(demo).toBeUndefined();
    expect(await firmNames(ctx)).toEqual(['Cabinet Réel']);
  });

  it('never seeds in production, not even an empty database, nor on `lettrine seed`', async () => {
    ctx = await createTestContext({ database: 'fresh' });
    const lines: string[] = [];
    for (const trigger of ['start', 'command'] as const) {
      const demo = await seedDemo(ctx.deps, {
        log: (line) => lines.push(line),
        trigger,
        nodeEnv: 'production',
      });
      expect(demo, trigger).toBeUndefined();
    }
    expect(await firmNames(ctx)).toEqual([]);
    expect(lines.join('\n')).toContain('production');
  });
});
