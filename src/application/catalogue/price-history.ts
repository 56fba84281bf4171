import type { CatalogueDeps, FirmScope } from '../ports/index.ts';

/**
 * R-D4: every price a service has had is kept, with why it changed: its creation, an edit, or a
 * catalogue-wide revaluation (with its coefficient).
 */
export const recordServicePrice = (
  deps: CatalogueDeps,
  scope: FirmScope,
  input: {
    serviceId: string;
    priceCents: number;
    at: Date;
    changedBy: string;
    reason: string;
    coefficient?: string;
  },
) =>
  scope.services.recordPrice({
    id: deps.ids.uuid(),
    serviceId: input.serviceId,
    priceCents: input.priceCents,
    validFrom: input.at,
    coefficient: input.coefficient ?? null,
    reason: input.reason,
    changedBy: input.changedBy,
  });

export const PRICE_REASONS = { created: 'Création', edited: 'Modification du prix' } as const;
