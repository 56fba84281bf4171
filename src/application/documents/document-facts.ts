import { type ComparedLine, summariseChanges } from '../../domain/documents/change-summary.ts';
import type { DocumentFacts, LineFacts, PersonFacts } from '../../domain/documents/content/facts.ts';
import { isLetterKind } from '../../domain/documents/kinds.ts';
import { hasEffect } from '../../domain/documents/lifecycle.ts';
import {
  isOutsideScope,
  type LetterScope,
  letterScopeOn,
  type ScopeLine,
} from '../../domain/documents/scope.ts';
import { amendedLetterScopes, scopeInputs, scopeOfDocuments } from '../../domain/documents/scope-inputs.ts';
import { signsElectronically } from '../../domain/documents/signatures.ts';
import { letterTerm } from '../../domain/documents/term.ts';
import { documentSignatory, signatoryCapacity } from '../../domain/firm/signatory.ts';
import { type IsoDate, parisDate } from '../../domain/shared/dates.ts';
import { found } from '../app-error.ts';
import type { FirmScope } from '../ports/index.ts';
import type { Document, DocumentLine, Engagement, Service, User } from '../records.ts';
import { gatherTerminationFacts } from './termination-facts.ts';

/**
 * Gathers what a document says (the domain's DocumentFacts) from the firm, the client, the
 * catalogue and the engagement's other documents. The completeness check and the PDF read the
 * same facts, so what is checked is what is printed.
 */

/** The associé chosen on the document, else R-B3's; in the capacity stored for them (issue 14, item 7). */
const firmSignatoryOf = (
  users: readonly User[],
  engagement: Engagement,
  doc: Document,
): PersonFacts | null => {
  const chosen = documentSignatory(users, {
    chosenId: doc.firmSignatoryId,
    responsibleUserId: engagement.responsibleUserId,
  });
  return chosen
    ? {
        name: chosen.name,
        capacity: signatoryCapacity(chosen),
        signsElectronically: signsElectronically(chosen.email),
      }
    : null;
};

const paperSignatory = (person: PersonFacts | null): PersonFacts | null =>
  person ? { ...person, signsElectronically: false } : null;

const lineFacts = (line: DocumentLine, service: Service | undefined, outsideScope: boolean): LineFacts => ({
  label: line.label,
  description: line.description ?? service?.description ?? null,
  unitLabel: line.unitLabel,
  quantity: line.quantity,
  unitPriceCents: line.unitPriceCents,
  vatRateBp: line.vatRateBp,
  recurrence: line.recurrence,
  professionalStandard: service?.professionalStandard ?? null,
  exclusions: service?.exclusions ?? null,
  taskSplit: service?.taskSplit ?? [],
  outsideScope,
  pricingMode: service?.pricingMode ?? null,
  domain: service?.domain ?? null,
});

const compared = (line: ScopeLine, key = line.lineId): ComparedLine => ({ ...line, key });

const signedOn = (doc: Document | undefined): IsoDate | null =>
  doc?.signedAt ? parisDate(doc.signedAt) : null;

/** R-C2: the amended letter's scope on the effective date, without then with this amendment. */
const amendmentFacts = (
  doc: Document,
  others: readonly Document[],
  date: IsoDate,
  addedLines: readonly LineFacts[],
): DocumentFacts['amendment'] => {
  const letterDoc = others.find((other) => other.id === doc.amendsLetterId);
  const scopes = amendedLetterScopes(doc, others, date);
  if (!letterDoc || !scopes) return null;
  const { before, after } = scopes;
  return {
    letterNumber: letterDoc.number,
    letterSignedOn: signedOn(letterDoc),
    summary: {
      ...summariseChanges(
        before.lines.map((l) => compared(l)),
        after.lines.map((l) => compared(l)),
      ),
      effectiveDate: date,
    },
    addedLines,
  };
};

