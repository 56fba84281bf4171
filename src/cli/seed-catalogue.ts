import { PRICE_REASONS, recordServicePrice } from '../application/catalogue/price-history.ts';
import type { Deps } from '../application/ports/index.ts';
import type { Service, TermsVersion } from '../application/records.ts';
import { CATALOGUE } from './seed-data.ts';
import { TERMS_VERSIONS } from './seed-terms.ts';

export type Catalogue = { services: Map<string, Service>; terms: TermsVersion[] };

/**
 * The catalogue and the two versions of the general terms, in one transaction; a firm that already
 * has services (or terms) keeps them, so the step can run again.
 */
export const seedCatalogue = (
  deps: Deps,
  input: { firmId: string; userId: string; at: Date },
): Promise<Catalogue> =>
  deps.store.transaction(input.firmId, async (scope) => {
    if ((await scope.services.list({ includeArchived: true })).length === 0) {
      for (const fields of CATALOGUE) {
        const service = { ...fields, id: deps.ids.uuid(), archivedAt: null, version: 1 };
        await scope.services.insert(service, input.at);
        await recordServicePrice(deps, scope, {
          serviceId: service.id,
          priceCents: service.priceCents,
          at: input.at,
          changedBy: input.userId,
          reason: PRICE_REASONS.created,
        });
      }
    }
    if ((await scope.terms.list()).length === 0) {
      for (const terms of TERMS_VERSIONS) {
        await scope.terms.insert({ ...terms, id: deps.ids.uuid(), createdAt: input.at });
      }
    }
    const services = await scope.services.list({ includeArchived: false });
    return {
      services: new Map(services.map((service) => [service.code, service])),
      terms: await scope.terms.list(),
    };
  });

/** The service of a catalogue code; a missing code is a bug of the seed data. */
export const serviceOf = (catalogue: Catalogue, code: string): Service => {
  const service = catalogue.services.get(code);
  if (!service) throw new Error(`service ${code} missing from the catalogue`);
  return service;
};
