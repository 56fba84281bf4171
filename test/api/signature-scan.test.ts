import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService } from '../builders/catalogue.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe(`a paper signature with its scan (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let other: FirmSession;

  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
    other = await aFirmWithUsers(ctx, 'Cabinet Voisin');
  });
  afterAll(() => ctx.close());

  it('keeps the scanned page and gives back exactly its bytes, to its firm only', async () => {
    const api = apiAs(ctx, firm.users.collaborateur.headers);
    const serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id)).id;
    const engagement = await api.post('/engagements', {
      company: {
        name: 'Mme Durand',
        isIndividual: true,
        addressLine1: '8 rue des Lilas',
        postalCode: '69004',
        city: 'Lyon',
      },
      signatory: { civility: 'Mme', firstName: 'Jeanne', lastName: 'Durand' },
    });
    const doc = await api.post('/documents', {
      engagementId: engagement.body.id,
      kind: 'proposal',
      validUntil: '2026-12-31',
      lines: [{ serviceId, quantity: 1 }],
    });
    const sent = await api.post(`/documents/${doc.body.id}/send`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    ctx.clock.set('2026-12-02T10:00:00Z');
    const signed = await api.post(`/documents/${doc.body.id}/signatures`, {
      side: 'client',
      method: 'paper',
      signatoryName: 'Jeanne Durand',
      signedOn: '2026-11-30',
      scan: { fileName: 'offre signée.png', contentType: 'image/png', base64: PNG_BASE64 },
    });
    expect(signed.status).toBe(201);
    expect(signed.body.signature).toMatchObject({
      hasScan: true,
      signedOn: '2026-11-30',
      signatoryName: 'Jeanne Durand',
    });

    const url = `/api/v1/documents/${doc.body.id}/signatures/${signed.body.signature.id}/scan`;
    const scan = await ctx.app.inject({ method: 'GET', url, headers: firm.users.lecture.headers });
    expect(scan.statusCode).toBe(200);
    expect(scan.headers['content-type']).toBe('image/png');
    expect(scan.rawPayload.equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
    const elsewhere = await ctx.app.inject({ method: 'GET', url, headers: other.users.associe.headers });
    expect(elsewhere.statusCode).toBe(404);
  });
});
