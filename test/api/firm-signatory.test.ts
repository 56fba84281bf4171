import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, aProspect, expectProblem, send, sign } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { flowingText } from '../support/pdf.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 14, item 7: the firm's signatory is chosen per document, and each user signs in a capacity
 * stored with them, agreed with their form of address (« experte-comptable associée »).
 */
describe(`the firm's signatory and their capacity (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let associe: Api;
  let collab: Api;
  let serviceId: string;
  let claire: { id: string; version: number };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-01-05T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    associe = apiAs(ctx, firm.users.associe.headers);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { recurrence: 'yearly' })).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
  });
  afterAll(() => ctx.close());

  it('derives a user’s capacity from the role and the form of address; an associé or the user may type another', async () => {
    const created = await associe.post('/users', {
      email: 'claire@cabinet.test',
      name: 'Claire Dupré',
      role: 'associe',
      formOfAddress: 'madame',
      password: 'secret-pass-123',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      formOfAddress: 'madame',
      signatoryCapacity: null,
      capacity: 'Experte-comptable associée',
    });
    claire = created.body;

    const me = (await associe.get('/users')).body.items.find(
      (user: { id: string }) => user.id === firm.users.collaborateur.id,
    );
    const own = await collab.patch(`/users/${me.id}`, {
      version: me.version,
      formOfAddress: 'madame',
      signatoryCapacity: 'Cheffe de mission',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ capacity: 'Cheffe de mission', role: 'collaborateur' });
    // Not their role, nor anyone else's capacity.
    expectProblem(
      await collab.patch(`/users/${me.id}`, { version: own.body.version, role: 'associe' }),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await collab.patch(`/users/${claire.id}`, { version: claire.version, signatoryCapacity: 'Stagiaire' }),
      403,
      'AUTH.FORBIDDEN',
    );
  });

  it('lets a document name the associé who signs for the firm, and prints and invites them in their capacity', async () => {
    const engagement = await aProspect(collab, 'Boulangerie Martin');
    const proposal = await aDraft(collab, engagement.id, serviceId);
    await send(collab, proposal.id);
    await sign(collab, proposal.id, 'client');
    const letterId = (await collab.get(`/documents/${proposal.id}`)).body.createdLetterId as string;
    const letter = (await collab.get(`/documents/${letterId}`)).body.document;
    expect(letter.firmSignatoryId).toBeNull();

    expectProblem(
      await collab.patch(`/documents/${letterId}`, {
        version: letter.version,
        firmSignatoryId: firm.users.collaborateur.id,
      }),
      422,
      'DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE',
    );
    const chosen = await collab.patch(`/documents/${letterId}`, {
      version: letter.version,
      firmSignatoryId: claire.id,
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.firmSignatoryId).toBe(claire.id);

    await send(collab, letterId);
    const text = await flowingText((await collab.download(`/documents/${letterId}/pdf`)).bytes);
    expect(text).toContain('Représenté par Claire Dupré, experte-comptable associée');
    expect(text).toContain('Pour le cabinet Claire Dupré Experte-comptable associée');

    // The e-signature request goes to her, in the same capacity.
    const requests = await ctx.deps.store.read(firm.firmId).signingRequests.listByDocument(letterId);
    expect(requests.find((request) => request.side === 'firm')).toMatchObject({
      userId: claire.id,
      signerName: 'Claire Dupré',
      capacity: 'Experte-comptable associée',
    });
  });
});
