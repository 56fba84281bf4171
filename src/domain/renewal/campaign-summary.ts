import { type Cents, compareDecimal, type Decimal, percentChange } from '../shared/money.ts';
import { type ClientPlan, SKIP_REASONS, type SkipReason } from './campaign-plan.ts';

/** The bands of the distribution of increases, in percent: (from, to], the first two exact. */
export const INCREASE_BANDS = [
  { key: 'decrease', from: null, to: '0' },
  { key: 'unchanged', from: '0', to: '0' },
  { key: '0-2', from: '0', to: '2' },
  { key: '2-3', from: '2', to: '3' },
  { key: '3-4', from: '3', to: '4' },
  { key: '4-5', from: '4', to: '5' },
  { key: '5-10', from: '5', to: '10' },
  { key: 'over-10', from: '10', to: null },
] as const;
export type IncreaseBand = (typeof INCREASE_BANDS)[number]['key'];

/** Which band a change falls in: a decrease, no change, then (from, to] bands. */
export const bandOf = (changePercent: Decimal): IncreaseBand => {
  const sign = compareDecimal(changePercent, '0');
  if (sign < 0) return 'decrease';
  if (sign === 0) return 'unchanged';
  const band = INCREASE_BANDS.slice(2).find((b) => b.to === null || compareDecimal(changePercent, b.to) <= 0);
  return band?.key ?? 'over-10';
};

export type CampaignSummary = {
  readonly selected: number;
  readonly planned: number;
  readonly skipped: number;
  readonly skippedByReason: Readonly<Record<SkipReason, number>>;
  readonly annualBeforeCents: Cents;
  readonly annualAfterCents: Cents;
  readonly changePercent: Decimal | null;
  readonly distribution: readonly { readonly band: IncreaseBand; readonly clients: number }[];
};

/** R-D5: the campaign's totals over the planned clients, and how their increases spread. */
export const summarizeCampaign = (plans: readonly ClientPlan[]): CampaignSummary => {
  const counts = new Map<IncreaseBand, number>(INCREASE_BANDS.map((b) => [b.key, 0]));
  const skippedByReason = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
  let annualBeforeCents = 0;
  let annualAfterCents = 0;
  let planned = 0;
  for (const plan of plans) {
    if (plan.outcome === 'skipped') {
      skippedByReason[plan.reason] += 1;
      continue;
    }
    planned += 1;
    annualBeforeCents += plan.annualBeforeCents;
    annualAfterCents += plan.annualAfterCents;
    const band = bandOf(plan.changePercent ?? '0');
    counts.set(band, (counts.get(band) ?? 0) + 1);
  }
  return {
    selected: plans.length,
    planned,
    skipped: plans.length - planned,
    skippedByReason,
    annualBeforeCents,
    annualAfterCents,
    changePercent: percentChange(annualBeforeCents, annualAfterCents) ?? null,
    distribution: INCREASE_BANDS.map((b) => ({ band: b.key, clients: counts.get(b.key) ?? 0 })),
  };
};
