import type { Recurrence } from '../documents/kinds.ts';
import type { Cents, Decimal } from '../shared/money.ts';
import type { PricingMode } from './service-pricing.ts';

/** A service of the firm's catalogue (DOMAIN.md E), and its price history (R-D4). */

export const SERVICE_DOMAINS = ['comptable', 'fiscal', 'social', 'juridique', 'conseil', 'autre'] as const;
export type ServiceDomain = (typeof SERVICE_DOMAINS)[number];
export type TaskSplit = { task: string; who: 'firm' | 'client'; frequency: string };

export type ServiceFields = {
  code: string;
  label: string;
  description: string | null;
  domain: ServiceDomain;
  recurrence: Recurrence;
  pricingMode: PricingMode;
  unitLabel: string | null;
  priceCents: Cents;
  vatRateBp: number;
  professionalStandard: string | null;
  exclusions: string | null;
  taskSplit: TaskSplit[];
};

export type Service = ServiceFields & { id: string; archivedAt: Date | null; version: number };

export type ServicePrice = {
  id: string;
  serviceId: string;
  priceCents: Cents;
  validFrom: Date;
  coefficient: Decimal | null;
  reason: string | null;
};
