import type { FirmIdentity, ServiceFields } from '../application/records.ts';
import { sirenFrom, spacedSiren, vatNumberFrom } from './seed-identifiers.ts';
import { ACCOUNTING_AND_TAX } from './seed-services.ts';
import { OTHER_SERVICES } from './seed-services-other.ts';

const FIRM_SIREN = sirenFrom('81234567');

/** Every item DOMAIN.md asks of the firm on a letter: a demo letter is complete. */
export const DEMO_FIRM_IDENTITY: FirmIdentity = {
  name: 'Cabinet Dupré & Associés',
  legalForm: 'SAS d’expertise comptable au capital de 80 000 €',
  addressLine1: '24 rue de la République',
  addressLine2: '3e étage',
  postalCode: '69002',
  city: 'Lyon',
  phone: '04 78 42 17 30',
  email: 'contact@cabinet-dupre.fr',
  siren: FIRM_SIREN,
  rcs: `RCS Lyon ${spacedSiren(FIRM_SIREN)}`,
  vatNumber: vatNumberFrom(FIRM_SIREN),
  ordreCouncil: 'Conseil régional de l’Ordre des experts-comptables Auvergne-Rhône-Alpes',
  insurer: 'MMA IARD — contrat RC professionnelle n° 114 231 812',
  insuranceCoverage: '1 500 000 € par sinistre et 3 000 000 € par année d’assurance',
  consumerMediator:
    'CNPM Médiation Consommation — 27 avenue de la Libération, 42400 Saint-Chamond — www.cnpm-mediation-consommation.eu',
};

/** The demo catalogue (DOMAIN.md, "Catalogue of a typical firm"): VAT 20 % except disbursements. */
export const CATALOGUE: ServiceFields[] = [...ACCOUNTING_AND_TAX, ...OTHER_SERVICES].map((item) => ({
  unitLabel: null,
  vatRateBp: 2000,
  professionalStandard: null,
  exclusions: null,
  ...item,
}));
