import type { BillingPeriod } from '../billing/instalments.ts';
import { annualValue } from '../documents/fees.ts';
import type { ScopeInForce, ScopeLine } from '../documents/scope.ts';
import type { IsoDate } from '../shared/dates.ts';
import { type Cents, type Decimal, percentChange } from '../shared/money.ts';
import {
  type CampaignSelection,
  type CampaignSettings,
  type ClientException,
  effectiveCoefficient,
  type RevaluationRule,
  revalueByRule,
} from './campaign-settings.ts';

/** A letter in force of a client, as the selection and the new letter's terms need it. */
export type PortfolioLetter = {
  readonly letterId: string;
  readonly number: string | null;
  readonly signedOn: IsoDate | null;
  readonly termsVersion: number | null;
  readonly durationMonths: number;
  readonly renewal: 'tacit' | 'new_letter';
  readonly noticeMonths: number;
  /** R-G2: how the letter is billed; monthly when not given. */
  readonly billingPeriod?: BillingPeriod;
  readonly paymentTerms: string | null;
  readonly revisionClause: string | null;
};

/** One client engagement of the portfolio, with its scope in force on the campaign's effective date. */
export type PortfolioClient = {
  readonly engagementId: string;
  readonly companyName: string;
  readonly clientCode: string | null;
  readonly siren: string | null;
  readonly responsibleUserId: string;
  /** The company's closing, "MM-DD". */
  readonly fiscalYearEnd: string;
  readonly scope: ScopeInForce;
  readonly letters: readonly PortfolioLetter[];
  /** Signed amendments of those letters, effective after the campaign's date (R-D2 cannot fold them in). */
  readonly laterAmendmentNumbers: readonly string[];
  /** A replacement letter already drafted or sent for this client (by hand or by another campaign). */
  readonly pendingReplacementNumber: string | null | undefined;
  /**
   * R-F1…R-F5: what the client's LCB-FT file lacks before a letter may go out (French, as the gate
   * says it); empty or absent when the file is ready or the firm's gate is off.
   */
  readonly vigilanceMissing?: readonly string[];
};

