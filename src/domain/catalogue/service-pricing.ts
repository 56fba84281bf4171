import { DEFAULT_VAT_RATE_BP } from '../documents/fees.ts';

/** DOMAIN.md E: how a service of the catalogue is priced. */
export const PRICING_MODES = ['fixed', 'unit', 'hourly', 'at_cost'] as const;
export type PricingMode = (typeof PRICING_MODES)[number];

/** A unit price is per something (bulletin, déclaration, acte): the letter must say what. */
export const needsUnitLabel = (mode: PricingMode): boolean => mode === 'unit' || mode === 'hourly';

/** An hourly rate is per hour unless the firm says otherwise. */
export const defaultUnitLabel = (mode: PricingMode): string | null => (mode === 'hourly' ? 'heure' : null);

/** VAT is 20 % by default; disbursements (débours) are re-invoiced at cost without VAT. */
export const defaultVatRateBp = (mode: PricingMode): number => (mode === 'at_cost' ? 0 : DEFAULT_VAT_RATE_BP);

/** R-D4: disbursements pass their cost on unchanged, so a tariff coefficient never applies to them. */
export const isRevaluable = (mode: PricingMode): boolean => mode !== 'at_cost';
