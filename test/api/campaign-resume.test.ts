import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTFOLIO_USERS } from '../../src/cli/seed-portfolio.ts';
import {
  finished,
  freePort,
  freshServerStorage,
  killAll,
  lettrine,
  type ServerStorage,
  waitFor,
} from '../support/processes.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * The real `lettrine` command in child processes, on a data folder (PGlite) or a database of the
 * PostgreSQL server of DATABASE_URL: a server is killed (SIGKILL, no shutdown) while it generates a
 * campaign, then started again, and must finish with exactly one letter per selected client.
 */
const CLIENTS = 2_000;

describe(`a campaign whose server is killed mid-generation (${databaseKind})`, () => {
  let storage: ServerStorage;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    storage = await freshServerStorage('resume');
    env = storage.env;
    const seed = lettrine(['seed', '--clients', String(CLIENTS)], env);
    expect(await finished(seed)).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await killAll(children);
    await storage.remove();
  });

  const startServer = async () => {
    const port = await freePort();
    // Ten clients a transaction: a generation of some 200 commits, long enough to be killed part-way.
    const child = lettrine(['start'], {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CAMPAIGN_CHUNK_SIZE: '10',
    });
    children.push(child);
    const base = `http://127.0.0.1:${port}/api/v1`;
    const [associe] = PORTFOLIO_USERS;
    const cookie = await waitFor('the server', async () => {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: associe.email, password: associe.password }),
      });
      return res.ok ? (res.headers.get('set-cookie')?.split(';')[0] ?? undefined) : undefined;
    });
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    };
    return { child, call };
  };

  it('R-D5 finishes, once restarted, with exactly one letter per selected client', async () => {
    const first = await startServer();
    const created = await first.call('POST', '/campaigns', {
      name: 'Renouvellement 2027',
      settings: {
        revaluation: { method: 'coefficient', coefficient: '1.03' },
        effectiveDate: '2027-01-01',
        validUntil: '2027-12-31',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await first.call('POST', `/campaigns/${id}/generate`)).status).toBe(202);
    // Killed once some letters exist and others do not yet.
    const partway = await waitFor('a generation part-way', async () => {
      const { body } = await first.call('GET', `/campaigns/${id}`);
      return body.progress.generated > 0 && body.progress.pending > 0 ? body.progress : undefined;
    });
    first.child.kill('SIGKILL');
    await finished(first.child);
    // Killed a chunk or two of ten clients after that read: most of the work is left to the restart.
    expect(partway.total).toBe(CLIENTS);
    expect(partway.pending).toBeGreaterThan(CLIENTS / 2);

    const second = await startServer();
    const done = await waitFor('the generation to finish', async () => {
      const { body } = await second.call('GET', `/campaigns/${id}`);
      return body.status === 'generated' ? body : undefined;
    });
    expect(done.progress).toMatchObject({ total: CLIENTS, generated: CLIENTS, pending: 0, skipped: 0 });
    // One letter per client: as many replacement letters in the firm as items, each item its own.
    const letters = await second.call('GET', '/documents?kind=replacement_letter&pageSize=1');
    expect(letters.body.total).toBe(CLIENTS);
    const documentIds = new Set<string>();
    const engagementIds = new Set<string>();
    for (let page = 1; page <= CLIENTS / 200; page++) {
      const items = (await second.call('GET', `/campaigns/${id}/items?pageSize=200&page=${page}`)).body.items;
      for (const item of items as { documentId: string; engagementId: string }[]) {
        documentIds.add(item.documentId);
        engagementIds.add(item.engagementId);
      }
    }
    expect({ letters: documentIds.size, clients: engagementIds.size }).toEqual({
      letters: CLIENTS,
      clients: CLIENTS,
    });
    second.child.kill('SIGTERM');
    await finished(second.child);
  }, 300_000);
});
