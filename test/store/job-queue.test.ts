import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MalformedJobError } from '../../src/adapters/jobs/job-queue.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * A job is JSON in the database: a job written by hand, by an older version or by a bug reaches
 * its handler only once its payload is its queue's. One that is not fails at once, without the
 * hours of retries that would change nothing, with a message that says what is wrong.
 */
describe(`job payloads read back from the queue (${databaseKind})`, () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({ jobs: true });
  });
  afterAll(() => ctx.close());

  /** Writes a job as the outbox holds it, as any writer could have. */
  const queued = async (name: string, data: unknown) => {
    const id = randomUUID();
    await ctx.database.executeSql(
      'INSERT INTO job_outbox (id, name, data, created_at) VALUES ($1, $2, $3::jsonb, now())',
      [id, name, JSON.stringify(data)],
    );
    return id;
  };
  const jobRow = async (id: string) => {
    const { rows } = await ctx.database.executeSql(
      'SELECT state, retry_count, output FROM pgboss.job WHERE id = $1',
      [id],
    );
    return rows[0] as { state: string; retry_count: number; output: { message?: string } | null } | undefined;
  };

  it('fails a job with a missing or empty id at once, without retries, and says which field', async () => {
    const firmId = randomUUID();
    const noDocument = await queued('document.seal', { firmId });
    const emptyMail = await queued('mail.deliver', { firmId, mailId: '' });
    const notAnEvent = await queued('webhook.dispatch', { firmId, historyEventId: 'evt_12' });
    await ctx.drainJobs();

    for (const [id, field] of [
      [noDocument, 'documentId'],
      [emptyMail, 'mailId'],
      [notAnEvent, 'historyEventId'],
    ] as const) {
      const row = await jobRow(id);
      expect(row).toMatchObject({ state: 'failed', retry_count: 0 });
      expect(row?.output?.message).toContain(field);
      expect(row?.output?.message).toContain('failed without retry');
    }
    const reported = ctx.jobErrors.filter((error) => error instanceof MalformedJobError);
    expect(reported.map((error) => (error as Error).message).join('\n')).toContain(noDocument);
    expect(reported).toHaveLength(3);
  });

  it('runs a well-formed job, a field it does not know included (a newer version may add one)', async () => {
    const id = await queued('mail.deliver', { firmId: randomUUID(), mailId: randomUUID(), note: 'ajouté' });
    await ctx.drainJobs();
    expect(await jobRow(id)).toMatchObject({ state: 'completed', retry_count: 0 });
  });
});
