import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/processes.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 13, item 4: pg-boss 10 leaves a job taken by a server that died active until its expiry
 * (five minutes, an hour for a campaign's generation). A server marks each job it starts with the
 * key of the lock it holds while it lives; a job whose server no longer holds its lock is retried
 * at once by the servers still there (src/adapters/jobs/server-liveness.ts).
 */
describe(`the jobs of a server that is gone (${databaseKind})`, () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({ database: 'fresh', jobs: true });
  });
  afterAll(() => ctx.close());

  /** A job pg-boss shows as running, as a server left it when it was killed. */
  const leftActive = async (owner: string | undefined) => {
    const id = randomUUID();
    await ctx.database.executeSql(
      `INSERT INTO pgboss.job (id, name, data, state, started_on, retry_limit, output)
       VALUES ($1, 'campaign.follow', $2::jsonb, 'active', now(), 3, $3::jsonb)`,
      [
        id,
        JSON.stringify({ firmId: randomUUID(), campaignId: randomUUID() }),
        owner ? JSON.stringify({ lettrineServer: owner }) : null,
      ],
    );
    return id;
  };
  const stateOf = async (id: string) => {
    const { rows } = await ctx.database.executeSql(
      'SELECT state, retry_count FROM pgboss.job WHERE id = $1',
      [id],
    );
    return rows[0] as { state: string; retry_count: number };
  };

  it('retries at once a job whose server holds its lock no more, and leaves one without an owner to its expiry', async () => {
    // No server holds the lock of key 7: the server that took this job is gone.
    const orphan = await leftActive('7');
    // Taken by a server of a version that marks nothing: it may still run, its expiry decides.
    const unmarked = await leftActive(undefined);
    const done = await waitFor(
      'the orphan retried and run',
      async () => {
        const row = await stateOf(orphan);
        return row.state === 'completed' ? row : undefined;
      },
      20_000,
      100,
    );
    expect(done.retry_count).toBe(1);
    expect(await stateOf(unmarked)).toEqual({ state: 'active', retry_count: 0 });
    expect(ctx.jobErrors).toEqual([]);
  });
});
