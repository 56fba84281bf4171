import type { Actor } from '../application/actor.ts';
import { changeDocumentStatus } from '../application/documents/change-status.ts';
import { type CreateDocumentInput, createDocument } from '../application/documents/create-document.ts';
import type { LineInput } from '../application/documents/line-input.ts';
import { recordSignature } from '../application/documents/record-signature.ts';
import { sendDocument } from '../application/documents/send-document.ts';
import { createEngagement } from '../application/engagements/manage-engagements.ts';
import type { Clock, Deps } from '../application/ports/index.ts';
import type { Document, Engagement, User } from '../application/records.ts';
import { REQUIRED_SIGNATURES } from '../domain/documents/signatures.ts';
import { addDays, parisDate } from '../domain/shared/dates.ts';
import { type Catalogue, serviceOf } from './seed-catalogue.ts';
import type { DemoClient } from './seed-clients.ts';

const DAY_MS = 86_400_000;

/** A clock the seed moves back in time, ticking one second per reading so that history keeps its order. */
export const seedClock = (base: Date) => {
  let now = base.getTime();
  const clock: Clock & { daysAgo(days: number): void } = {
    now: () => {
      now += 1000;
      return new Date(now);
    },
    daysAgo: (days) => {
      const day = new Date(base.getTime() - days * DAY_MS);
      // Office hours on past days; never later than the real now.
      now = Math.min(day.setUTCHours(8, 30, 0, 0), base.getTime());
    },
  };
  return clock;
};

/** Everything a demo story needs: the use cases' dependencies on the seed clock, who acts, the catalogue. */
export type Kit = {
  deps: Deps;
  clock: ReturnType<typeof seedClock>;
  actor: Actor;
  collaborator: User;
  catalogue: Catalogue;
};

const PAYMENT_TERMS =
  'Prélèvement le 5 de chaque mois des honoraires forfaitaires ; travaux ponctuels payables à 30 jours.';
const CONSUMER_PAYMENT_TERMS = 'Prélèvement le 5 de chaque mois ; travaux ponctuels payables à 30 jours.';
const REVISION_CLAUSE =
  'Les honoraires forfaitaires sont révisables au 1er janvier de chaque année, dans la limite de l’évolution de l’indice Syntec, après information du client un mois à l’avance.';

/** The contractual terms every demo proposal and letter carries (payment, revision). */
export const letterTerms = (options: { consumer?: boolean } = {}) => ({
  paymentTerms: options.consumer ? CONSUMER_PAYMENT_TERMS : PAYMENT_TERMS,
  revisionClause: REVISION_CLAUSE,
});

/** A line of a catalogue service, its price overridden when the client negotiated it. */
export const line = (kit: Kit, code: string, quantity = '1', unitPriceCents?: number): LineInput => ({
  serviceId: serviceOf(kit.catalogue, code).id,
  quantity,
  ...(unitPriceCents === undefined ? {} : { unitPriceCents }),
});

export const openEngagement = (kit: Kit, client: DemoClient, daysAgo: number): Promise<Engagement> => {
  kit.clock.daysAgo(daysAgo);
  return createEngagement(kit.deps, kit.actor, {
    company: client.company,
    signatory: client.signatory,
    responsibleUserId: client.byCollaborator ? kit.collaborator.id : kit.actor.userId,
  });
};

export const draft = (
  kit: Kit,
  daysAgo: number,
  input: Omit<CreateDocumentInput, 'engagementId'> & { engagement: Engagement },
): Promise<Document> => {
  kit.clock.daysAgo(daysAgo);
  const { engagement, ...rest } = input;
  const validUntil =
    rest.kind === 'proposal' ? addDays(parisDate(kit.clock.now()), 30) : (rest.validUntil ?? undefined);
  return createDocument(kit.deps, kit.actor, {
    ...letterTerms(),
    ...(validUntil ? { validUntil } : {}),
    ...rest,
    engagementId: engagement.id,
  });
};

export const send = (kit: Kit, daysAgo: number, doc: Document): Promise<Document> => {
  kit.clock.daysAgo(daysAgo);
  return sendDocument(kit.deps, kit.actor, { documentId: doc.id });
};

/** Records one side's signature: the client's signatory on paper, or the associé in person. */
export const sign = async (
  kit: Kit,
  daysAgo: number,
  doc: Document,
  side: 'client' | 'firm',
): Promise<Document> => {
  kit.clock.daysAgo(daysAgo);
  const { document } = await recordSignature(kit.deps, kit.actor, {
    documentId: doc.id,
    side,
    method: side === 'firm' ? 'in_person' : 'paper',
  });
  return document;
};

/** Every signature the document needs (R-B3), on the same day. */
export const signAll = async (kit: Kit, daysAgo: number, doc: Document): Promise<Document> => {
  let signed = doc;
  for (const side of REQUIRED_SIGNATURES[doc.kind]) signed = await sign(kit, daysAgo, signed, side);
  return signed;
};

/** Draft, send and sign on the given days: the common path of a document. */
export const sendAndSign = async (kit: Kit, days: { sent: number; signed: number }, doc: Document) =>
  signAll(kit, days.signed, await send(kit, days.sent, doc));

export const refuse = (kit: Kit, daysAgo: number, doc: Document, reason: string) => {
  kit.clock.daysAgo(daysAgo);
  return changeDocumentStatus(kit.deps, kit.actor, {
    documentId: doc.id,
    command: { type: 'refuse', reason },
  });
};

export const cancel = (kit: Kit, daysAgo: number, doc: Document, reason: string) => {
  kit.clock.daysAgo(daysAgo);
  return changeDocumentStatus(kit.deps, kit.actor, {
    documentId: doc.id,
    command: { type: 'cancel', reason },
  });
};

export const expire = (kit: Kit, daysAgo: number, doc: Document) => {
  kit.clock.daysAgo(daysAgo);
  return changeDocumentStatus(kit.deps, kit.actor, { documentId: doc.id, command: { type: 'expire' } });
};
