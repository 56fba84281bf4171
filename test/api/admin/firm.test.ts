import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../../support/api-client.ts';
import {
  A_COMPLETE_FIRM_IDENTITY,
  aFirmWithUsers,
  createTestContext,
  type TestContext,
} from '../../support/test-app.ts';
import { expectInvalidField, expectProblem } from './builders.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const identity = {
  legalForm: 'SAS',
  addressLine1: '12 rue de la Paix',
  postalCode: '75002',
  city: 'Paris',
  phone: '01 23 45 67 89',
  email: 'contact@dupre.fr',
  siren: '552 100 554',
  rcs: 'RCS Paris 552 100 554',
  vatNumber: 'fr 40 552100554',
  ordreCouncil: 'Conseil régional de l’Ordre de Paris Île-de-France',
  insurer: 'MMA IARD',
  insuranceCoverage: '2 000 000 € par sinistre',
};

describe('GET /firm', () => {
  it('answers the firm’s identity to any user of the firm', async () => {
    const firm = await aFirmWithUsers(ctx, 'Cabinet Lecture');
    const response = await apiAs(ctx, firm.users.lecture.headers).get('/firm');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: firm.firmId,
      name: 'Cabinet Lecture',
      clientCodePrefix: 'CLI',
      version: 1,
      ...A_COMPLETE_FIRM_IDENTITY,
      accentColor: null,
      hasLogo: false,
    });
  });

  it('answers 401 without a session', async () => {
    expectProblem(await apiAs(ctx).get('/firm'), 401, 'AUTH.UNAUTHENTICATED');
  });
});

describe('PATCH /firm', () => {
  it('lets an associé set the legal identity and the client code prefix, normalised', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    const response = await api.patch('/firm', { version: 1, ...identity, clientCodePrefix: 'dup' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      ...identity,
      siren: '552100554',
      vatNumber: 'FR40552100554',
      clientCodePrefix: 'DUP',
      version: 2,
    });
    expect((await api.get('/firm')).body).toMatchObject({ version: 2, city: 'Paris' });
  });

  it('clears a field with null or an empty text', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    await api.patch('/firm', { version: 1, city: 'Lyon', phone: '04 00 00 00 00' });
    const response = await api.patch('/firm', { version: 2, city: null, phone: '' });
    expect(response.body).toMatchObject({ city: null, phone: null, version: 3 });
  });

  it('gives the new prefix to the next client codes', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    await api.patch('/firm', { version: 1, clientCodePrefix: 'DUP' });
    const engagement = await api.post('/engagements', {
      company: { name: 'Boulangerie Martin', isIndividual: true },
    });
    const converted = await api.post(`/engagements/${engagement.body.id}/convert`, {
      reason: 'Client historique repris du logiciel précédent',
    });
    expect(converted.body.clientCode).toBe('DUP00001');
  });

  it.each(['collaborateur', 'lecture'] as const)('refuses a %s with 403', async (role) => {
    const firm = await aFirmWithUsers(ctx);
    const response = await apiAs(ctx, firm.users[role].headers).patch('/firm', { version: 1, city: 'Nice' });
    expectProblem(response, 403, 'AUTH.FORBIDDEN');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    await api.patch('/firm', { version: 1, city: 'Lyon' });
    expectProblem(await api.patch('/firm', { version: 1, city: 'Nice' }), 409, 'EDIT.STALE_VERSION');
    expect((await api.get('/firm')).body.city).toBe('Lyon');
  });

  it('changes only the caller’s firm', async () => {
    const firmA = await aFirmWithUsers(ctx, 'Cabinet A');
    const firmB = await aFirmWithUsers(ctx, 'Cabinet B');
    await apiAs(ctx, firmB.users.associe.headers).patch('/firm', { version: 1, name: 'Cabinet B bis' });
    expect((await apiAs(ctx, firmA.users.associe.headers).get('/firm')).body.name).toBe('Cabinet A');
  });

  it.each([
    ['clientCodePrefix', { clientCodePrefix: 'D' }],
    ['clientCodePrefix', { clientCodePrefix: 'DÉP' }],
    ['siren', { siren: '123456789' }],
    ['vatNumber', { vatNumber: 'DE123456789' }],
    ['postalCode', { postalCode: '7500' }],
    ['email', { email: 'pas-un-email' }],
    ['name', { name: '' }],
  ])('refuses an invalid %s with 400 and a French message', async (field, patch) => {
    const firm = await aFirmWithUsers(ctx);
    const response = await apiAs(ctx, firm.users.associe.headers).patch('/firm', { version: 1, ...patch });
    expect(expectInvalidField(response, `body.${field}`)).toMatch(/invalide|obligatoire/);
  });

  it('refuses a body without version, or with an unknown field, with 400', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    expectInvalidField(await api.patch('/firm', { city: 'Nice' }), 'body.version');
    const unknown = await api.patch('/firm', { version: 1, slug: 'autre' });
    expectProblem(unknown, 400, 'REQUEST.VALIDATION_FAILED');
    expect(JSON.stringify(unknown.body.details)).toContain('Champ inconnu\u00a0: slug.');
  });
});