export const SKIP_REASONS = [
  'left_out',
  'no_letter_in_force',
  'replacement_pending',
  'amendment_after_effective_date',
  'vigilance_incomplete',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type PlannedLine = Omit<ScopeLine, 'letterId'> & {
  readonly letterId: string;
  readonly beforeUnitCents: Cents;
  /** How the line's new price was set. */
  readonly pricing: 'revalued' | 'excluded' | 'fixed';
  readonly annualBeforeCents: Cents;
  readonly annualAfterCents: Cents;
};

type ClientIdentity = Pick<PortfolioClient, 'engagementId' | 'companyName' | 'clientCode' | 'siren'>;

export type ClientPlan =
  | (ClientIdentity & {
      readonly outcome: 'planned';
      readonly lines: readonly PlannedLine[];
      readonly annualBeforeCents: Cents;
      readonly annualAfterCents: Cents;
      /** "3.00" for +3 %; null from fees of zero. */
      readonly changePercent: Decimal | null;
      /** The coefficient applied, when one was (an exception's, or the campaign's). */
      readonly coefficient: Decimal;
      readonly exception: ClientException['action'] | null;
    })
  | (ClientIdentity & {
      readonly outcome: 'skipped';
      readonly reason: SkipReason;
      /** What the firm needs to know: the pending letter's number, the later amendments, its reason. */
      readonly detail: string | null;
      /** For vigilance_incomplete: each item the LCB-FT file lacks, in French. */
      readonly missing?: readonly string[];
      readonly annualBeforeCents: Cents;
    });

/** R-D5: whether a client falls in a campaign's selection (every criterion given must hold). */
export const isClientSelected = (client: PortfolioClient, selection: CampaignSelection): boolean => {
  if (
    selection.responsibleUserIds.length > 0 &&
    !selection.responsibleUserIds.includes(client.responsibleUserId)
  )
    return false;
  if (selection.fiscalYearEndMonths.length > 0) {
    const month = Number(client.fiscalYearEnd.slice(0, 2));
    if (!selection.fiscalYearEndMonths.includes(month)) return false;
  }
  const { termsVersionBelow, signedBefore, serviceIds } = selection;
  if (termsVersionBelow !== null && !client.letters.some((l) => (l.termsVersion ?? 0) < termsVersionBelow))
    return false;
  if (signedBefore !== null) {
    const newest = client.letters.reduce<IsoDate | null>(
      (latest, l) => (l.signedOn !== null && (latest === null || l.signedOn > latest) ? l.signedOn : latest),
      null,
    );
    if (newest === null || newest >= signedBefore) return false;
  }
  if (
    serviceIds.length > 0 &&
    !client.scope.lines.some((l) => l.serviceId && serviceIds.includes(l.serviceId))
  )
    return false;
  return true;
};

const planLine = (
  line: ScopeLine,
  settings: CampaignSettings,
  rule: RevaluationRule,
  exception: ClientException | undefined,
): PlannedLine => {
  const fixed =
    exception?.action === 'fixed_prices'
      ? exception.prices.find((p) => p.serviceId === line.serviceId)
      : undefined;
  const excluded =
    settings.excludedLineIds.includes(line.lineId) ||
    (line.serviceId !== null && settings.excludedServiceIds.includes(line.serviceId));
  const pricing = fixed ? 'fixed' : excluded ? 'excluded' : 'revalued';
  const unitPriceCents =
    pricing === 'fixed' && fixed
      ? fixed.unitPriceCents
      : pricing === 'excluded'
        ? line.unitPriceCents
        : revalueByRule(line.unitPriceCents, rule, settings.rounding);
  return {
    ...line,
    beforeUnitCents: line.unitPriceCents,
    unitPriceCents,
    pricing,
    annualBeforeCents: annualValue(line),
    annualAfterCents: annualValue({ quantity: line.quantity, recurrence: line.recurrence, unitPriceCents }),
  };
};

const skipReasonOf = (
  client: PortfolioClient,
  exception: ClientException | undefined,
): { reason: SkipReason; detail: string | null; missing?: readonly string[] } | undefined => {
  if (exception?.action === 'leave_out') return { reason: 'left_out', detail: exception.reason };
  if (client.scope.letters.length === 0) return { reason: 'no_letter_in_force', detail: null };
  if (client.pendingReplacementNumber !== undefined)
    return { reason: 'replacement_pending', detail: client.pendingReplacementNumber };
  if (client.laterAmendmentNumbers.length > 0)
    return { reason: 'amendment_after_effective_date', detail: client.laterAmendmentNumbers.join(', ') };
  // R-F1: the gate would refuse the letter: the campaign reports the client instead of drafting it.
  const missing = client.vigilanceMissing ?? [];
  if (missing.length > 0) return { reason: 'vigilance_incomplete', detail: missing.join(' ; '), missing };
  return undefined;
};

/**
 * R-D2, R-D3: what a campaign makes of one selected client: the consolidated recurring scope in
 * force, each unit price revalued by the campaign's rule (or the client's own coefficient), except
 * the excluded lines and those the client's exception fixes; totals are sums of rounded lines.
 * A client the campaign cannot renew is skipped with the reason the firm can act on.
 */
export const planClient = (client: PortfolioClient, settings: CampaignSettings): ClientPlan => {
  const identity: ClientIdentity = {
    engagementId: client.engagementId,
    companyName: client.companyName,
    clientCode: client.clientCode,
    siren: client.siren,
  };
  const exception = settings.exceptions.find((e) => e.engagementId === client.engagementId);
  const skip = skipReasonOf(client, exception);
  if (skip)
    return { ...identity, outcome: 'skipped', ...skip, annualBeforeCents: client.scope.annualRecurringCents };
  const rule: RevaluationRule =
    exception?.action === 'coefficient'
      ? { method: 'coefficient', coefficient: exception.coefficient }
      : settings.revaluation;
  const lines = client.scope.lines.map((line) => planLine(line, settings, rule, exception));
  const annualBeforeCents = lines.reduce((sum, l) => sum + l.annualBeforeCents, 0);
  const annualAfterCents = lines.reduce((sum, l) => sum + l.annualAfterCents, 0);
  return {
    ...identity,
    outcome: 'planned',
    lines,
    annualBeforeCents,
    annualAfterCents,
    changePercent: percentChange(annualBeforeCents, annualAfterCents) ?? null,
    coefficient: effectiveCoefficient(rule),
    exception: exception?.action ?? null,
  };
};
