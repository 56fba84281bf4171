import { formatDateFr } from '../../shared/format.ts';
import type { Decimal } from '../../shared/money.ts';
import { groupSiren, groupSirensIn } from '../../shared/typography.ts';
import type { Recurrence } from '../kinds.ts';
import type { ClientFacts, FirmFacts } from './facts.ts';

/** The French words and number formats every document shares. */

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  monthly: 'Mensuelle',
  quarterly: 'Trimestrielle',
  yearly: 'Annuelle',
  one_off: 'Ponctuelle',
};

export const PERIOD_LABELS: Record<Recurrence, string> = {
  monthly: 'par mois',
  quarterly: 'par trimestre',
  yearly: 'par an',
  one_off: 'une fois',
};

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** "7.5" → "7,5"; "1.000" → "1". */
export const formatQuantity = (quantity: Decimal): string => {
  const [units = '0', decimals = ''] = quantity.split('.');
  const kept = decimals.replace(/0+$/, '');
  return kept ? `${units},${kept}` : units;
};

/**
 * The unit of a line, in the plural above one: « 7 bulletins », « 2 bulletins de paie »,
 * « 1 forfait ». French plurals of the units a firm uses take an s on their first word.
 */
export const formatUnit = (unitLabel: string | null, quantity: Decimal): string => {
  const unit = unitLabel ?? 'forfait';
  if (Number(quantity) <= 1) return unit;
  const [head = '', ...rest] = unit.split(' ');
  const plural = /[sxz]$/i.test(head) ? head : `${head}s`;
  return [plural, ...rest].join(' ');
};

/** 2000 basis points → "20 %"; 550 → "5,5 %". */
export const formatRate = (basisPoints: number): string =>
  `${formatQuantity((basisPoints / 100).toFixed(2))} %`;

/** "3.00" → "+3,00 %", "-1.50" → "−1,50 %" (the typographic minus). */
export const formatPercent = (percent: Decimal | null): string => {
  if (percent === null) return '—';
  const negative = percent.startsWith('-');
  const digits = (negative ? percent.slice(1) : percent).replace('.', ',');
  return `${negative ? '−' : '+'}${digits} %`;
};

/** "2026-12-31" → "31/12/2026"; null → "—". */
export const formatDate = (date: string | null): string => (date ? formatDateFr(date) : '—');

// Signatures are evidence: their instants are printed in the time a French reader lives in.
const parisInstant = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * "2026-11-29T09:42:13Z" → "29/11/2026 à 10:42:13 (heure de Paris)"; with `minutes`, "… à 10:42 …".
 * Built from the parts, so the words do not depend on how the ICU data joins a date and a time.
 */
export const formatInstant = (instant: string, precision: 'seconds' | 'minutes' = 'seconds'): string => {
  const parts = Object.fromEntries(
    parisInstant.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  const time = `${parts.hour}:${parts.minute}${precision === 'seconds' ? `:${parts.second}` : ''}`;
  return `${parts.day}/${parts.month}/${parts.year} à ${time} (heure de Paris)`;
};

/** "2026-11-29T13:03:00Z" → "29/11/2026 à 14:03:00": a cell of a table whose heading names Paris time. */
export const formatParisTime = (instant: string): string =>
  formatInstant(instant).replace(' (heure de Paris)', '');

/** "12-31" → "31 décembre". */
export const formatFiscalYearEnd = (closing: string): string => {
  const [month = 1, day = 1] = closing.split('-').map(Number);
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1] ?? ''}`;
};

/** "2027-01-01" → "janvier 2027". */
export const formatMonth = (date: string): string =>
  `${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;

/** "Lyon 812 345 676" → "RCS Lyon 812 345 676"; a value already written "RCS …" stays as it is. */
const withPrefix = (prefix: string, value: string): string =>
  value.toUpperCase().startsWith(prefix) ? value : `${prefix} ${value}`;

const joinPresent = (parts: readonly (string | null)[], separator: string): string =>
  parts.filter((part): part is string => !!part && part.trim() !== '').join(separator);

export const addressLines = (party: {
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
}): string[] =>
  [party.addressLine1, party.addressLine2, joinPresent([party.postalCode, party.city], ' ')].filter(
    (line): line is string => !!line,
  );

/**
 * "Conseil régional de l’Ordre … Auvergne-Rhône-Alpes" is printed as given; "Conseil régional
 * Auvergne-Rhône-Alpes" or a bare region is completed, so it is never read as the region's own
 * council. A noun, not « inscrit(e) », so it agrees with any firm.
 */
const ordreLine = (council: string): string => {
  if (/ordre/i.test(council))
    return `Inscription au tableau du ${council.charAt(0).toLowerCase()}${council.slice(1)}`;
  const region = council.replace(/^conseil régional( de la région| de l’| d’| de)?\s*/i, '');
  return `Inscription au tableau du conseil régional de l’Ordre des experts-comptables ${region}`;
};

/** The firm's mandatory identity (DOMAIN.md), as printed at the top of the first page. */
export const firmIdentityLines = (firm: FirmFacts): string[] =>
  [
    joinPresent([firm.name, firm.legalForm], ', '),
    joinPresent(addressLines(firm), ', '),
    joinPresent([firm.phone && `Tél. ${firm.phone}`, firm.email], ' · '),
    joinPresent(
      [
        firm.rcs && withPrefix('RCS', groupSirensIn(firm.rcs)),
        firm.vatNumber && `TVA intracommunautaire ${firm.vatNumber}`,
      ],
      ' · ',
    ),
    firm.ordreCouncil ? ordreLine(firm.ordreCouncil) : '',
    joinPresent(
      [firm.insurer && `Responsabilité civile professionnelle : ${firm.insurer}`, firm.insuranceCoverage],
      ', ',
    ),
  ].filter((line) => line !== '');

export const clientIdentityLines = (client: ClientFacts): string[] =>
  [
    client.name,
    ...(client.isIndividual
      ? ['Particulier']
      : [joinPresent([client.legalForm, client.siren && `SIREN ${groupSiren(client.siren)}`], ' · ')]),
    ...addressLines(client),
    ...(client.activity ? [`Activité : ${client.activity}`] : []),
    `Clôture de l’exercice : ${formatFiscalYearEnd(client.fiscalYearEnd)}`,
    ...(client.clientCode ? [`Dossier ${client.clientCode}`] : []),
  ].filter((line) => line !== '');

/**
 * The firm as a party, below its full identity printed once at the top of page one: its name and
 * form only, so the first page carries one identity block for the firm, not two.
 */
export const firmPartyLines = (firm: FirmFacts): string[] => [joinPresent([firm.name, firm.legalForm], ', ')];

/** « 1er » / « 1re », then « 2ᵉ », « 3ᵉ »…: the ordinals French typography writes. */
export const formatOrdinal = (n: number, gender: 'masculine' | 'feminine' = 'masculine'): string =>
  n === 1 ? (gender === 'feminine' ? '1re' : '1er') : `${n}ᵉ`;

/**
 * A capacity inside a sentence, after a name and a comma: « Claire Dupré, experte-comptable
 * associée ». Stored with its capital for a line of its own (a signature box); an acronym (« DAF »,
 * « CAC ») keeps its capitals.
 */
export const capacityInSentence = (capacity: string): string =>
  /^\p{Lu}\p{Ll}/u.test(capacity) ? `${capacity.charAt(0).toLowerCase()}${capacity.slice(1)}` : capacity;
