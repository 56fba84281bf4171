import type { InstallationInput } from '../application/firms/installation-setup.ts';
import type { StarterKit } from '../application/firms/provision-firm.ts';
import { CATALOGUE } from './seed-data.ts';
import { TERMS_VERSIONS } from './seed-terms.ts';

export const CATALOGUE_CHOICES = [
  'vide',
  'standard',
] as const satisfies readonly InstallationInput['catalogue'][];
export type CatalogueChoice = (typeof CATALOGUE_CHOICES)[number];

/**
 * What a new firm starts from: the latest general terms as version 1, in force from `today`, their
 * data-protection contact the firm's own address; the typical catalogue when asked for (DOMAIN.md),
 * or none, the firm entering its own.
 */
export const starterKit = (input: {
  catalogue: CatalogueChoice;
  firmEmail: string;
  today: string;
}): StarterKit => {
  const latest = TERMS_VERSIONS.at(-1);
  if (!latest) throw new Error('no standard terms');
  return {
    services: input.catalogue === 'standard' ? CATALOGUE : [],
    terms: [
      {
        version: 1,
        title: 'Conditions générales d’intervention',
        effectiveFrom: input.today,
        body: latest.body.replace('dpo@cabinet-dupre.fr', input.firmEmail),
      },
    ],
  };
};
