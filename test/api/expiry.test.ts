import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireOverdueDocuments } from '../../src/application/documents/expire-documents.ts';
import { aService } from '../builders/catalogue.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  refreshSessions,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** A private client's address: a document cannot be sent without it (DOMAIN.md). */
const AN_ADDRESS = { addressLine1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };

describe(`proposal expiry (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let serviceId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id)).id;
  });
  afterAll(() => ctx.close());

  const sentProposal = async (validUntil: string) => {
    const api = apiAs(ctx, firm.users.collaborateur.headers);
    const engagement = await api.post('/engagements', {
      company: { name: 'Particulier', isIndividual: true, ...AN_ADDRESS },
      signatory: { firstName: 'Jeanne', lastName: 'Particulier' },
    });
    const doc = await api.post('/documents', {
      engagementId: engagement.body.id,
      kind: 'proposal',
      validUntil,
      lines: [{ serviceId, quantity: 1 }],
    });
    const sent = await api.post(`/documents/${doc.body.id}/send`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return { engagementId: engagement.body.id as string, documentId: doc.body.id as string };
  };

  it('R-B6 a proposal past its validity date expires, creates nothing, and expires once', async () => {
    const overdue = await sentProposal('2026-11-30');
    const current = await sentProposal('2026-12-31');
    ctx.clock.set('2026-12-01T08:00:00Z');
    await refreshSessions(ctx, firm);
    expect(await expireOverdueDocuments(ctx.deps, { firmId: firm.firmId })).toEqual([overdue.documentId]);
    expect(await expireOverdueDocuments(ctx.deps, { firmId: firm.firmId })).toEqual([]);

    const api = apiAs(ctx, firm.users.collaborateur.headers);
    const view = (await api.get(`/documents/${overdue.documentId}`)).body;
    expect(view.document.status).toBe('expired');
    expect(view.createdLetterId).toBeNull();
    expect((await api.get(`/documents/${current.documentId}`)).body.document.status).toBe('sent');
    const documents = (await api.get(`/documents?engagementId=${overdue.engagementId}`)).body;
    expect(documents.total).toBe(1);
    const signing = await api.post(`/documents/${overdue.documentId}/signatures`, {
      side: 'client',
      signatoryName: 'A. B.',
    });
    expect(signing.body.code).toBe('DOCUMENT.TRANSITION_NOT_ALLOWED');
  });

  it('refuses to send a proposal whose validity date has already passed', async () => {
    const api = apiAs(ctx, firm.users.collaborateur.headers);
    const engagement = await api.post('/engagements', {
      company: { name: 'Autre particulier', isIndividual: true, ...AN_ADDRESS },
      signatory: { firstName: 'Louis', lastName: 'Particulier' },
    });
    const doc = await api.post('/documents', {
      engagementId: engagement.body.id,
      kind: 'proposal',
      validUntil: '2026-01-31',
      lines: [{ serviceId, quantity: 1 }],
    });
    const sent = await api.post(`/documents/${doc.body.id}/send`);
    expect(sent.status).toBe(422);
    expect(sent.body.code).toBe('DOCUMENT.VALIDITY_PASSED');
  });
});
