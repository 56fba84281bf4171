import { isInForce } from '../../domain/documents/lifecycle.ts';
import { scopeOfDocuments } from '../../domain/documents/scope-inputs.ts';
import {
  type ClientPlan,
  isClientSelected,
  type PortfolioClient,
  type PortfolioLetter,
  planClient,
} from '../../domain/renewal/campaign-plan.ts';
import type { CampaignSettings } from '../../domain/renewal/campaign-settings.ts';
import { type IsoDate, parisDate } from '../../domain/shared/dates.ts';
import type { FirmScope } from '../ports/index.ts';
import type { Document, PortfolioRecord } from '../records.ts';
import { vigilanceMissingOf } from '../vigilance/file-state.ts';
import { CLIENTS_BETWEEN_TURNS, yieldToOthers } from '../yield-to-others.ts';

/** Clients read at a time by planPortfolio: some 3 000 documents and 8 000 lines. */
export const PORTFOLIO_SLICE = 1_000;

/** A client as the campaign's rules see it, its scope in force taken on the given date (R-C3). */
export const toPortfolioClient = (
  record: PortfolioRecord,
  date: IsoDate,
  termsVersionOf: ReadonlyMap<string, number>,
  /** The campaign planning: its own letters are not a replacement pending. */
  campaignId?: string,
  /** R-F1…R-F5: what the client's LCB-FT file lacks before a letter may go out. */
  vigilanceMissing?: readonly string[],
): PortfolioClient => {
  const scope = scopeOfDocuments(record.documents, date);
  const inScope = new Set(scope.letters.map((letter) => letter.letterId));
  const byId = new Map(record.documents.map((doc) => [doc.id, doc]));
  const letters = scope.letters
    .map((letter) => byId.get(letter.letterId))
    .filter((doc): doc is Document => doc !== undefined)
    .map(
      (doc): PortfolioLetter => ({
        letterId: doc.id,
        number: doc.number,
        signedOn: doc.signedAt ? parisDate(doc.signedAt) : null,
        termsVersion: doc.termsVersionId ? (termsVersionOf.get(doc.termsVersionId) ?? null) : null,
        durationMonths: doc.durationMonths,
        renewal: doc.renewal,
        noticeMonths: doc.noticeMonths,
        billingPeriod: doc.billingPeriod,
        paymentTerms: doc.paymentTerms,
        revisionClause: doc.revisionClause,
      }),
    );
  const pending = record.documents.find(
    (doc) =>
      doc.kind === 'replacement_letter' &&
      (doc.status === 'draft' || doc.status === 'sent') &&
      (campaignId === undefined || doc.campaignId !== campaignId),
  );
  const laterAmendmentNumbers = record.documents
    .filter(
      (doc) =>
        doc.kind === 'amendment' &&
        isInForce(doc.status) &&
        doc.amendsLetterId !== null &&
        inScope.has(doc.amendsLetterId) &&
        (doc.effectiveDate ?? date) > date,
    )
    .map((doc) => doc.number ?? doc.id);
  return {
    engagementId: record.engagementId,
    companyName: record.companyName,
    clientCode: record.clientCode,
    siren: record.siren,
    responsibleUserId: record.responsibleUserId,
    fiscalYearEnd: record.fiscalYearEnd,
    scope,
    letters,
    laterAmendmentNumbers,
    pendingReplacementNumber: pending ? pending.number : undefined,
    ...(vigilanceMissing && vigilanceMissing.length > 0 ? { vigilanceMissing } : {}),
  };
};

/** The firm's client portfolio (or the engagements listed), each client with its scope on the date. */
export const loadPortfolio = async (
  scope: FirmScope,
  input: {
    date: IsoDate;
    engagementIds?: string[];
    campaignId?: string;
    /** The day the LCB-FT gate is judged on, for a campaign's letters (none: not judged). */
    vigilanceOn?: IsoDate;
  },
): Promise<{ clients: PortfolioClient[]; records: Map<string, PortfolioRecord> }> => {
  // One after the other: inside a transaction, the queries share one connection.
  const records = await scope.portfolio.listClients(
    input.engagementIds ? { engagementIds: input.engagementIds } : undefined,
  );
  const terms = await scope.terms.list();
  const termsVersionOf = new Map(terms.map((t) => [t.id, t.version]));
  const missing = input.vigilanceOn
    ? await vigilanceMissingOf(
        scope,
        records.map((r) => r.engagementId),
        input.vigilanceOn,
      )
    : new Map<string, string[]>();
  const clients: PortfolioClient[] = [];
  for (const record of records) {
    clients.push(
      toPortfolioClient(
        record,
        input.date,
        termsVersionOf,
        input.campaignId,
        missing.get(record.engagementId),
      ),
    );
    // Some thousands of clients take a second or two of work: other requests get their turns.
    if (clients.length % CLIENTS_BETWEEN_TURNS === 0) await yieldToOthers();
  }
  return { clients, records: new Map(records.map((record) => [record.engagementId, record])) };
};

/**
 * R-D5 in one pass over the firm's portfolio (with `vigilanceOn`, a client whose LCB-FT file
 * would stop its letter is skipped: R-F1), a slice of clients at a time: read, scope on the
 * campaign's date, select, plan; only the plans are kept. Each slice is a few tens of
 * milliseconds of work between two turns of the event loop, and its documents are garbage as soon
 * as it is planned (issue 19: the whole portfolio at once held the loop for seconds).
 */
export const planPortfolio = async (
  scope: FirmScope,
  input: { settings: CampaignSettings; campaignId?: string; vigilanceOn?: IsoDate },
): Promise<ClientPlan[]> => {
  const { settings, campaignId } = input;
  // One after the other: inside a transaction, the queries share one connection.
  const ids = await scope.portfolio.listClientIds();
  const terms = await scope.terms.list();
  const termsVersionOf = new Map(terms.map((t) => [t.id, t.version]));
  const readSlice = async (from: number) => {
    const records = await scope.portfolio.listClients({
      engagementIds: ids.slice(from, from + PORTFOLIO_SLICE),
    });
    const missing = input.vigilanceOn
      ? await vigilanceMissingOf(
          scope,
          records.map((r) => r.engagementId),
          input.vigilanceOn,
        )
      : new Map<string, string[]>();
    return { records, missing };
  };
  const plans: ClientPlan[] = [];
  // The next slice is read while this one is planned: the database works on the other core
  // meanwhile (at rest, a quarter of the preview was spent waiting for rows).
  let next = ids.length > 0 ? readSlice(0) : undefined;
  for (let from = 0; next; from += PORTFOLIO_SLICE) {
    const { records, missing } = await next;
    next = from + PORTFOLIO_SLICE < ids.length ? readSlice(from + PORTFOLIO_SLICE) : undefined;
    // Planning may throw while the next read is in flight: its failure is then not the one told.
    next?.catch(() => {});
    await yieldToOthers();
    for (const [n, record] of records.entries()) {
      const client = toPortfolioClient(
        record,
        settings.effectiveDate,
        termsVersionOf,
        campaignId,
        missing.get(record.engagementId),
      );
      if (isClientSelected(client, settings.selection)) plans.push(planClient(client, settings));
      if ((n + 1) % CLIENTS_BETWEEN_TURNS === 0) await yieldToOthers();
    }
    await yieldToOthers();
  }
  return plans;
};
