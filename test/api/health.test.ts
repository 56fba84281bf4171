import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const checksOf = (body: { checks: { name: string; ok: boolean }[] }) =>
  Object.fromEntries(body.checks.map((check) => [check.name, check.ok]));

describe(`health and readiness for the load balancer (${databaseKind})`, () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({ jobs: true });
  });
  afterAll(() => ctx.close());

  it('/healthz answers without a session and is never cached', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('/readyz is 200 with the database, every migration and the jobs running', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('ready');
    expect(checksOf(res.json())).toEqual({ database: true, migrations: true, jobs: true });
  });

  it('/readyz is 503 while the server stops, so the load balancer sends traffic elsewhere', async () => {
    ctx.jobsState.stopping = true;
    try {
      const res = await ctx.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'not_ready' });
      expect(checksOf(res.json()).jobs).toBe(false);
    } finally {
      ctx.jobsState.stopping = false;
    }
  });

  it('/readyz is 503 when the database lacks a migration this version ships', async () => {
    const last = await ctx.database.executeSql(
      'select id from drizzle.__drizzle_migrations order by created_at desc limit 1',
      [],
    );
    const id = last.rows[0]?.id;
    const hidden = await ctx.database.executeSql(
      'delete from drizzle.__drizzle_migrations where id = $1 returning *',
      [id],
    );
    try {
      const res = await ctx.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      const migrations = res.json().checks.find((c: { name: string }) => c.name === 'migrations');
      expect(migrations.ok).toBe(false);
      expect(migrations.detail).toMatch(/appliquées sur/);
    } finally {
      const row = hidden.rows[0] as { id: number; hash: string; created_at: string };
      await ctx.database.executeSql(
        'insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)',
        [row.id, row.hash, row.created_at],
      );
    }
  });

  it('/readyz is 503 when the database does not answer', async () => {
    const broken = await createTestContext({ database: 'fresh' });
    await broken.database.close();
    const res = await broken.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(checksOf(res.json()).database).toBe(false);
    await broken.app.close();
  });
});
