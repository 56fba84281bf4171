import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aFirmWithData } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { aSentProposalInOutbox } from '../support/outbox-signing.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 19: each statement is a round trip to PostgreSQL, and a link signature's request sent 26.
 * The jobs a transaction queues are written together, in one statement, as it ends, and a document
 * other than a replacement letter is read without asking which letters it replaces. Counted on
 * PostgreSQL, where the driver's statements can be seen (pg.Client's query); PGlite runs the same
 * code, and the rows themselves are checked on both.
 */
describe(`round trips to the database (${databaseKind})`, () => {
  let ctx: TestContext;
  let firmId: string;
  const statements: string[] = [];
  const original = pg.Client.prototype.query;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z' });
    firmId = (await aFirmWithUsers(ctx, 'Cabinet File d’attente')).firmId;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [config] = args;
      statements.push(typeof config === 'string' ? config : String((config as { text?: string })?.text));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await ctx.close();
  });

  const outboxOf = async (marker: string) =>
    Number(
      (
        await ctx.database.executeSql(
          "select count(*)::int as n from job_outbox where data->>'historyEventId' like $1",
          [`${marker}-%`],
        )
      ).rows[0]?.n,
    );

  it('writes them once the work is done, together, and not at all when the work fails', async () => {
    const marker = `lot-${Date.now()}`;
    statements.length = 0;
    await ctx.deps.store.transaction(firmId, async (scope) => {
      for (const n of [1, 2, 3])
        await scope.jobs.enqueue({
          name: 'webhook.dispatch',
          data: { firmId, historyEventId: `${marker}-${n}` },
        });
    });
    expect(await outboxOf(marker)).toBe(3);
    if (databaseKind === 'postgres')
      expect(statements.filter((text) => /insert into "job_outbox"/i.test(text))).toHaveLength(1);

    const failed = `échec-${Date.now()}`;
    await expect(
      ctx.deps.store.transaction(firmId, async (scope) => {
        await scope.jobs.enqueue({
          name: 'webhook.dispatch',
          data: { firmId, historyEventId: `${failed}-1` },
        });
        throw new Error('la suite du travail échoue');
      }),
    ).rejects.toThrow('la suite du travail échoue');
    expect(await outboxOf(failed)).toBe(0);
    await ctx.database.executeSql("delete from job_outbox where data->>'historyEventId' like $1", [
      `${marker}-%`,
    ]);
  });

  it('reads a proposal or a letter as its row and its lines: no look for letters it would replace', async () => {
    const data = await aFirmWithData(ctx, 'Cabinet Lecture');
    statements.length = 0;
    const doc = await ctx.deps.store.read(data.firm.firmId).documents.find(data.draft.id);
    expect(doc?.lines.length).toBeGreaterThan(0);
    expect(doc?.replacesIds).toEqual([]);
    if (databaseKind === 'postgres') {
      expect(statements.filter((text) => /document_replacements/.test(text))).toEqual([]);
      expect(statements.filter((text) => /document_lines/.test(text))).toHaveLength(1);
    }
  });

  it('changes a sent document’s status without sending or reading back its frozen content', async () => {
    const data = await aFirmWithData(ctx, 'Cabinet Annulation');
    const read = () => ctx.deps.store.read(data.firm.firmId).documents.find(data.sentProposal.id);
    const before = await read();
    expect(before?.frozen).toBeTruthy();
    statements.length = 0;
    const cancelled = await data.collab.post(`/documents/${data.sentProposal.id}/cancel`, {
      reason: 'Doublon',
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const after = await read();
    expect(after?.status).toBe('cancelled');
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(after?.frozen).toEqual(before?.frozen);
    if (databaseKind === 'postgres') {
      const updates = statements.filter((text) => /^update "documents"/i.test(text));
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatch(/"status"/);
      expect(updates[0]).not.toMatch(/"frozen"/);
    }
  });

  it('saves what changed, a column set back included, and returns the frozen content it kept', async () => {
    const data = await aFirmWithData(ctx, 'Cabinet Sauvegarde');
    const at = new Date('2026-03-02T10:00:00Z');
    const original = await ctx.deps.store.read(data.firm.firmId).documents.find(data.sentProposal.id);
    await ctx.deps.store.transaction(data.firm.firmId, async (scope) => {
      const read = await scope.documents.find(data.sentProposal.id, { forUpdate: true });
      if (!read) throw new Error('the sent proposal is missing');
      const renamed = await scope.documents.save(
        { ...read, title: 'Offre revue', validUntil: read.validUntil },
        { expectedVersion: read.version, at },
      );
      expect(renamed?.title).toBe('Offre revue');
      expect(renamed?.frozen).toEqual(read.frozen);
      if (!renamed) return;
      const back = await scope.documents.save(
        { ...renamed, title: read.title },
        { expectedVersion: renamed.version, at },
      );
      expect(back?.title).toBe(read.title);
      expect(back?.version).toBe(read.version + 2);
    });
    const after = await ctx.deps.store.read(data.firm.firmId).documents.find(data.sentProposal.id);
    expect(after?.title).toBe(original?.title);
    expect(after?.frozen).toEqual(original?.frozen);
    // A version that is not the one read: nothing is written, whatever the columns.
    const stale = await ctx.deps.store.transaction(data.firm.firmId, (scope) =>
      scope.documents
        .find(data.sentProposal.id)
        .then((doc) =>
          doc
            ? scope.documents.save({ ...doc, title: 'Périmé' }, { expectedVersion: doc.version - 1, at })
            : null,
        ),
    );
    expect(stale).toBeUndefined();
  });

  it('opens a signing link reading its request by id once to learn its state and once to lock it', async () => {
    const firm = await aFirmWithUsers(ctx, 'Cabinet Lien');
    const { token, documentId } = await aSentProposalInOutbox(ctx, firm);
    statements.length = 0;
    const opened = await apiAs(ctx, {}).get(`/public/signing/${token}`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.state).toBe('open');
    const sent = await ctx.deps.store.read(firm.firmId).documents.find(documentId);
    expect(opened.body.document.number).toBe(sent?.number);
    if (databaseKind === 'postgres') {
      const byId = statements.filter((text) =>
        /^select .* from "signing_requests" where .*"signing_requests"\."id" = \$2\)/is.test(text),
      );
      // The link's look-up names the document: the transaction locks it, then the request, and
      // reads the request before neither (it did, to learn the document).
      expect(byId.map((text) => /for no key update$/.test(text))).toEqual([false, true]);
    }
  });
});
