import { describe, expect, it } from 'vitest';
import type { Company, Contact } from '../../src/domain/engagements/company.ts';
import { checkEvidenceFile, EVIDENCE_MAX_BYTES } from '../../src/domain/vigilance/evidence.ts';
import { isBlockingMatch, prefillIdentification } from '../../src/domain/vigilance/vigilance-file.ts';

const company: Company = {
  id: 'c-1',
  name: 'Boulangerie Martin',
  isIndividual: false,
  legalForm: 'SARL',
  siren: '123456782',
  siret: null,
  nafCode: null,
  activity: null,
  addressLine1: '12 rue Paul Bert',
  addressLine2: null,
  postalCode: '69003',
  city: 'Lyon',
  country: 'FR',
  fiscalYearEnd: '12-31',
  vatRegime: null,
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};
const signatory: Contact = {
  id: 'k-1',
  companyId: 'c-1',
  civility: null,
  firstName: 'Paul',
  lastName: 'Martin',
  email: null,
  phone: null,
  capacity: null,
  isSignatory: true,
  version: 1,
  createdAt: new Date(0),
};

describe('R-F1 the file starts from the company record', () => {
  it('R-F1 prefills a company with its signatory as legal representative', () => {
    expect(prefillIdentification(company, signatory)).toEqual({
      clientType: 'company',
      company: {
        name: 'Boulangerie Martin',
        legalForm: 'SARL',
        siren: '123456782',
        registeredOffice: '12 rue Paul Bert, 69003 Lyon',
      },
      person: null,
      representatives: [
        {
          id: 'k-1',
          lastName: 'Martin',
          firstNames: 'Paul',
          birthDate: null,
          birthPlace: null,
          nationality: null,
          capacity: '',
        },
      ],
      beneficialOwners: [],
      noBeneficialOwnerOver25: false,
    });
  });

  it('R-F1 prefills a private person, and a company with no address nor signatory', () => {
    const individual = prefillIdentification(
      { ...company, isIndividual: true },
      { ...signatory, capacity: 'Gérant' },
    );
    expect(individual).toMatchObject({
      clientType: 'private_person',
      person: { id: 'k-1' },
      representatives: [],
    });
    const bare = prefillIdentification(
      { ...company, addressLine1: null, postalCode: null, city: null },
      null,
    );
    expect(bare).toMatchObject({ company: { registeredOffice: null }, representatives: [] });
  });
});

describe('R-F1 evidence files', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7 …');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

  it('R-F1 accepts a PDF that starts as one, and an image its decoder reads', () => {
    expect(checkEvidenceFile({ contentType: 'application/pdf', bytes: pdf, imageReadable: false }).ok).toBe(
      true,
    );
    expect(checkEvidenceFile({ contentType: 'image/png', bytes: png, imageReadable: true }).ok).toBe(true);
  });

  it('R-F1 refuses a renamed file, an unreadable image, an empty or oversized one', () => {
    expect(checkEvidenceFile({ contentType: 'image/png', bytes: pdf, imageReadable: true })).toEqual({
      ok: false,
      error: { code: 'VIGILANCE.EVIDENCE_INVALID', details: { contentType: 'image/png' } },
    });
    expect(checkEvidenceFile({ contentType: 'image/png', bytes: png, imageReadable: false }).ok).toBe(false);
    expect(checkEvidenceFile({ contentType: 'application/pdf', bytes: png, imageReadable: false }).ok).toBe(
      false,
    );
    expect(
      checkEvidenceFile({ contentType: 'application/pdf', bytes: new Uint8Array(), imageReadable: false }).ok,
    ).toBe(false);
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set(pdf);
    expect(
      checkEvidenceFile({ contentType: 'application/pdf', bytes: big, imageReadable: false }),
    ).toMatchObject({
      error: { details: { byteSize: EVIDENCE_MAX_BYTES + 1 } },
    });
  });
});

describe('R-F5 matches that block', () => {
  it('R-F5 an open or confirmed match blocks the contract, a cleared one does not', () => {
    expect(isBlockingMatch({ status: 'open' })).toBe(true);
    expect(isBlockingMatch({ status: 'confirmed' })).toBe(true);
    expect(isBlockingMatch({ status: 'cleared' })).toBe(false);
  });
});
