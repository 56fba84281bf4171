import { describe, expect, it } from 'vitest';
import { missingIdentification, namedPersons } from '../../src/domain/vigilance/identification.ts';
import { aCompanyFile, anEvidence, anEvidenceSet, aPerson } from '../builders/vigilance.ts';

const TODAY = '2026-11-29';
const codes = (...args: Parameters<typeof missingIdentification>) =>
  missingIdentification(...args).map((m) => m.code);

describe('R-F1 identification file', () => {
  it('R-F1 accepts a complete company file with its evidence checked', () => {
    expect(missingIdentification(aCompanyFile(), anEvidenceSet(), TODAY)).toEqual([]);
  });

  it('R-F1 lists every missing company item, in French, with the evidence', () => {
    const file = aCompanyFile({
      company: { name: ' ', legalForm: null, siren: null, registeredOffice: null },
      representatives: [],
      beneficialOwners: [],
    });
    const missing = missingIdentification(file, [], TODAY);
    expect(missing.map((m) => m.code)).toEqual([
      'company.name',
      'company.legalForm',
      'company.siren',
      'company.registeredOffice',
      'representatives',
      'beneficialOwners',
      'evidence.kbis',
      'evidence.beneficialOwnersRegister',
    ]);
    expect(missing[5]?.message).toContain('25 %');
  });

  it('R-F1 accepts the recorded statement that no one exceeds 25 % instead of owners', () => {
    const file = aCompanyFile({ beneficialOwners: [], noBeneficialOwnerOver25: true });
    expect(codes(file, anEvidenceSet(), TODAY)).toEqual([]);
  });

  it('R-F1 asks each owner for birth, nationality and share or control', () => {
    const owner = {
      ...aPerson({ id: 'p-2', birthDate: null, birthPlace: '', nationality: null, firstNames: '' }),
      sharePercent: null,
      control: null,
    };
    expect(codes(aCompanyFile({ beneficialOwners: [owner] }), anEvidenceSet(), TODAY)).toEqual([
      'beneficialOwners.0.name',
      'beneficialOwners.0.birthDate',
      'beneficialOwners.0.birthPlace',
      'beneficialOwners.0.nationality',
      'beneficialOwners.0.control',
    ]);
  });

  it('R-F1 asks each representative for a capacity and an identity document', () => {
    const rep = { ...aPerson({ id: 'p-9', lastName: '', firstNames: '' }), capacity: '' };
    const missing = missingIdentification(aCompanyFile({ representatives: [rep] }), anEvidenceSet(), TODAY);
    expect(missing.map((m) => m.code)).toEqual([
      'representatives.0.name',
      'representatives.0.capacity',
      'evidence.identity.p-9',
    ]);
    expect(missing[0]?.message).toContain('sans nom');
  });

  it('R-F1 refuses an expired identity document, or one without its number', () => {
    const expired = anEvidence({
      kind: 'identity_document',
      personId: 'p-1',
      documentNumber: 'X',
      expiresOn: '2026-11-28',
    });
    const unnumbered = anEvidence({
      kind: 'identity_document',
      personId: 'p-1',
      documentNumber: ' ',
      expiresOn: '2030-01-01',
    });
    const others = anEvidenceSet().slice(0, 2);
    expect(codes(aCompanyFile(), [...others, expired], TODAY)).toEqual(['evidence.identity.p-1.valid']);
    expect(codes(aCompanyFile(), [...others, unnumbered], TODAY)).toEqual(['evidence.identity.p-1.valid']);
  });

  it('R-F1 wants to know who checked each evidence and when', () => {
    const unchecked = anEvidenceSet().map((e) => ({ ...e, checkedBy: null }));
    expect(codes(aCompanyFile(), unchecked, TODAY)).toEqual([
      'evidence.kbis',
      'evidence.beneficialOwnersRegister',
      'evidence.identity.p-1.checked',
    ]);
  });

  it('R-F1 identifies a private person by names, birth date and place, and an identity document', () => {
    const file = aCompanyFile({ clientType: 'private_person', person: aPerson({ birthPlace: null }) });
    expect(codes(file, [], TODAY)).toEqual(['person.birthPlace', 'evidence.identity.p-1']);
    expect(codes({ ...file, person: aPerson() }, anEvidenceSet().slice(2), TODAY)).toEqual([]);
  });

  it('R-F1 says a private client not yet named is not identified', () => {
    expect(codes(aCompanyFile({ clientType: 'private_person', person: null }), [], TODAY)).toEqual([
      'person',
    ]);
  });
});

describe('R-F5 the named persons screened', () => {
  it('R-F5 screens representatives and owners of a company, the person of a private client', () => {
    const file = aCompanyFile();
    expect(namedPersons(file)).toHaveLength(2);
    expect(
      namedPersons({ ...file, clientType: 'private_person', person: aPerson({ id: 'x' }) }).map((p) => p.id),
    ).toEqual(['x']);
    expect(namedPersons({ ...file, clientType: 'private_person', person: null })).toEqual([]);
  });
});
