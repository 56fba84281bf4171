import { installStarterKit } from '../application/firms/provision-firm.ts';
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
    await installStarterKit(deps, scope, { services: CATALOGUE, terms: TERMS_VERSIONS, ...input });
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
