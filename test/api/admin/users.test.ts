import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../../support/test-app.ts';
import { expectInvalidField, expectProblem } from './builders.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const aUserBody = (overrides: Record<string, unknown> = {}) => ({
  email: 'Claire.Martin@Dupre.fr',
  name: 'Claire Martin',
  role: 'collaborateur',
  password: 'correct-horse-battery',
  ...overrides,
});

describe('GET /users', () => {
  it('lists the firm’s users to any user, without password hashes', async () => {
    const firm = await aFirmWithUsers(ctx);
    await aFirmWithUsers(ctx, 'Cabinet Voisin');
    const response = await apiAs(ctx, firm.users.lecture.headers).get('/users');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(response.body.items.map((u: { role: string }) => u.role).sort()).toEqual([
      'associe',
      'collaborateur',
      'lecture',
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/password|hash/i);
  });
});

describe('POST /users', () => {
  it('lets an associé add a user, who can then log in', async () => {
    const firm = await aFirmWithUsers(ctx);
    const response = await apiAs(ctx, firm.users.associe.headers).post('/users', aUserBody());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email: 'claire.martin@dupre.fr',
      name: 'Claire Martin',
      role: 'collaborateur',
      isActive: true,
      version: 1,
      firmId: firm.firmId,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password|hash/i);
    const login = await apiAs(ctx).post('/auth/login', {
      email: 'claire.martin@dupre.fr',
      password: 'correct-horse-battery',
    });
    expect(login.status).toBe(200);
    // The login and GET /auth/me describe the signed-in user the same way.
    const user = { id: response.body.id, firmId: firm.firmId, name: 'Claire Martin', role: 'collaborateur' };
    expect(login.body).toEqual({ user, expiresAt: expect.any(String) });
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    expect((await apiAs(ctx, { cookie }).get('/auth/me')).body).toEqual(user);
  });

  it.each(['collaborateur', 'lecture'] as const)('refuses a %s with 403', async (role) => {
    const firm = await aFirmWithUsers(ctx);
    expectProblem(
      await apiAs(ctx, firm.users[role].headers).post('/users', aUserBody()),
      403,
      'AUTH.FORBIDDEN',
    );
  });

  it('without a password, invites the user by mail: the link lets them choose theirs, once, then log in', async () => {
    const firm = await aFirmWithUsers(ctx);
    const associe = apiAs(ctx, firm.users.associe.headers);
    const { password: _none, ...invitation } = aUserBody({ email: 'nina.roux@dupre.fr', name: 'Nina Roux' });
    const created = await associe.post('/users', invitation);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [mail] = (await associe.get('/mails')).body.items.filter(
      (m: { kind: string }) => m.kind === 'invitation',
    );
    expect(mail).toMatchObject({ toAddress: 'nina.roux@dupre.fr', status: 'outbox' });
    expect(mail.subject).toContain('vous invite');
    const opened = (await associe.get(`/mails/${mail.id}`)).body;
    const token = String(opened.textBody).match(/mot-de-passe\/nouveau#([A-Za-z0-9_-]+)/)?.[1] as string;
    expect(opened.textBody).toContain('dans les 3 jours');
    const anonymous = apiAs(ctx);
    const chosen = await anonymous.post('/auth/password-reset/confirm', {
      token,
      newPassword: 'Glycine-Presqu-ile-69',
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBeLessThan(300);
    const login = await anonymous.post('/auth/login', {
      email: 'nina.roux@dupre.fr',
      password: 'Glycine-Presqu-ile-69',
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const reused = await anonymous.post('/auth/password-reset/confirm', {
      token,
      newPassword: 'Glycine-Presqu-ile-70',
    });
    expect(reused.status).toBe(404);
  });

  it('refuses an e-mail already used in the firm (whatever its case) with 409', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    expect((await api.post('/users', aUserBody())).status).toBe(201);
    expectProblem(
      await api.post('/users', aUserBody({ email: 'claire.martin@DUPRE.fr', name: 'Autre' })),
      409,
      'USER.EMAIL_TAKEN',
    );
  });

  it('accepts the same e-mail in another firm', async () => {
    const firmA = await aFirmWithUsers(ctx);
    const firmB = await aFirmWithUsers(ctx);
    const email = `partage-${Date.now()}@exemple.fr`;
    expect((await apiAs(ctx, firmA.users.associe.headers).post('/users', aUserBody({ email }))).status).toBe(
      201,
    );
    expect((await apiAs(ctx, firmB.users.associe.headers).post('/users', aUserBody({ email }))).status).toBe(
      201,
    );
  });

  it('lets only one of two concurrent requests take an e-mail', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    const responses = await Promise.all([api.post('/users', aUserBody()), api.post('/users', aUserBody())]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.status === 409)?.body.code).toBe('USER.EMAIL_TAKEN');
  });

  it.each([
    ['password', { password: 'court-9ch' }, /10 caractères/],
    ['email', { email: 'claire' }, /e-mail invalide/],
    ['role', { role: 'admin' }, /associe, collaborateur, lecture/],
    ['name', { name: '  ' }, /obligatoire/],
  ])('refuses an invalid %s with 400 and a French message', async (field, override, message) => {
    const firm = await aFirmWithUsers(ctx);
    const response = await apiAs(ctx, firm.users.associe.headers).post('/users', aUserBody(override));
    expect(expectInvalidField(response, `body.${field}`)).toMatch(message);
  });
});

describe('PATCH /users/:id', () => {
  it('lets an associé rename a user and change the role', async () => {
    const firm = await aFirmWithUsers(ctx);
    const response = await apiAs(ctx, firm.users.associe.headers).patch(
      `/users/${firm.users.collaborateur.id}`,
      { version: 1, name: 'Paul Durand', role: 'associe' },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Paul Durand', role: 'associe', version: 2 });
    expect(JSON.stringify(response.body)).not.toMatch(/password|hash/i);
  });

  it('deactivates a user, whose session stops working', async () => {
    const firm = await aFirmWithUsers(ctx);
    const response = await apiAs(ctx, firm.users.associe.headers).patch(
      `/users/${firm.users.collaborateur.id}`,
      {
        version: 1,
        isActive: false,
      },
    );
    expect(response.body.isActive).toBe(false);
    expectProblem(
      await apiAs(ctx, firm.users.collaborateur.headers).get('/users'),
      401,
      'AUTH.UNAUTHENTICATED',
    );
  });

  it.each(['collaborateur', 'lecture'] as const)('refuses a %s with 403', async (role) => {
    const firm = await aFirmWithUsers(ctx);
    const response = await apiAs(ctx, firm.users[role].headers).patch(`/users/${firm.users.lecture.id}`, {
      version: 1,
      name: 'Nouveau nom',
    });
    expectProblem(response, 403, 'AUTH.FORBIDDEN');
  });

  it('refuses a stale version with 409', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    const url = `/users/${firm.users.lecture.id}`;
    await api.patch(url, { version: 1, name: 'Premier' });
    expectProblem(await api.patch(url, { version: 1, name: 'Second' }), 409, 'EDIT.STALE_VERSION');
  });

  it('answers 404 for a user of another firm, and for an unknown id', async () => {
    const firm = await aFirmWithUsers(ctx);
    const other = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    expectProblem(
      await api.patch(`/users/${other.users.collaborateur.id}`, { version: 1, name: 'Intrus' }),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(
      await api.patch('/users/00000000-0000-4000-8000-000000000000', { version: 1, name: 'Personne' }),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });

  it('refuses an id that is not a UUID with 400', async () => {
    const firm = await aFirmWithUsers(ctx);
    const response = await apiAs(ctx, firm.users.associe.headers).patch('/users/42', { version: 1 });
    expect(expectInvalidField(response, 'params.id')).toMatch(/UUID/);
  });

  it('never demotes nor deactivates the last active associé', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    const url = `/users/${firm.users.associe.id}`;
    expectProblem(await api.patch(url, { version: 1, role: 'collaborateur' }), 409, 'USER.LAST_ASSOCIE');
    const deactivate = await api.patch(url, { version: 1, isActive: false });
    expectProblem(deactivate, 409, 'USER.LAST_ASSOCIE');
    expect(deactivate.body.detail).toMatch(/au moins un associé actif/);
  });

  it('lets an associé step down once another associé is active', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    await api.patch(`/users/${firm.users.collaborateur.id}`, { version: 1, role: 'associe' });
    const response = await api.patch(`/users/${firm.users.associe.id}`, {
      version: 1,
      role: 'collaborateur',
    });
    expect(response.status).toBe(200);
  });

  it('lets only one of two associés demoting each other at once win', async () => {
    const firm = await aFirmWithUsers(ctx);
    await apiAs(ctx, firm.users.associe.headers).patch(`/users/${firm.users.collaborateur.id}`, {
      version: 1,
      role: 'associe',
    });
    const [first, second] = await Promise.all([
      apiAs(ctx, firm.users.associe.headers).patch(`/users/${firm.users.collaborateur.id}`, {
        version: 2,
        role: 'lecture',
      }),
      apiAs(ctx, firm.users.collaborateur.headers).patch(`/users/${firm.users.associe.id}`, {
        version: 1,
        role: 'lecture',
      }),
    ]);
    expect([first?.status, second?.status].sort()).toEqual([200, 409]);
    const users = (await apiAs(ctx, firm.users.lecture.headers).get('/users')).body.items as {
      role: string;
      isActive: boolean;
    }[];
    expect(users.filter((u) => u.role === 'associe' && u.isActive)).toHaveLength(1);
  });
});
