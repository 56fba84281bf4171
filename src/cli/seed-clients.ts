import type { CompanyInput, ContactInput } from '../application/companies/manage-companies.ts';
import { sirenFrom, siretFrom } from './seed-identifiers.ts';

export type DemoClient = { company: CompanyInput; signatory: ContactInput; byCollaborator?: boolean };

const company = (
  firstEight: string,
  fields: Omit<CompanyInput, 'siren' | 'siret' | 'country'>,
): CompanyInput => {
  const siren = sirenFrom(firstEight);
  return { ...fields, siren, siret: siretFrom(siren, 1), country: 'FR' };
};

const person = (
  civility: 'M.' | 'Mme',
  firstName: string,
  lastName: string,
  capacity: string,
  phone: string,
): ContactInput => ({
  civility,
  firstName,
  lastName,
  capacity,
  phone,
  email: `${firstName}.${lastName}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .concat('@exemple.fr'),
  isSignatory: true,
});

/** The demo firm's clients and prospects, around Lyon; every SIREN passes the Luhn check. */
export const DEMO_CLIENTS = {
  boulangerie: {
    company: company('44213587', {
      name: 'Boulangerie Martin',
      legalForm: 'SARL',
      nafCode: '10.71C',
      activity: 'Boulangerie-pâtisserie artisanale, deux points de vente',
      addressLine1: '12 rue Paul Bert',
      postalCode: '69003',
      city: 'Lyon',
      fiscalYearEnd: '12-31',
      vatRegime: 'reel_normal',
    }),
    signatory: person('M.', 'Julien', 'Martin', 'Gérant', '06 12 45 78 90'),
    byCollaborator: true,
  },
  garage: {
    company: company('52398741', {
      name: 'Garage des Brotteaux',
      legalForm: 'SAS',
      nafCode: '45.20A',
      activity: 'Entretien et réparation de véhicules automobiles légers',
      addressLine1: '58 boulevard des Brotteaux',
      postalCode: '69006',
      city: 'Lyon',
      fiscalYearEnd: '09-30',
      vatRegime: 'reel_normal',
    }),
    signatory: person('Mme', 'Nadia', 'Benali', 'Présidente', '06 23 56 89 01'),
  },
  atelier: {
    company: company('83416725', {
      name: 'Atelier Lumière',
      legalForm: 'EURL',
      nafCode: '74.10Z',
      activity: 'Studio de design graphique et d’identité visuelle',
      addressLine1: '5 rue Saint-Jean',
      postalCode: '69005',
      city: 'Lyon',
      fiscalYearEnd: '12-31',
      vatRegime: 'reel_simplifie',
    }),
    signatory: person('M.', 'Thomas', 'Girard', 'Gérant', '06 34 67 90 12'),
    byCollaborator: true,
  },
  sci: {
    company: company('49872316', {
      name: 'SCI Les Tilleuls',
      legalForm: 'SCI',
      nafCode: '68.20B',
      activity: 'Location de locaux professionnels (deux cellules commerciales)',
      addressLine1: '14 chemin des Tilleuls',
      postalCode: '69130',
      city: 'Écully',
      fiscalYearEnd: '12-31',
      vatRegime: 'non_assujetti',
    }),
    signatory: person('Mme', 'Hélène', 'Moreau', 'Gérante', '06 45 78 01 23'),
  },
  particulier: {
    company: {
      name: 'Camille Roux',
      isIndividual: true,
      activity: 'Location meublée non professionnelle (LMNP), deux studios',
      addressLine1: '8 rue Auguste Comte',
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
      fiscalYearEnd: '12-31',
      vatRegime: 'non_assujetti',
    },
    signatory: person('Mme', 'Camille', 'Roux', 'Elle-même', '06 56 89 12 34'),
  },
  bouchon: {
    company: company('51278436', {
      name: 'Le Petit Bouchon',
      legalForm: 'SARL',
      nafCode: '56.10A',
      activity: 'Restaurant traditionnel lyonnais, 40 couverts',
      addressLine1: '31 rue Mercière',
      postalCode: '69002',
      city: 'Lyon',
      fiscalYearEnd: '12-31',
      vatRegime: 'reel_normal',
    }),
    signatory: person('M.', 'Bruno', 'Lefèvre', 'Gérant', '06 67 90 23 45'),
    byCollaborator: true,
  },
  nuageo: {
    company: company('88342671', {
      name: 'Nuageo',
      legalForm: 'SAS',
      nafCode: '62.01Z',
      activity: 'Édition d’un logiciel de planification pour les artisans',
      addressLine1: '107 rue de la Part-Dieu',
      postalCode: '69003',
      city: 'Lyon',
      fiscalYearEnd: '12-31',
      vatRegime: 'reel_normal',
    }),
    signatory: person('Mme', 'Inès', 'Caron', 'Présidente', '06 78 01 34 56'),
  },
  menuiserie: {
    company: company('79123458', {
      name: 'Menuiserie Favre',
      legalForm: 'EURL',
      nafCode: '16.23Z',
      activity: 'Menuiserie bois et agencement sur mesure',
      addressLine1: '7 rue de l’Industrie',
      postalCode: '69200',
      city: 'Vénissieux',
      fiscalYearEnd: '12-31',
      vatRegime: 'reel_simplifie',
    }),
    signatory: person('M.', 'Pierre', 'Favre', 'Gérant', '06 89 12 45 67'),
    byCollaborator: true,
  },
  pharmacie: {
    company: company('40317782', {
      name: 'Pharmacie du Parc',
      legalForm: 'SELARL',
      nafCode: '47.73Z',
      activity: 'Pharmacie d’officine',
      addressLine1: '2 place Maréchal Lyautey',
      postalCode: '69006',
      city: 'Lyon',
      fiscalYearEnd: '09-30',
      vatRegime: 'reel_normal',
    }),
    signatory: person('Mme', 'Sophie', 'Perrin', 'Gérante', '06 90 23 56 78'),
  },
  transports: {
    company: company('38249156', {
      name: 'Transports Rhodaniens',
      legalForm: 'SAS',
      nafCode: '49.41A',
      activity: 'Transport routier de marchandises, 12 poids lourds',
      addressLine1: '40 rue du Dauphiné',
      postalCode: '69800',
      city: 'Saint-Priest',
      fiscalYearEnd: '12-31',
      vatRegime: 'reel_normal',
    }),
    signatory: person('M.', 'Marc', 'Chevalier', 'Président', '06 01 34 67 89'),
  },
  cave: {
    company: company('85631247', {
      name: 'Cave des Canuts',
      legalForm: 'SAS',
      nafCode: '47.25Z',
      activity: 'Caviste, vente de vins et spiritueux, dégustations',
      addressLine1: '9 boulevard de la Croix-Rousse',
      postalCode: '69004',
      city: 'Lyon',
      fiscalYearEnd: '03-31',
      vatRegime: 'reel_normal',
    }),
    signatory: person('M.', 'Antoine', 'Blanc', 'Président', '06 12 56 90 34'),
    byCollaborator: true,
  },
} satisfies Record<string, DemoClient>;
