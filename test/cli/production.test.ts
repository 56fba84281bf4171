import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDraft, aProspect, send } from '../builders/through-api.ts';
import type { Api } from '../support/api-client.ts';
import { databaseKind } from '../support/databases.ts';
import {
  finished,
  freePort,
  freshServerStorage,
  killAll,
  lettrine,
  outputOf,
  type ServerStorage,
  waitFor,
} from '../support/processes.ts';
import { httpCall } from '../support/server-client.ts';
import { A_COMPLETE_FIRM_IDENTITY } from '../support/test-app.ts';

const onPostgres = databaseKind === 'postgres';
if (!onPostgres)
  console.warn(
    'production.test.ts skipped: production runs on PostgreSQL only (NODE_ENV=production requires DATABASE_URL); set DATABASE_URL to run it.',
  );

/** The builders' client, over a real socket to a server process, with one user's headers. */
const apiOn = (port: number, headers: Record<string, string>): Api => {
  const call = (method: string) => (url: string, body?: unknown) =>
    httpCall(port, method, url, { headers, ...(body === undefined ? {} : { body }) }).then((reply) => ({
      status: reply.status,
      body: reply.body,
      headers: reply.headers as Record<string, unknown>,
    }));
  return {
    get: call('GET'),
    post: (url: string, body?: unknown) => call('POST')(url, body ?? {}),
    patch: call('PATCH'),
    put: call('PUT'),
    delete: call('DELETE'),
  } as unknown as Api;
};

/**
 * A firm installs Lettrine for real: NODE_ENV=production on a fresh PostgreSQL database, the real
 * command in child processes. `firm create`, the password link, the login, the firm's identity
 * completed, the first proposal sent.
 */
describe.skipIf(!onPostgres)(`a production installation (${databaseKind}; PostgreSQL only)`, () => {
  let storage: ServerStorage;
  let env: Record<string, string>;
  let port: number;
  const children: ReturnType<typeof lettrine>[] = [];

  beforeAll(async () => {
    storage = await freshServerStorage('production');
    port = await freePort();
    env = {
      ...storage.env,
      NODE_ENV: 'production',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SECRETS_KEY: randomBytes(32).toString('base64'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
  }, 60_000);
  afterAll(async () => {
    await killAll(children);
    await storage?.remove();
  });

  it('firm create, the password link, login, and the first proposal sent', async () => {
    const create = lettrine(
      [
        'firm',
        'create',
        '--name',
        'Cabinet Morel Expertise',
        '--siren',
        '552100554',
        '--associe-name',
        'Lucie Morel',
        '--email',
        'lucie.morel@morel-expertise.fr',
        '--catalogue',
        'standard',
      ],
      env,
    );
    const created = outputOf(create);
    expect(await finished(create), created()).toBe(0);
    const token = created().match(/\/mot-de-passe\/nouveau#([A-Za-z0-9_-]+)/)?.[1];
    expect(token, created()).toBeDefined();
    // The same SIREN again is refused, in production as elsewhere.
    const again = lettrine(
      [
        'firm',
        'create',
        '--name',
        'Doublon',
        '--siren',
        '552100554',
        '--associe-name',
        'X Y',
        '--email',
        'x@y.fr',
      ],
      env,
    );
    const refused = outputOf(again);
    expect(await finished(again)).toBe(1);
    expect(refused()).toContain('Un cabinet avec ce SIREN existe déjà');

    const server = lettrine(['start'], env);
    children.push(server);
    const serverOutput = outputOf(server);
    await waitFor('the server to be ready', async () =>
      (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined,
    ).catch((error) => {
      throw new Error(`${error.message}\n${serverOutput()}`);
    });
    // A firm exists: no setup link, and no demo firm.
    expect(serverOutput()).not.toContain('/installation#');
    expect(serverOutput()).not.toContain('Cabinet de démonstration');

    const chosen = await httpCall(port, 'POST', '/auth/password-reset/confirm', {
      body: { token, newPassword: 'Vercors-Royans-2026' },
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(204);
    const login = await httpCall(port, 'POST', '/auth/login', {
      body: { email: 'lucie.morel@morel-expertise.fr', password: 'Vercors-Royans-2026' },
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/; Secure/);
    const associe = apiOn(port, { cookie: cookie.split(';')[0] as string });

    const firm = (await associe.get('/firm')).body;
    const { name: _name, ...identity } = A_COMPLETE_FIRM_IDENTITY as typeof A_COMPLETE_FIRM_IDENTITY & {
      name?: string;
    };
    const completed = await associe.patch('/firm', {
      version: firm.version,
      ...identity,
      siren: '552100554',
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    const services = (await associe.get('/services?pageSize=200')).body.items;
    const prospect = await aProspect(associe, 'Fromagerie Bonnet');
    const proposal = await aDraft(associe, prospect.id, services[0].id);
    const sent = await send(associe, proposal.id);
    expect(sent.number).toMatch(/^OS-\d{4}-0001$/);
    expect((await associe.get(`/documents/${proposal.id}`)).body.document.status).toBe('sent');
    server.kill('SIGTERM');
    expect(await finished(server)).toBe(0);
  }, 180_000);
});
