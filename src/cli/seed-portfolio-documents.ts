import type { SeedRecords } from '../adapters/db/bulk-seed.ts';
import { newDraft } from '../application/documents/new-document.ts';
import type { IdGenerator } from '../application/ports/index.ts';
import type { Contact, Document, DocumentLine, Engagement, NewEvent, User } from '../application/records.ts';
import { DOCUMENT_TITLES } from '../domain/documents/kinds.ts';
import { ASSOCIE_CAPACITY } from '../domain/firm/associes.ts';
import type { IsoDate } from '../domain/shared/dates.ts';
import { type Catalogue, serviceOf } from './seed-catalogue.ts';
import { letterTerms } from './seed-demo-kit.ts';
import { instant } from './seed-portfolio-company.ts';

export type PortfolioContext = {
  ids: IdGenerator;
  associe: User;
  responsibles: User[];
  catalogue: Catalogue;
  /** Letters are spread over [firstDay, lastDay] in client order, so that numbers follow the dates. */
  firstDay: IsoDate;
  lastDay: IsoDate;
  today: IsoDate;
  total: number;
};

/** One synthetic client while its records are built. */
export type Client = {
  ctx: PortfolioContext;
  records: SeedRecords;
  random: () => number;
  engagement: Engagement;
  contact: Contact;
};

const termsOn = (catalogue: Catalogue, day: IsoDate) =>
  [...catalogue.terms].sort((a, b) => b.version - a.version).find((t) => t.effectiveFrom <= day);

export const event = (
  client: Client,
  type: string,
  at: Date,
  documentId: string | null,
  fields: Partial<NewEvent> = {},
) =>
  client.records.events.push({
    type,
    at,
    engagementId: client.engagement.id,
    documentId,
    actorUserId: client.ctx.associe.id,
    ...fields,
  });

/** A catalogue line; fixed fees vary from 80 % to 130 % of the list price, as negotiated fees do. */
export const lineOf = (
  client: Client,
  code: string,
  operation: DocumentLine['operation'],
  quantity = '1',
): DocumentLine => {
  const service = serviceOf(client.ctx.catalogue, code);
  const negotiated = Math.round((service.priceCents * (0.8 + client.random() * 0.5)) / 500) * 500;
  return {
    id: client.ctx.ids.uuid(),
    position: 0,
    operation,
    targetLineId: null,
    changedFields: null,
    originLineId: null,
    serviceId: service.id,
    label: service.label,
    description: service.description,
    unitLabel: service.unitLabel,
    quantity,
    unitPriceCents: service.pricingMode === 'unit' ? service.priceCents : negotiated,
    vatRateBp: service.vatRateBp,
    recurrence: service.recurrence,
  };
};

/** A letter or amendment as sendDocument and recordSignature leave it: numbered, frozen, signed by both sides. */
export const addSignedDocument = (
  client: Client,
  input: {
    kind: 'engagement_letter' | 'amendment';
    number: string;
    amendsLetterId?: string;
    created: IsoDate;
    signed: IsoDate;
    lines: DocumentLine[];
  },
): Document => {
  const { ctx, contact } = client;
  const id = ctx.ids.uuid();
  const [createdAt, sentAt, clientSignedAt, signedAt] = [
    instant(input.created, '09:00'),
    instant(input.created, '09:30'),
    instant(input.signed, '10:00'),
    instant(input.signed, '10:10'),
  ];
  const lines = input.lines.map((line, position) => ({ ...line, position }));
  const draft = newDraft({
    at: createdAt,
    id,
    engagementId: client.engagement.id,
    kind: input.kind,
    createdBy: ctx.associe.id,
    amendsLetterId: input.amendsLetterId ?? null,
    lines,
    terms: {
      ...letterTerms(),
      title: DOCUMENT_TITLES[input.kind],
      validUntil: null,
      effectiveDate: input.created,
      durationMonths: 12,
      renewal: 'tacit',
      noticeMonths: 3,
      billingPeriod: 'monthly',
      notes: null,
      termsVersionId: termsOn(ctx.catalogue, input.created)?.id ?? null,
    },
  });
  const frozen = {
    frozenAt: sentAt.toISOString(),
    lines,
    totals: draft.totals,
    termsVersionId: draft.termsVersionId,
  };
  const document: Document = {
    ...draft,
    ...{ status: 'signed', number: input.number, sentAt, signedAt, frozen, version: 3 },
    createdAt,
    updatedAt: signedAt,
  };
  client.records.documents.push(document);
  event(client, 'document.created', createdAt, id, { after: { kind: input.kind, status: 'draft' } });
  event(client, 'document.sent', sentAt, id, {
    before: { status: 'draft' },
    after: { status: 'sent', number: input.number },
  });
  for (const side of ['client', 'firm'] as const) {
    const byClient = side === 'client';
    const signatoryName = byClient ? `${contact.firstName} ${contact.lastName}` : ctx.associe.name;
    const method = byClient ? 'paper' : 'in_person';
    const recordedAt = byClient ? clientSignedAt : signedAt;
    client.records.signatures.push({
      id: ctx.ids.uuid(),
      documentId: id,
      side,
      method,
      signatoryName,
      capacity: byClient ? contact.capacity : ASSOCIE_CAPACITY,
      contactId: byClient ? contact.id : null,
      userId: byClient ? null : ctx.associe.id,
      signedOn: input.signed,
      scanFileName: null,
      recordedBy: ctx.associe.id,
      recordedAt,
    });
    event(client, 'document.signature_recorded', recordedAt, id, {
      data: { side, method, signatoryName, missingSides: byClient ? ['firm'] : [] },
    });
  }
  event(client, 'document.signed', signedAt, id, { before: { status: 'sent' }, after: { status: 'signed' } });
  return document;
};
