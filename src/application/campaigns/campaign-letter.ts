import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import { amendmentsInForce } from '../../domain/documents/letters-in-force.ts';
import type { ClientPlan, PortfolioClient } from '../../domain/renewal/campaign-plan.ts';
import { newDraft } from '../documents/new-document.ts';
import { replacementLine } from '../documents/prefill-replacement.ts';
import type { IdGenerator, NewDocument } from '../ports/index.ts';
import type { Campaign, PortfolioRecord } from '../records.ts';

type Planned = Extract<ClientPlan, { outcome: 'planned' }>;

/**
 * R-D1, R-D2: a campaign's replacement letter for one client: it replaces every letter in force,
 * carries the consolidated scope with the planned prices, the amendments it consolidated, the
 * campaign's terms version and dates, and the duration, notice and billing period of the newest letter it replaces.
 */
export const campaignLetter = (
  ids: IdGenerator,
  input: {
    campaign: Campaign;
    plan: Planned;
    client: PortfolioClient;
    record: PortfolioRecord;
    termsVersionId: string | null;
    at: Date;
  },
): NewDocument => {
  const { campaign, plan, client } = input;
  const { settings } = campaign;
  const replacesIds = client.scope.letters.map((letter) => letter.letterId);
  const newest = client.letters.at(-1);
  const lines = plan.lines.map(
    ({ lineId, serviceId, label, unitLabel, quantity, unitPriceCents, vatRateBp, recurrence }, position) =>
      replacementLine(
        ids,
        {
          originLineId: lineId,
          serviceId,
          label,
          unitLabel,
          quantity,
          unitPriceCents,
          vatRateBp,
          recurrence,
        },
        position,
      ),
  );
  return newDraft({
    id: ids.uuid(),
    engagementId: client.engagementId,
    kind: 'replacement_letter',
    createdBy: campaign.createdBy,
    at: input.at,
    terms: {
      title: DOCUMENT_TITLES.replacement_letter,
      validUntil: settings.validUntil,
      effectiveDate: settings.effectiveDate,
      durationMonths: newest?.durationMonths ?? 12,
      renewal: newest?.renewal ?? 'tacit',
      noticeMonths: newest?.noticeMonths ?? 3,
      // R-G2: the replacement is billed as the letter it renews was.
      billingPeriod: newest?.billingPeriod ?? 'monthly',
      paymentTerms: newest?.paymentTerms ?? null,
      revisionClause: newest?.revisionClause ?? null,
      notes: null,
      termsVersionId: input.termsVersionId,
    },
    lines,
    replacesIds,
    coefficient: plan.exception === 'fixed_prices' ? null : plan.coefficient,
    basedOnAmendmentIds: amendmentsInForce(input.record.documents, replacesIds)
      .map((doc) => doc.id)
      .sort(),
    campaignId: campaign.id,
  });
};
