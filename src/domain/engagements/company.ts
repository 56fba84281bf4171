/** The client entity of an engagement and its people (signatories). */

export type CompanyFields = {
  name: string;
  isIndividual: boolean;
  legalForm: string | null;
  siren: string | null;
  siret: string | null;
  nafCode: string | null;
  activity: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  fiscalYearEnd: string;
  vatRegime: string | null;
};

export type Company = CompanyFields & { id: string; version: number; createdAt: Date; updatedAt: Date };

export type ContactFields = {
  civility: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  capacity: string | null;
  isSignatory: boolean;
};

export type Contact = ContactFields & { id: string; companyId: string; version: number; createdAt: Date };
