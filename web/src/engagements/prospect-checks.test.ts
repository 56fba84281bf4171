import { describe, expect, it } from 'vitest';
import { companyProblems, isEmail, isFrenchPostcode, personProblems } from './prospect-checks.ts';

const company = {
  name: 'Boulangerie Martin',
  siren: '732 829 320',
  postalCode: '69001',
  isIndividual: false,
};

describe('the checks of a new prospect, made in the form', () => {
  it('refuses « pas-un-email » and « 6900 », and takes real ones', () => {
    expect(isEmail('pas-un-email')).toBe(false);
    expect(isEmail('anne@martin')).toBe(false);
    expect(isEmail(' anne.martin@boulangerie-martin.fr ')).toBe(true);
    expect(isFrenchPostcode('6900')).toBe(false);
    expect(isFrenchPostcode('69 001')).toBe(false);
    expect(isFrenchPostcode('69001')).toBe(true);
  });

  it('names every problem at once, each on its field', () => {
    expect(
      companyProblems({ name: ' ', siren: '12', postalCode: '6900', isIndividual: false }, 'company.'),
    ).toEqual({
      'company.name': 'check.nameRequired',
      'company.siren': 'check.sirenFormat',
      'company.postalCode': 'check.postalCode',
    });
    expect(companyProblems(company)).toEqual({});
    expect(companyProblems({ ...company, siren: '' })).toEqual({ siren: 'check.sirenRequired' });
  });

  it('a private person needs no SIREN, only a name', () => {
    expect(companyProblems({ name: 'Jeanne Petit', siren: '', postalCode: '', isIndividual: true })).toEqual(
      {},
    );
    expect(companyProblems({ name: '', siren: '', postalCode: '', isIndividual: true })).toEqual({
      name: 'check.personNameRequired',
    });
  });

  it('a signatory with an e-mail but no name is refused, not dropped', () => {
    const problems = personProblems(
      { firstName: '', lastName: '', email: 'pas-un-email', capacity: '' },
      'signatory.',
      true,
    );
    expect(problems).toEqual({
      'signatory.firstName': 'check.firstNameRequired',
      'signatory.lastName': 'check.lastNameRequired',
      'signatory.email': 'check.email',
    });
  });

  it('no signatory at all is allowed when it is optional, never for a contact being added', () => {
    const nobody = { firstName: '', lastName: '', email: '' };
    expect(personProblems(nobody, 'signatory.', true)).toEqual({});
    expect(Object.keys(personProblems(nobody))).toEqual(['firstName', 'lastName']);
  });
});
