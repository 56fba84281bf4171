import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDraft } from '../../src/application/documents/new-document.ts';
import type { DocumentLine, NewEvent } from '../../src/application/records.ts';
import type { DocumentKind } from '../../src/domain/documents/kinds.ts';
import { aService } from '../builders/catalogue.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** The SQLSTATE and constraint of a refused write: pg and PGlite report both, drizzle wraps them in `cause`. */
const violation = (error: unknown) => {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, constraint, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof code === 'string' && code.length === 5) return { code, constraint };
    current = cause;
  }
  return undefined;
};

const refusedBy = async (write: Promise<unknown>, constraint: string) => {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(violation(error)).toEqual({ code: '23503', constraint });
};

describe(`the database keeps every reference within its firm (${databaseKind})`, () => {
  let ctx: TestContext;
  type Client = Awaited<ReturnType<typeof aClient>>;
  let mine: Client;
  let theirs: Client;

  /** A firm with a client: company, contact, engagement, a service and a signed letter of one line. */
  const aClient = async (firm: FirmSession, name: string) => {
    const scope = ctx.deps.store.read(firm.firmId);
    const at = ctx.clock.now();
    const userId = firm.users.associe.id;
    const companyId = randomUUID();
    await scope.companies.insert({
      ...{ id: companyId, name, isIndividual: false, legalForm: 'SARL', siren: null, siret: null },
      ...{ nafCode: null, activity: null, addressLine1: null, addressLine2: null, postalCode: null },
      ...{ city: null, country: 'FR', fiscalYearEnd: '12-31', vatRegime: null, version: 1 },
      ...{ createdAt: at, updatedAt: at },
    });
    const contact = {
      ...{ id: randomUUID(), companyId, civility: null, firstName: 'Paul', lastName: name },
      ...{ email: null, phone: null, capacity: 'Gérant', isSignatory: true, version: 1, createdAt: at },
    };
    await scope.contacts.insert(contact);
    const engagementId = randomUUID();
    await scope.engagements.insert({
      ...{ id: engagementId, companyId, title: name, state: 'client', responsibleUserId: userId },
      ...{ signatoryContactId: contact.id, clientCode: null, convertedAt: at, version: 1 },
      ...{ createdAt: at, updatedAt: at },
    });
    const service = await aService(ctx, firm.firmId, userId);
    const letter = aDocument({ engagementId, userId }, 'engagement_letter', [
      aLine({ serviceId: service.id }),
    ]);
    await scope.documents.insert({ ...letter, status: 'signed', number: `LM-${randomUUID().slice(0, 8)}` });
    return { firm, userId, contactId: contact.id, engagementId, serviceId: service.id, letter };
  };

  const aLine = (overrides: Partial<DocumentLine> = {}): DocumentLine => ({
    ...{
      id: randomUUID(),
      position: 0,
      operation: 'line',
      targetLineId: null,
      originLineId: null,
      changedFields: null,
    },
    ...{ serviceId: null, label: 'Tenue de la comptabilité', description: null, unitLabel: null },
    ...{ quantity: '1', unitPriceCents: 20_000, vatRateBp: 2000, recurrence: 'monthly' },
    ...overrides,
  });

  const aDocument = (
    owner: { engagementId: string; userId: string },
    kind: DocumentKind,
    lines: DocumentLine[],
    links: { amendsLetterId?: string; duplicatedFromId?: string; sourceProposalId?: string } = {},
  ) =>
    newDraft({
      ...{
        id: randomUUID(),
        engagementId: owner.engagementId,
        kind,
        createdBy: owner.userId,
        lines,
        at: new Date(),
      },
      ...links,
      terms: {
        ...{ title: 'Lettre de mission', validUntil: null, effectiveDate: '2026-01-01', durationMonths: 12 },
        ...{
          renewal: 'tacit',
          noticeMonths: 3,
          billingPeriod: 'monthly',
          paymentTerms: null,
          revisionClause: null,
          notes: null,
        },
        termsVersionId: null,
      },
    });

  const aSignature = (client: Client, documentId: string, overrides: { contactId?: string } = {}) => ({
    ...{ id: randomUUID(), documentId, side: 'client' as const, method: 'paper' as const },
    ...{ signatoryName: 'Paul', capacity: null, contactId: client.contactId, userId: null },
    ...{ signedOn: '2026-11-29', scanFileName: null, scanContentType: null, scanBase64: null },
    ...{ recordedBy: client.userId, recordedAt: ctx.clock.now() },
    ...overrides,
  });

  const anEvent = (client: Client, overrides: Partial<NewEvent> = {}): NewEvent => ({
    ...{ type: 'document.updated', at: ctx.clock.now(), engagementId: client.engagementId },
    ...{ documentId: client.letter.id, actorUserId: client.userId },
    ...overrides,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    mine = await aClient(await aFirmWithUsers(ctx), 'Garage Durand');
    theirs = await aClient(await aFirmWithUsers(ctx, 'Cabinet Voisin'), 'Boulangerie Morel');
  });
  afterAll(() => ctx.close());

  const documentsOf = (client: Client) => ctx.deps.store.read(client.firm.firmId).documents;
  const firstLineOf = (client: Client) => client.letter.lines[0]?.id ?? '';

  it('accepts the same links within one firm: an amendment of its letter, its line, signature and event', async () => {
    const amendment = aDocument(
      mine,
      'amendment',
      [aLine({ operation: 'remove', targetLineId: firstLineOf(mine) })],
      {
        amendsLetterId: mine.letter.id,
      },
    );
    await documentsOf(mine).insert(amendment);
    const scope = ctx.deps.store.read(mine.firm.firmId);
    expect(await scope.signatures.insert(aSignature(mine, amendment.id))).toBe(true);
    await scope.events.append(anEvent(mine, { documentId: amendment.id }));
    expect((await documentsOf(mine).find(amendment.id))?.lines[0]?.targetLineId).toBe(firstLineOf(mine));
  });

  it('refuses a document line whose service belongs to another firm', async () => {
    const draft = aDocument(mine, 'proposal', [aLine({ serviceId: theirs.serviceId })]);
    await refusedBy(
      ctx.deps.store.transaction(mine.firm.firmId, (scope) => scope.documents.insert(draft)),
      'document_lines_service_fk',
    );
  });

  it('refuses a signature whose contact, signing user or recorder belongs to another firm', async () => {
    const signatures = ctx.deps.store.read(mine.firm.firmId).signatures;
    await refusedBy(
      signatures.insert(aSignature(mine, mine.letter.id, { contactId: theirs.contactId })),
      'signatures_contact_fk',
    );
    const firmSide = { side: 'firm' as const, contactId: null, userId: theirs.userId };
    await refusedBy(
      signatures.insert({ ...aSignature(mine, mine.letter.id), ...firmSide }),
      'signatures_user_fk',
    );
    await refusedBy(
      signatures.insert({ ...aSignature(mine, mine.letter.id), recordedBy: theirs.userId }),
      'signatures_recorded_by_fk',
    );
  });

  it('refuses an amendment of a letter of another firm, or one targeting a line of another firm', async () => {
    const amendsTheirs = aDocument(mine, 'amendment', [aLine({ operation: 'add' })], {
      amendsLetterId: theirs.letter.id,
    });
    await refusedBy(documentsOf(mine).insert(amendsTheirs), 'documents_amends_letter_fk');
    const targetsTheirs = aDocument(
      mine,
      'amendment',
      [aLine({ operation: 'modify', targetLineId: firstLineOf(theirs) })],
      {
        amendsLetterId: mine.letter.id,
      },
    );
    await refusedBy(
      ctx.deps.store.transaction(mine.firm.firmId, (scope) => scope.documents.insert(targetsTheirs)),
      'document_lines_target_line_fk',
    );
    const fromTheirs = aDocument(mine, 'engagement_letter', [aLine({ originLineId: firstLineOf(theirs) })]);
    await refusedBy(
      ctx.deps.store.transaction(mine.firm.firmId, (scope) => scope.documents.insert(fromTheirs)),
      'document_lines_origin_line_fk',
    );
  });

  it('refuses a document created by, duplicated from, drawn from or replaced by another firm', async () => {
    const documents = documentsOf(mine);
    await refusedBy(
      documents.insert(aDocument({ ...mine, userId: theirs.userId }, 'proposal', [])),
      'documents_created_by_fk',
    );
    const duplicate = aDocument(mine, 'engagement_letter', [], { duplicatedFromId: theirs.letter.id });
    await refusedBy(documents.insert(duplicate), 'documents_duplicated_from_fk');
    const fromProposal = aDocument(mine, 'engagement_letter', [], { sourceProposalId: theirs.letter.id });
    await refusedBy(documents.insert(fromProposal), 'documents_source_proposal_fk');
    const letter = await documents.find(mine.letter.id);
    if (!letter) throw new Error('missing letter');
    const at = ctx.clock.now();
    await refusedBy(
      documents.save({ ...letter, replacedById: theirs.letter.id }, { expectedVersion: letter.version, at }),
      'documents_replaced_by_fk',
    );
  });

  it('refuses an event about an engagement, document or actor of another firm', async () => {
    const events = ctx.deps.store.read(mine.firm.firmId).events;
    await refusedBy(
      events.append(anEvent(mine, { engagementId: theirs.engagementId })),
      'events_engagement_fk',
    );
    await refusedBy(events.append(anEvent(mine, { documentId: theirs.letter.id })), 'events_document_fk');
    await refusedBy(events.append(anEvent(mine, { actorUserId: theirs.userId })), 'events_actor_user_fk');
  });

  it('refuses a price change recorded under a user of another firm', async () => {
    await refusedBy(aService(ctx, mine.firm.firmId, theirs.userId), 'service_prices_changed_by_fk');
  });
});
