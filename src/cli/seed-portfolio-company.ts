import type { IdGenerator } from '../application/ports/index.ts';
import type { Company, Contact, Engagement } from '../application/records.ts';
import { sirenFrom, siretFrom } from './seed-identifiers.ts';
import {
  CITIES,
  FIRST_NAMES,
  FISCAL_YEAR_ENDS,
  LEGAL_FORMS,
  STREETS,
  SURNAMES,
  TRADES,
} from './seed-portfolio-names.ts';

/** A small deterministic generator (mulberry32): the same client index always gives the same client. */
export const randomOf = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

export const instant = (day: string, time: string) => new Date(`${day}T${time}:00Z`);

const emailOf = (firstName: string, lastName: string) =>
  `${firstName}.${lastName}@exemple.fr`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z.@-]/g, '');

/**
 * The company, its signatory and its client engagement for client number `index` of the firm. SIRENs
 * start with 9 and run with the index (unique in the firm), their Luhn digit computed.
 */
export const companyRecords = (
  ids: IdGenerator,
  random: () => number,
  input: { index: number; createdAt: Date; convertedAt: Date; clientCode: string; responsibleUserId: string },
): { company: Company; contact: Contact; engagement: Engagement } => {
  const trade = pick(random, TRADES);
  const legal = pick(random, LEGAL_FORMS);
  const [civility, firstName] = pick(random, FIRST_NAMES);
  const lastName = pick(random, SURNAMES);
  const [postalCode, city] = pick(random, CITIES);
  const siren = sirenFrom(90_000_000 + input.index);
  const company: Company = {
    id: ids.uuid(),
    name: `${trade.label} ${lastName}-${pick(random, SURNAMES)}`,
    isIndividual: false,
    legalForm: legal.form,
    siren,
    siret: siretFrom(siren, 1),
    nafCode: trade.nafCode,
    activity: trade.activity,
    addressLine1: `${1 + (input.index % 120)} ${pick(random, STREETS)}`,
    addressLine2: null,
    postalCode,
    city,
    country: 'FR',
    fiscalYearEnd: pick(random, FISCAL_YEAR_ENDS),
    vatRegime: 'reel_normal',
    version: 1,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
  };
  const contact: Contact = {
    id: ids.uuid(),
    companyId: company.id,
    civility,
    firstName,
    lastName,
    email: emailOf(firstName, lastName),
    phone: `06 ${String(10 + (input.index % 90))} ${String(input.index % 100).padStart(2, '0')} 00 00`,
    capacity: legal.capacity[civility === 'M.' ? 0 : 1],
    isSignatory: true,
    version: 1,
    createdAt: input.createdAt,
  };
  const engagement: Engagement = {
    id: ids.uuid(),
    companyId: company.id,
    title: company.name,
    state: 'client',
    responsibleUserId: input.responsibleUserId,
    signatoryContactId: contact.id,
    clientCode: input.clientCode,
    convertedAt: input.convertedAt,
    version: 2,
    createdAt: input.createdAt,
    updatedAt: input.convertedAt,
  };
  return { company, contact, engagement };
};
