import { expect } from 'vitest';
import { type Api, type ApiResponse, apiAs } from '../support/api-client.ts';
import { aFirmWithUsers, type TestContext } from '../support/test-app.ts';
import { aService, aTermsVersion } from './catalogue.ts';
import { A_LOGO } from './images.ts';

/** A valid SIREN (Luhn checksum) made from any number: the same seed gives the same SIREN. */
export const aSiren = (seed: number): string => {
  const prefix = String(seed % 100_000_000).padStart(8, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    // From the right the check digit is position 0, so the last prefix digit is doubled.
    let n = Number(prefix[7 - i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return `${prefix}${(10 - (sum % 10)) % 10}`;
};

let sirenSeed = 10_000_000 + Math.floor(Math.random() * 80_000_000);
export const nextSiren = (): string => aSiren(sirenSeed++);

export const expectProblem = (res: ApiResponse, status: number, code: string) => {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
};

/** A new prospect engagement with its company and signatory, through the API. */
export const aProspect = async (api: Api, name = 'Boulangerie Martin', siren = nextSiren()) => {
  const res = await api.post('/engagements', {
    company: {
      name,
      legalForm: 'SARL',
      siren,
      fiscalYearEnd: '12-31',
      activity: 'Boulangerie-pâtisserie',
      addressLine1: '12 rue Paul Bert',
      postalCode: '69003',
      city: 'Lyon',
    },
    signatory: { firstName: 'Paul', lastName: 'Martin', capacity: 'Gérant' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; companyId: string; signatoryContactId: string; version: number };
};

export const aDraft = async (api: Api, engagementId: string, serviceId: string, kind = 'proposal') => {
  const res = await api.post('/documents', { engagementId, kind, lines: [{ serviceId, quantity: 1 }] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; lines: { id: string }[] };
};

export const send = async (api: Api, documentId: string) => {
  const res = await api.post(`/documents/${documentId}/send`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string; number: string; version: number };
};

/** A one-page PDF's first bytes, enough for a scan of a paper signature. */
export const A_SCAN = {
  fileName: 'lettre signée.pdf',
  contentType: 'application/pdf',
  base64: 'JVBERi0xLjQK',
};

export const sign = async (api: Api, documentId: string, side: 'client' | 'firm', extra: object = {}) => {
  const res = await api.post(`/documents/${documentId}/signatures`, { side, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

/** A sent engagement letter of a prospect: the letter a signed proposal creates (R-B2), then sent. */
export const aSentLetter = async (collab: Api, engagementId: string, serviceId: string) => {
  const proposal = await aDraft(collab, engagementId, serviceId);
  await send(collab, proposal.id);
  await sign(collab, proposal.id, 'client');
  const letterId = (await collab.get(`/documents/${proposal.id}`)).body.createdLetterId as string;
  await send(collab, letterId);
  return { proposalId: proposal.id, letterId };
};

/** Sends a document, then records the client's signature (on paper) and the firm's (an associé). */
export const signBoth = async (collab: Api, associe: Api, documentId: string) => {
  await send(collab, documentId);
  await sign(collab, documentId, 'client');
  await sign(associe, documentId, 'firm');
};

/**
 * A prospect's engagement letter signed by both sides: the letter its signed proposal of one
 * service creates (R-B2), dated from `effectiveDate` before it is sent.
 */
export const aSignedLetter = async (
  collab: Api,
  associe: Api,
  input: { name: string; serviceId: string; effectiveDate: string; billingPeriod?: string },
): Promise<{ engagementId: string; letterId: string }> => {
  const engagement = await aProspect(collab, input.name);
  const proposal = await aDraft(collab, engagement.id, input.serviceId);
  await send(collab, proposal.id);
  await sign(collab, proposal.id, 'client');
  const letterId = (await collab.get(`/documents/${proposal.id}`)).body.createdLetterId as string;
  const draft = (await collab.get(`/documents/${letterId}`)).body.document;
  const dated = await collab.patch(`/documents/${letterId}`, {
    version: draft.version,
    effectiveDate: input.effectiveDate,
    ...(input.billingPeriod ? { billingPeriod: input.billingPeriod } : {}),
  });
  expect(dated.status, JSON.stringify(dated.body)).toBe(200);
  await signBoth(collab, associe, letterId);
  return { engagementId: engagement.id, letterId };
};

/** A client engagement: its first letter signed by the client and an associé (R-A4). */
export const aClient = async (collab: Api, associe: Api, serviceId: string, name = 'Garage Dubois') => {
  const engagement = await aProspect(collab, name);
  const { proposalId, letterId } = await aSentLetter(collab, engagement.id, serviceId);
  const scanned = await sign(collab, letterId, 'client', { scan: A_SCAN });
  await sign(associe, letterId, 'firm');
  const letter = (await collab.get(`/documents/${letterId}`)).body.document;
  return {
    engagement,
    proposalId,
    letterId,
    letterLineId: letter.lines[0].id as string,
    scannedSignatureId: scanned.signature.id as string,
  };
};

/**
 * Everything a firm holds, made through the API, with the ids the robustness suites aim at; the
 * firm has a logo, so that `GET /firm/logo` answers.
 */
export const aFirmWithData = async (ctx: TestContext, name: string) => {
  const firm = await aFirmWithUsers(ctx, name);
  const by = firm.users.associe.id;
  const collab = apiAs(ctx, firm.users.collaborateur.headers);
  const associe = apiAs(ctx, firm.users.associe.headers);
  const bookkeeping = await aService(ctx, firm.firmId, by, { priceCents: 120_000, recurrence: 'yearly' });
  const payslip = await aService(ctx, firm.firmId, by, {
    label: 'Bulletin de paie',
    domain: 'social',
    pricingMode: 'unit',
    unitLabel: 'bulletin',
    priceCents: 2_500,
  });
  const creation = await aService(ctx, firm.firmId, by, {
    label: 'Création de société',
    domain: 'juridique',
    recurrence: 'one_off',
  });
  const spare = await aService(ctx, firm.firmId, by, {
    label: 'Attestation particulière',
    domain: 'conseil',
    pricingMode: 'unit',
    unitLabel: 'attestation',
    recurrence: 'one_off',
  });
  const terms = await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
  const prospect = await aProspect(collab, `Prospect de ${name}`);
  const draft = await aDraft(collab, prospect.id, bookkeeping.id);
  const sentProposal = await aDraft(collab, prospect.id, bookkeeping.id);
  await send(collab, sentProposal.id);
  const client = await aClient(collab, associe, bookkeeping.id, `Client de ${name}`);
  const workOrder = await aDraft(collab, client.engagement.id, creation.id, 'work_order');
  const token = await associe.post('/api-tokens', { name: 'Intégration' });
  expect(token.status).toBe(201);
  const logo = await associe.put('/firm/logo', A_LOGO);
  expect(logo.status, JSON.stringify(logo.body)).toBe(200);
  return {
    firm,
    collab,
    associe,
    services: { bookkeeping, payslip, creation, spare },
    terms,
    prospect,
    draft,
    sentProposal,
    client,
    workOrder,
    token: token.body as { id: string; token: string },
  };
};

export type FirmData = Awaited<ReturnType<typeof aFirmWithData>>;

/** Every id of a firm the other firm must never reach. */
export const idsOf = (data: FirmData): string[] => [
  data.firm.firmId,
  ...Object.values(data.firm.users).map((u) => u.id),
  ...Object.values(data.services).map((s) => s.id),
  data.terms.id,
  data.prospect.id,
  data.prospect.companyId,
  data.prospect.signatoryContactId,
  data.draft.id,
  data.sentProposal.id,
  data.client.engagement.id,
  data.client.engagement.companyId,
  data.client.engagement.signatoryContactId,
  data.client.proposalId,
  data.client.letterId,
  data.client.letterLineId,
  data.client.scannedSignatureId,
  data.workOrder.id,
  data.token.id,
];

/** An amendment of a letter, sent and signed by the client and an associé. */
export const aSignedAmendment = async (
  collab: Api,
  associe: Api,
  input: { engagementId: string; letterId: string; changes: object[]; effectiveDate?: string },
) => {
  const created = await collab.post('/documents', {
    engagementId: input.engagementId,
    kind: 'amendment',
    amendsLetterId: input.letterId,
    changes: input.changes,
    ...(input.effectiveDate ? { effectiveDate: input.effectiveDate } : {}),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await send(collab, created.body.id);
  await sign(collab, created.body.id, 'client');
  await sign(associe, created.body.id, 'firm');
  return created.body as { id: string };
};

/** A sent proposal of one catalogue service. */
export const aSentProposal = async (api: Api, engagementId: string, serviceId: string) => {
  const draft = await aDraft(api, engagementId, serviceId);
  await send(api, draft.id);
  return draft;
};
