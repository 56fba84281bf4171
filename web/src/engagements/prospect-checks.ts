import type { MessageKey } from '../i18n/fr.ts';
import type { Translate } from '../i18n/i18n.tsx';

/**
 * What the prospect and contact forms check before sending: every problem at once, in the form, by
 * field path (`company.postalCode`, `signatory.email`), as i18n keys. The server checks the same and
 * more (the SIREN's key); these checks spare a round trip and never let a value be dropped silently.
 */
export type Problems = Record<string, MessageKey>;

/** The problems in the person's language, by the same field paths. */
export const translateProblems = (t: Translate, problems: Problems): Record<string, string> =>
  Object.fromEntries(Object.entries(problems).map(([path, key]) => [path, t(key)]));

/** An address as the server takes it (zod's e-mail): a name, an @, a domain with a dot. */
const EMAIL = /^[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** A French postcode: five digits (69001, 2A004 is written 20004 by La Poste). */
const POSTCODE = /^\d{5}$/;

export const isEmail = (value: string) => EMAIL.test(value.trim());
export const isFrenchPostcode = (value: string) => POSTCODE.test(value.trim());

export type CompanyCheck = {
  name: string;
  siren: string;
  postalCode: string;
  isIndividual: boolean;
};

/** The client itself: a name; a SIREN of 9 digits for a company; a postcode of 5 digits. */
export const companyProblems = (company: CompanyCheck, prefix = ''): Problems => {
  const problems: Problems = {};
  if (!company.name.trim())
    problems[`${prefix}name`] = company.isIndividual ? 'check.personNameRequired' : 'check.nameRequired';
  const siren = company.siren.replace(/[\s.]/g, '');
  if (!company.isIndividual && !siren) problems[`${prefix}siren`] = 'check.sirenRequired';
  else if (!company.isIndividual && !/^\d{9}$/.test(siren)) problems[`${prefix}siren`] = 'check.sirenFormat';
  if (company.postalCode.trim() && !isFrenchPostcode(company.postalCode))
    problems[`${prefix}postalCode`] = 'check.postalCode';
  return problems;
};

export type PersonCheck = {
  firstName: string;
  lastName: string;
  email: string;
  capacity?: string;
  phone?: string;
};

/** Whether anything is said of a person: a name, an e-mail, a capacity or a phone. */
export const isPersonSaid = (person: PersonCheck): boolean =>
  [person.firstName, person.lastName, person.email, person.capacity ?? '', person.phone ?? ''].some(
    (value) => value.trim() !== '',
  );

/**
 * A person of the client: both names as soon as anything is said of them (an e-mail without a name
 * is refused, never dropped), and a readable e-mail. `optional`: nothing typed at all is no person.
 */
export const personProblems = (person: PersonCheck, prefix = '', optional = false): Problems => {
  const problems: Problems = {};
  if (optional && !isPersonSaid(person)) return problems;
  if (!person.firstName.trim()) problems[`${prefix}firstName`] = 'check.firstNameRequired';
  if (!person.lastName.trim()) problems[`${prefix}lastName`] = 'check.lastNameRequired';
  if (person.email.trim() && !isEmail(person.email)) problems[`${prefix}email`] = 'check.email';
  return problems;
};
