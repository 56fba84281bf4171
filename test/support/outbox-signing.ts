import { expect } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, nextSiren, send } from '../builders/through-api.ts';
import { apiAs } from './api-client.ts';
import type { FirmSession, TestContext } from './test-app.ts';

let clients = 0;
const servicesOfFirms = new Map<string, string>();

/** The firm's one service and general terms, made at its first proposal. */
const serviceOf = async (ctx: TestContext, firm: FirmSession): Promise<string> => {
  const known = servicesOfFirms.get(firm.firmId);
  if (known) return known;
  const service = await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 90_000 });
  await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
  servicesOfFirms.set(firm.firmId, service.id);
  return service.id;
};

/**
 * A proposal sent to a client with an e-mail, mail left in the firm's outbox (no SMTP server), and
 * the signing link's token read from that mail, as a firm without SMTP forwards it.
 */
export const aSentProposalInOutbox = async (ctx: TestContext, firm: FirmSession) => {
  clients += 1;
  const collab = apiAs(ctx, firm.users.collaborateur.headers);
  const serviceId = await serviceOf(ctx, firm);
  const email = `signataire-${clients}-${firm.firmId.slice(0, 8)}@exemple.test`;
  const engagement = await collab.post('/engagements', {
    company: {
      name: `Client outbox ${clients}`,
      legalForm: 'SAS',
      siren: nextSiren(),
      fiscalYearEnd: '12-31',
      activity: 'Commerce',
      addressLine1: '1 place Bellecour',
      postalCode: '69002',
      city: 'Lyon',
    },
    signatory: { firstName: 'Claire', lastName: 'Durand', capacity: 'Présidente', email },
  });
  expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
  const draft = await aDraft(collab, engagement.body.id, serviceId);
  await send(collab, draft.id);
  const mails = await ctx.deps.store
    .read(firm.firmId)
    .mails.list({ documentId: draft.id, page: 1, pageSize: 20 });
  const request = mails.items.find((mail) => mail.kind === 'signature_request' && mail.toAddress === email);
  const token = /\/signer\/([A-Za-z0-9_-]{20,})/.exec(request?.textBody ?? '')?.[1];
  if (!request || !token) throw new Error('no signing link in the outbox');
  return { documentId: draft.id, token, email, mailId: request.id, serviceId };
};
