import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../src/adapters/db/database.ts';
import { type JobQueue, ParkedJobError, startJobQueue } from '../../src/adapters/jobs/job-queue.ts';
import { idleQueues } from '../support/job-queues.ts';

/**
 * Issue 20: a seal job that crashed the server was retried after each restart and crashed it
 * again. A failure now is an ordinary rejection; once a job has failed its last attempt it stays in
 * pg-boss as `failed` with its error (kept a week) and is reported once as parked, never retried.
 */
describe('a job that keeps failing the same way is parked with its error', () => {
  let database: Database;
  let queue: JobQueue;
  const errors: unknown[] = [];
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const logAt = (level: string) => (fields: object, message: string) =>
    lines.push({ level, fields: fields as Record<string, unknown>, message });
  let attempts = 0;

  beforeAll(async () => {
    database = await openPglite();
    await database.migrate();
    const queues = idleQueues();
    queue = await startJobQueue(database, {
      pollingIntervalSeconds: 0.5,
      onError: (error) => errors.push(error),
      log: { info: logAt('info'), warn: logAt('warn'), error: logAt('error') },
      queues: {
        ...queues,
        'document.seal': {
          handler: async () => {
            attempts += 1;
            throw new Error('FIRM.LOGO_UNREADABLE');
          },
          retryLimit: 2,
          retryDelaySeconds: 1,
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await queue?.stop();
    await database?.close();
  });

  it('three attempts, then state failed with the message, one ParkedJobError reported', async () => {
    const id = randomUUID();
    const firmId = randomUUID();
    const data = { firmId, documentId: randomUUID(), logContext: { requestId: 'essai-789' } };
    await database.executeSql(
      'INSERT INTO job_outbox (id, name, data, created_at) VALUES ($1, $2, $3::jsonb, now())',
      [id, 'document.seal', JSON.stringify(data)],
    );
    queue.kick();
    const deadline = Date.now() + 25_000;
    let row: { state: string; retry_count: number; output: { message?: string } | null } | undefined;
    while (Date.now() < deadline) {
      const { rows } = await database.executeSql(
        'SELECT state, retry_count, output FROM pgboss.job WHERE id = $1',
        [id],
      );
      row = rows[0] as typeof row;
      if (row?.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(row).toMatchObject({ state: 'failed', retry_count: 2 });
    expect(row?.output?.message).toBe('FIRM.LOGO_UNREADABLE');
    expect(attempts).toBe(3);
    const parked = errors.filter((error) => error instanceof ParkedJobError);
    expect(parked).toHaveLength(1);
    expect((parked[0] as Error).message).toBe(
      `job document.seal ${id} parked after 3 attempts: FIRM.LOGO_UNREADABLE`,
    );
    // Issue 13: each failure is a structured line with the request that queued the job.
    const line = {
      job: 'document.seal',
      jobId: id,
      firmId,
      requestId: 'essai-789',
      error: 'FIRM.LOGO_UNREADABLE',
    };
    expect(
      lines.map(({ level, fields, message }) => ({ level, message, ...fields, err: undefined })),
    ).toEqual([
      { level: 'warn', message: 'tâche en échec : nouvel essai prévu', ...line, attempt: 1, err: undefined },
      { level: 'warn', message: 'tâche en échec : nouvel essai prévu', ...line, attempt: 2, err: undefined },
      {
        level: 'error',
        message: 'tâche abandonnée après son dernier essai',
        ...line,
        attempt: 3,
        err: undefined,
      },
    ]);
    expect(lines[2]?.fields.err).toBe(parked[0]);
  }, 30_000);
});