/** R-D1: the letters replaced, and each line of their consolidated scope against this letter's. */
const replacementFacts = (
  doc: Document,
  others: readonly Document[],
  date: IsoDate,
): DocumentFacts['replacement'] => {
  const inputs = scopeInputs(others);
  const scopes: LetterScope[] = inputs.letters
    .filter((letter) => doc.replacesIds.includes(letter.id))
    .map((letter) => letterScopeOn(letter, inputs.amendments, date));
  const after = doc.lines.map((line) => ({ ...line, key: line.originLineId ?? line.id }));
  // R-D1: the letters' signed amendments are retired with them; the client sees them named.
  const amendments = others.filter(
    (other) =>
      other.kind === 'amendment' &&
      other.amendsLetterId !== null &&
      doc.replacesIds.includes(other.amendsLetterId) &&
      hasEffect(other.status),
  );
  const replaced = [...doc.replacesIds.map((id) => others.find((other) => other.id === id)), ...amendments];
  return {
    replaced: replaced.map((other) => ({
      kind: other?.kind ?? 'engagement_letter',
      number: other?.number ?? null,
      signedOn: signedOn(other),
    })),
    summary: summariseChanges(
      scopes.flatMap((scope) => scope.lines.map((l) => compared(l))),
      after,
    ),
    coefficient: doc.coefficient,
  };
};

export const gatherDocumentFacts = async (
  scope: FirmScope,
  doc: Document,
  input: { issuedOn: IsoDate; number: string | null },
): Promise<DocumentFacts> => {
  const engagement = found(await scope.engagements.find(doc.engagementId), 'engagement');
  // One after the other: inside the sending transaction they share one connection, which runs a
  // query at a time (pg deprecates queueing them on one client).
  const firm = await scope.firm.get();
  const company = await scope.companies.find(engagement.companyId);
  const contact = engagement.signatoryContactId
    ? await scope.contacts.find(engagement.signatoryContactId)
    : undefined;
  const users = await scope.users.list();
  const services = await scope.services.list({ includeArchived: true });
  // A proposal refers to the general terms the letter will carry: its own, else those in force.
  const terms = doc.termsVersionId
    ? await scope.terms.find(doc.termsVersionId)
    : doc.kind === 'proposal'
      ? await scope.terms.currentOn(input.issuedOn)
      : undefined;
  const documents = await scope.documents.listByEngagement(doc.engagementId);
  const client = found(company, 'company');
  const others = documents.filter((other) => other.id !== doc.id);
  const date = doc.effectiveDate ?? input.issuedOn;
  const inForce = doc.kind === 'work_order' ? scopeOfDocuments(others, date) : undefined;
  const serviceById = new Map(services.map((service) => [service.id, service]));
  const termination =
    doc.kind === 'termination_letter' ? await gatherTerminationFacts(scope, doc, others) : null;
  // Posted as a registered letter, the letter of termination is signed on paper if at all.
  const paper = !!termination?.registeredMail;
  const lines = doc.lines.map((line) =>
    lineFacts(
      line,
      line.serviceId ? serviceById.get(line.serviceId) : undefined,
      !!inForce && isOutsideScope(line, inForce),
    ),
  );
  return {
    kind: doc.kind,
    title: doc.title,
    number: input.number,
    issuedOn: input.issuedOn,
    firm,
    client: { ...client, clientCode: engagement.clientCode },
    clientSignatory: contact
      ? {
          name: [contact.civility, contact.firstName, contact.lastName].filter(Boolean).join(' '),
          capacity: contact.capacity,
          signsElectronically: !paper && signsElectronically(contact.email),
        }
      : null,
    firmSignatory: paper
      ? paperSignatory(firmSignatoryOf(users, engagement, doc))
      : firmSignatoryOf(users, engagement, doc),
    lines,
    totals: doc.totals,
    terms: terms
      ? { version: terms.version, title: terms.title, body: terms.body, effectiveFrom: terms.effectiveFrom }
      : null,
    effectiveDate: doc.effectiveDate,
    validUntil: doc.validUntil,
    durationMonths: doc.durationMonths,
    renewal: doc.renewal,
    noticeMonths: doc.noticeMonths,
    billingPeriod: doc.billingPeriod,
    term:
      isLetterKind(doc.kind) && doc.effectiveDate
        ? letterTerm({ ...doc, effectiveDate: doc.effectiveDate, fiscalYearEnd: client.fiscalYearEnd })
        : null,
    paymentTerms: doc.paymentTerms,
    revisionClause: doc.revisionClause,
    notes: doc.notes,
    amendment:
      doc.kind === 'amendment'
        ? amendmentFacts(
            doc,
            others,
            date,
            lines.filter((_, index) => doc.lines[index]?.operation === 'add'),
          )
        : null,
    replacement: doc.kind === 'replacement_letter' ? replacementFacts(doc, others, date) : null,
    ...(termination ? { termination } : {}),
  };
};
