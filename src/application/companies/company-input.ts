import { isValidSiren, isValidSiret, normaliseRegistrationNumber } from '../../domain/shared/siren.ts';
import { AppError } from '../app-error.ts';
import type { CompanyFields } from '../records.ts';

/**
 * A company is identified by a valid SIREN (checksum verified) unless the client is a private
 * person; a SIRET must extend that SIREN.
 */
export const normaliseCompany = <T extends Partial<CompanyFields>>(fields: T, current?: CompanyFields): T => {
  const siren = fields.siren === undefined ? current?.siren : fields.siren;
  const siret = fields.siret === undefined ? current?.siret : fields.siret;
  const isIndividual = fields.isIndividual ?? current?.isIndividual ?? false;
  const out: T = { ...fields };
  if (siren) {
    const normalised = normaliseRegistrationNumber(siren);
    if (!isValidSiren(normalised)) throw new AppError('COMPANY.INVALID_SIREN', { siren });
    if (fields.siren !== undefined) out.siren = normalised;
  } else if (!isIndividual) {
    throw new AppError('COMPANY.SIREN_REQUIRED');
  }
  if (siret) {
    const normalised = normaliseRegistrationNumber(siret);
    if (!isValidSiret(normalised) || (siren && !normalised.startsWith(normaliseRegistrationNumber(siren)))) {
      throw new AppError('COMPANY.INVALID_SIRET', { siret });
    }
    if (fields.siret !== undefined) out.siret = normalised;
  }
  return out;
};

export const companyDefaults = (fields: Partial<CompanyFields> & { name: string }): CompanyFields => ({
  isIndividual: false,
  legalForm: null,
  siren: null,
  siret: null,
  nafCode: null,
  activity: null,
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  country: 'FR',
  fiscalYearEnd: '12-31',
  vatRegime: null,
  ...fields,
});
