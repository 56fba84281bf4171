import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInstallationSetup } from '../../src/application/firms/installation-setup.ts';
import { aSiren, expectProblem } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** « Créer votre cabinet »: the first firm of an empty installation, through the printed link. */
describe(`the setup link of an empty installation (${databaseKind})`, () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({ database: 'fresh' });
  });
  afterAll(() => ctx.close());

  const setUp = (token: string, overrides: { siren?: string; password?: string } = {}) =>
    apiAs(ctx).post('/public/installation', {
      token,
      firm: { name: 'Cabinet Fontaine', siren: overrides.siren ?? aSiren(920_001), city: 'Grenoble' },
      associe: {
        name: 'Marc Fontaine',
        email: 'marc.fontaine@cabinet-fontaine.fr',
        password: overrides.password ?? 'Belledonne-Chartreuse-38',
      },
      catalogue: 'standard',
    });

  it('creates the first firm and its associé, who logs in with the password chosen in the form; the link then dies', async () => {
    const setup = await openInstallationSetup(ctx.deps);
    expect(setup?.link).toMatch(/^http:\/\/lettrine\.test\/installation#[A-Za-z0-9_-]{40,}$/);
    const token = (setup?.link ?? '').split('#')[1] as string;
    // A refused form gives the link back: the weak password, then a wrong SIREN, then it works.
    const weak = await setUp(token, { password: 'motdepasse' });
    expect(weak.status, JSON.stringify(weak.body)).toBe(422);
    expectProblem(await setUp(token, { siren: '123456788' }), 422, 'FIRM.SIREN_INVALID');
    const created = await setUp(token);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.associeEmail).toBe('marc.fontaine@cabinet-fontaine.fr');
    expectProblem(await setUp(token, { siren: aSiren(920_002) }), 404, 'SETUP.LINK_INVALID');
    const login = await apiAs(ctx).post('/auth/login', {
      email: 'marc.fontaine@cabinet-fontaine.fr',
      password: 'Belledonne-Chartreuse-38',
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const associe = apiAs(ctx, { cookie: String(login.headers['set-cookie']).split(';')[0] as string });
    expect((await associe.get('/firm')).body).toMatchObject({ name: 'Cabinet Fontaine', city: 'Grenoble' });
    expect((await associe.get('/terms')).body.items).toHaveLength(1);
    // Once a firm exists, no start prints a link any more.
    expect(await openInstallationSetup(ctx.deps)).toBeUndefined();
    expect(await ctx.deps.store.listFirms()).toHaveLength(1);
  });

  it('a made-up or stale token creates nothing', async () => {
    expectProblem(await setUp('x'.repeat(43), { siren: aSiren(920_003) }), 404, 'SETUP.LINK_INVALID');
    expect(await ctx.deps.store.listFirms()).toHaveLength(1);
  });
});
