import { type BillingPeriod, instalmentOfCycle, MONTHS_PER_PERIOD } from '../../billing/instalments.ts';
import type { Cents } from '../../shared/money.ts';

/** R-G2: how a letter names its billing period and its instalments. */
export const BILLING_PERIOD_WORDS: Record<
  BillingPeriod,
  { heading: string; label: string; one: string; many: string; perYear: string }
> = {
  monthly: {
    heading: 'Échéancier mensuel',
    label: 'Facturation mensuelle',
    one: 'mensualité',
    many: 'mensualités',
    perYear: '12 mensualités',
  },
  quarterly: {
    heading: 'Échéancier trimestriel',
    label: 'Facturation trimestrielle',
    one: 'échéance trimestrielle',
    many: 'échéances trimestrielles',
    perYear: '4 échéances trimestrielles',
  },
  yearly: {
    heading: 'Échéancier annuel',
    label: 'Facturation annuelle',
    one: 'échéance annuelle',
    many: 'échéances annuelles',
    perYear: 'une échéance annuelle',
  },
};

/**
 * R-G3: the instalments of a cycle of `months` months billed every period, as the schedule bills
 * them (instalmentOfCycle): 1 236,00 € a year quarterly → 4 × 309,00 €; the last takes what remains.
 */
export const periodInstalments = (annualCents: Cents, months: number, period: BillingPeriod): Cents[] => {
  const periodMonths = MONTHS_PER_PERIOD[period];
  return Array.from({ length: Math.ceil(months / periodMonths) }, (_, index) =>
    instalmentOfCycle(annualCents, { months, periodMonths, index }),
  );
};
