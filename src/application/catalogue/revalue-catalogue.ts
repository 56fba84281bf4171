import { planCatalogueRevaluation } from '../../domain/renewal/catalogue-revaluation.ts';
import { assertCoefficient, type Rounding } from '../../domain/renewal/revaluation.ts';
import type { Decimal } from '../../domain/shared/money.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, unwrap } from '../app-error.ts';
import type { CatalogueDeps } from '../ports/index.ts';
import { recordServicePrice } from './price-history.ts';

export type RevalueCatalogueInput = {
  coefficient: Decimal;
  confirm?: boolean;
  rounding?: Rounding;
  excludedServiceIds?: string[];
  /** Computes the before/after without writing anything. */
  dryRun?: boolean;
};

/** "1.03" → "1,03": the reason is shown in French in the price history. */
const frenchDecimal = (value: Decimal): string => value.replace('.', ',');

/**
 * R-D4: a new tariff for the whole catalogue. Every active service is revalued by the coefficient
 * (R-D3 rounding) in one transaction, with the service rows locked so that a concurrent edit
 * waits; each old price stays in the price history with the coefficient that replaced it.
 */
export const revalueCatalogue = (deps: CatalogueDeps, actor: Actor, input: RevalueCatalogueInput) => {
  assertIsAssocie(actor);
  const coefficient = unwrap(assertCoefficient(input.coefficient, input.confirm ?? false));
  const rounding = input.rounding ?? 'cent';
  const excludedIds = input.excludedServiceIds ?? [];
  const dryRun = input.dryRun ?? false;
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const services = await scope.services.list({ includeArchived: true, forUpdate: !dryRun });
    const unknown = excludedIds.filter((id) => !services.some((service) => service.id === id));
    if (unknown.length > 0) throw new AppError('RESOURCE.NOT_FOUND', { resource: 'service', ids: unknown });
    const plan = planCatalogueRevaluation(
      services.filter((service) => service.archivedAt === null),
      { coefficient, rounding, excludedIds },
    );
    const reason = `Réévaluation du catalogue : coefficient ${frenchDecimal(coefficient)}${
      rounding === 'euro' ? ', arrondi à l’euro' : ''
    }`;
    if (!dryRun) {
      for (const item of plan.revalued) {
        if (item.afterCents === item.beforeCents) continue;
        await scope.services.setPrice(item.serviceId, { priceCents: item.afterCents, at });
        await recordServicePrice(deps, scope, {
          serviceId: item.serviceId,
          priceCents: item.afterCents,
          at,
          changedBy: actor.userId,
          reason,
          coefficient,
        });
      }
    }
    return { coefficient, rounding, dryRun, appliedAt: dryRun ? null : at, reason, ...plan };
  });
};
