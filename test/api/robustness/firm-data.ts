import { expect } from 'vitest';
import { runCampaignGeneration } from '../../../src/application/campaigns/generate-campaign.ts';
import { sealSignedDocument } from '../../../src/application/signing/seal-signed-document.ts';
import { dispatchWebhookEvent } from '../../../src/application/webhooks/dispatch-webhook-event.ts';
import { aDraft, aFirmWithData, idsOf, nextSiren, send } from '../../builders/through-api.ts';
import { aFileWithEvidenceAndMatch } from '../../builders/vigilance-api.ts';
import { TEST_PUBLIC_URL, type TestContext } from '../../support/test-app.ts';

/**
 * The firm of test/builders' aFirmWithData, plus what the e-signature and webhook routes aim at, so
 * that every route of routes.ts has a real id of the firm's:
 * - a document sent to a signer with an e-mail: its signing request, the mail carrying the link, and
 *   the link's token, opened once (the first view is recorded; later reads change nothing);
 * - a webhook subscribed to document.sent with one delivery of that sending (the dispatch job run
 *   by hand, as the queue would), and a spare webhook for DELETE;
 * - the client letter's sealed copy (the document.seal job its signing queued, run by hand).
 */
export const aFirmWithAllData = async (ctx: TestContext, name: string) => {
  const data = await aFirmWithData(ctx, name);
  const { firm, collab, associe } = data;
  const slug = firm.firmId.slice(0, 8);

  const webhook = await associe.post('/webhooks', {
    url: `https://hooks.example.test/${slug}/lettrine`,
    description: 'Logiciel de facturation',
    events: ['document.sent'],
  });
  expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
  const spareWebhook = await associe.post('/webhooks', {
    url: `https://hooks.example.test/${slug}/ancien`,
    events: ['engagement.converted'],
  });
  expect(spareWebhook.status, JSON.stringify(spareWebhook.body)).toBe(201);

  const signerEmail = `signataire-${slug}@client.test`;
  const engagement = await collab.post('/engagements', {
    company: {
      name: `Signataire de ${name}`,
      legalForm: 'SARL',
      siren: nextSiren(),
      fiscalYearEnd: '12-31',
      activity: 'Fleuriste',
      addressLine1: '3 place Bellecour',
      postalCode: '69002',
      city: 'Lyon',
    },
    signatory: { firstName: 'Claire', lastName: 'Signataire', capacity: 'Gérante', email: signerEmail },
  });
  expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
  const document = await aDraft(collab, engagement.body.id, data.services.bookkeeping.id);
  await send(collab, document.id);

  const sent = (await ctx.deps.store.read(firm.firmId).events.listByEngagement(engagement.body.id)).find(
    (event) => event.type === 'document.sent' && event.documentId === document.id,
  );
  expect(sent, 'the document.sent event').toBeDefined();
  await dispatchWebhookEvent(ctx.deps, { firmId: firm.firmId, historyEventId: sent?.id ?? 0 });
  const deliveries = await associe.get(`/webhooks/${webhook.body.id}/deliveries`);
  expect(deliveries.body.items, JSON.stringify(deliveries.body)).toHaveLength(1);

  const mails = await associe.get(`/mails?documentId=${document.id}`);
  expect(mails.body.items, JSON.stringify(mails.body)).toHaveLength(1);
  const mail = await associe.get(`/mails/${mails.body.items[0].id}`);
  expect(mail.status, JSON.stringify(mail.body)).toBe(200);
  const token = new RegExp(`${TEST_PUBLIC_URL}/signer/([A-Za-z0-9_-]+)`).exec(mail.body.textBody)?.[1];
  expect(token, mail.body.textBody).toBeDefined();
  const opened = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/signing/${token}` });
  expect(opened.statusCode, opened.body).toBe(200);

  await sealSignedDocument(ctx.deps, { firmId: firm.firmId, documentId: data.client.letterId });
  const signing = await associe.get(`/documents/${data.client.letterId}/signing`);
  expect(signing.body.sealedCopy, JSON.stringify(signing.body)).not.toBeNull();

  // A renewal campaign still a draft, and one generated (its job run by hand, as the queue would).
  const settings = {
    revaluation: { method: 'coefficient', coefficient: '1.03' },
    effectiveDate: '2027-01-01',
    validUntil: '2027-12-31',
  };
  const campaign = await collab.post('/campaigns', { name: `Renouvellement ${name}`, settings });
  expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
  const generated = await collab.post('/campaigns', { name: `Campagne générée ${name}`, settings });
  expect((await collab.post(`/campaigns/${generated.body.id}/generate`)).status).toBe(202);
  await runCampaignGeneration(ctx.deps, { firmId: firm.firmId, campaignId: generated.body.id });

  // R-G1: the client letter terminated at the end of 2027 (its letter of termination a draft), so
  // that the termination routes have a real id of the firm's.
  const terminated = await associe.post(`/documents/${data.client.letterId}/terminate`, {
    requestedBy: 'client',
    reason: 'Départ à la retraite du gérant',
    endDate: '2027-12-31',
    agreedOtherwise: true,
  });
  expect(terminated.status, JSON.stringify(terminated.body)).toBe(201);

  // LCB-FT: the prospect's file with an evidence document and a possible register match (R-F1, R-F5).
  const vigilance = await aFileWithEvidenceAndMatch(associe, data.prospect.id);

  return {
    ...data,
    vigilance,
    termination: {
      id: terminated.body.id as string,
      letterDocumentId: terminated.body.terminationDocumentId as string,
    },
    campaign: campaign.body as { id: string; version: number },
    generatedCampaign: generated.body as { id: string },
    webhook: webhook.body as { id: string; version: number },
    spareWebhook: spareWebhook.body as { id: string },
    deliveryId: deliveries.body.items[0].id as string,
    signing: {
      engagementId: engagement.body.id as string,
      companyId: engagement.body.companyId as string,
      signatoryContactId: engagement.body.signatoryContactId as string,
      documentId: document.id,
      mailId: mail.body.id as string,
      signerName: 'Claire Signataire',
      /** The signer's personal link: a bearer secret, not an id of the firm. */
      token: token as string,
    },
    /** The client letter's signed copy, sealed: `GET /documents/{id}/signed-pdf` answers it. */
    sealed: { documentId: data.client.letterId, sha256: signing.body.sealedCopy.sha256 as string },
  };
};

export type AllFirmData = Awaited<ReturnType<typeof aFirmWithAllData>>;

/** Every id (and the signing token) of a firm the other firm must never reach. */
export const allIdsOf = (data: AllFirmData): string[] => [
  ...idsOf(data),
  data.webhook.id,
  data.spareWebhook.id,
  data.campaign.id,
  data.generatedCampaign.id,
  data.deliveryId,
  data.signing.engagementId,
  data.signing.companyId,
  data.signing.signatoryContactId,
  data.signing.documentId,
  data.signing.mailId,
  data.signing.token,
  data.vigilance.evidenceId,
  data.vigilance.matchId,
  data.termination.id,
  data.termination.letterDocumentId,
];
