import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDraft, aFirmWithData, aProspect, type FirmData } from '../builders/through-api.ts';
import { flowingText } from '../support/pdf.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** Issue 14, items 2 and 5: what a firm's letters say by default is the firm's setting. */
describe('the firm’s letter settings', () => {
  let ctx: TestContext;
  let data: FirmData;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    data = await aFirmWithData(ctx, 'Cabinet Perrin');
  });
  afterAll(() => ctx.close());

  const setFirm = async (fields: object) => {
    const firm = (await data.associe.get('/firm')).body;
    const res = await data.associe.patch('/firm', { version: firm.version, ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('with the setting off, a new proposal carries no revision clause; on (the default), it does', async () => {
    expect((await data.associe.get('/firm')).body.revisionClauseByDefault).toBe(true);
    const prospect = await aProspect(data.collab, 'Biscuiterie Lemoine');
    const withClause = await aDraft(data.collab, prospect.id, data.services.bookkeeping.id);
    expect((await data.collab.get(`/documents/${withClause.id}`)).body.document.revisionClause).toMatch(
      /Syntec/,
    );
    expect((await setFirm({ revisionClauseByDefault: false })).revisionClauseByDefault).toBe(false);
    const without = await aDraft(data.collab, prospect.id, data.services.bookkeeping.id);
    expect((await data.collab.get(`/documents/${without.id}`)).body.document.revisionClause).toBeNull();
    await setFirm({ revisionClauseByDefault: true });
  });

  it('the letter gives the firm’s data-protection contact when it has one, else its e-mail', async () => {
    const letterPdf = async () =>
      flowingText((await data.collab.download(`/documents/${data.client.letterId}/pdf`)).bytes);
    expect(await letterPdf()).not.toContain('dpo@cabinet-perrin.fr');
    const updated = await setFirm({ dpoEmail: 'dpo@cabinet-perrin.fr' });
    expect(updated.dpoEmail).toBe('dpo@cabinet-perrin.fr');
    // The letter is signed: its frozen PDF keeps what it said; a new draft letter says the new contact.
    const prospect = await aProspect(data.collab, 'Cidrerie Hamon');
    const letter = await aDraft(data.collab, prospect.id, data.services.bookkeeping.id, 'engagement_letter');
    const text = await flowingText((await data.collab.download(`/documents/${letter.id}/pdf`)).bytes);
    expect(text).toContain('dpo@cabinet-perrin.fr');
    const refused = await data.associe.patch('/firm', {
      version: updated.version,
      dpoEmail: 'pas-une-adresse',
    });
    expect(refused.status).toBe(400);
  });
});
