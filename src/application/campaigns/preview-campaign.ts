import type { ClientPlan, SkipReason } from '../../domain/renewal/campaign-plan.ts';
import { type CampaignSummary, summarizeCampaign } from '../../domain/renewal/campaign-summary.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { Cents, Decimal } from '../../domain/shared/money.ts';
import type { Actor } from '../actor.ts';
import { found } from '../app-error.ts';
import type { CampaignDeps } from '../ports/index.ts';
import type { Campaign } from '../records.ts';
import { planPortfolio } from './portfolio.ts';

export type CampaignPreview = { campaign: Campaign; summary: CampaignSummary; clients: ClientPlan[] };

/**
 * R-D5: before anything is written, per client the annual fees before and after and the change,
 * the campaign's totals and the spread of increases, and the clients skipped with their reason.
 * A campaign already generated previews as it was planned: its own letters do not count as a
 * replacement pending.
 */
export const previewCampaign = async (
  deps: CampaignDeps,
  actor: Actor,
  id: string,
): Promise<CampaignPreview> => {
  const scope = deps.store.read(actor.firmId);
  const campaign = found(await scope.campaigns.find(id), 'campaign');
  const plans = await planPortfolio(scope, {
    settings: campaign.settings,
    campaignId: campaign.id,
    vigilanceOn: parisDate(deps.clock.now()),
  });
  return { campaign, summary: summarizeCampaign(plans), clients: plans };
};

const SKIP_LABELS: Record<SkipReason, string> = {
  left_out: 'Écarté de la campagne',
  no_letter_in_force: 'Aucune lettre de mission en vigueur',
  replacement_pending: 'Lettre de mission substitutive déjà en cours',
  amendment_after_effective_date: 'Avenant signé prenant effet après la date d’effet',
  vigilance_incomplete: 'Dossier LCB-FT bloquant l’envoi',
};

const EXCEPTION_LABELS = {
  coefficient: 'Coefficient propre au client',
  fixed_prices: 'Prix fixés pour ce client',
  leave_out: 'Écarté',
} as const;

/** Amounts for a spreadsheet: "1236,00", no thousands separator, so that it reads them as numbers. */
const amount = (cents: Cents) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const decimal = (value: Decimal | null) => (value === null ? '' : value.replace('.', ','));

export const PREVIEW_CSV_HEADER = [
  'Client',
  'Code client',
  'SIREN',
  'Résultat',
  'Honoraires annuels HT avant (€)',
  'Honoraires annuels HT après (€)',
  'Variation (%)',
  'Coefficient',
  'Exception',
  'Motif',
] as const;

/** The preview as rows of text, in French, one client a row (the CSV the firm downloads). */
export const previewCsvRows = (preview: CampaignPreview): string[][] =>
  preview.clients.map((plan) => {
    const identity = [plan.companyName, plan.clientCode ?? '', plan.siren ?? ''];
    if (plan.outcome === 'skipped') {
      const reason = SKIP_LABELS[plan.reason] + (plan.detail ? ` (${plan.detail})` : '');
      return [...identity, 'Écarté', amount(plan.annualBeforeCents), '', '', '', '', reason];
    }
    return [
      ...identity,
      'Renouvelé',
      amount(plan.annualBeforeCents),
      amount(plan.annualAfterCents),
      decimal(plan.changePercent),
      decimal(plan.coefficient),
      plan.exception ? EXCEPTION_LABELS[plan.exception] : '',
      '',
    ];
  });

/** One page of the preview's clients, planned or skipped, found by name, client code or SIREN. */
export const pagePreviewClients = (
  clients: readonly ClientPlan[],
  filter: { outcome?: ClientPlan['outcome']; search?: string; page: number; pageSize: number },
) => {
  const needle = filter.search?.toLocaleLowerCase('fr');
  const matching = clients.filter(
    (plan) =>
      (!filter.outcome || plan.outcome === filter.outcome) &&
      (!needle ||
        plan.companyName.toLocaleLowerCase('fr').includes(needle) ||
        (plan.clientCode ?? '').toLocaleLowerCase('fr').includes(needle) ||
        (plan.siren ?? '').startsWith(needle)),
  );
  const from = (filter.page - 1) * filter.pageSize;
  return {
    items: matching.slice(from, from + filter.pageSize),
    total: matching.length,
    page: filter.page,
    pageSize: filter.pageSize,
  };
};
