import { formatEuros } from '../../shared/format.ts';
import { isLetterKind } from '../kinds.ts';
import { type FirstPeriod, firstPeriodOf } from '../term-period.ts';
import type { DocumentFacts } from './facts.ts';
import { formatDate } from './wording.ts';

/**
 * Issue 14, item 1: a letter says which fiscal years it covers, and its duration, its fees and its
 * instalment schedule follow one first period (firstPeriodOf).
 */

/** The first period of a letter with an effective date; none for the other kinds. */
export const firstPeriodOfFacts = (facts: DocumentFacts): FirstPeriod | null =>
  isLetterKind(facts.kind) && facts.effectiveDate
    ? firstPeriodOf({
        effectiveDate: facts.effectiveDate,
        fiscalYearEnd: facts.client.fiscalYearEnd,
        noticeMonths: facts.noticeMonths,
        durationMonths: facts.durationMonths,
      })
    : null;

/** « l’exercice du 01/04/2026 au 31/03/2027 (à compter du 01/01/2027) et l’exercice du … » */
export const describeFiscalYears = (period: FirstPeriod): string => {
  const years = period.fiscalYears.map(
    (year) =>
      `l’exercice du ${formatDate(year.start)} au ${formatDate(year.end)}${year.start < period.start ? ` (à compter du ${formatDate(period.start)})` : ''}`,
  );
  return years.length <= 1 ? (years[0] ?? '—') : `${years.slice(0, -1).join(', ')} et ${years.at(-1)}`;
};

/** The rows of the duration section that say when the letter starts and what its first period is. */
export const periodRows = (facts: DocumentFacts): (readonly [string, string])[] => {
  const period = firstPeriodOfFacts(facts);
  if (!period) {
    return [
      ['Date d’effet', formatDate(facts.effectiveDate)],
      ['Durée', `${facts.durationMonths} mois, alignée sur les exercices comptables du client`],
      ['Fin de la première période', formatDate(facts.term?.periodEnd ?? null)],
    ];
  }
  const next =
    facts.renewal === 'tacit' ? ', puis d’exercice en exercice (douze mois) en cas de reconduction' : '';
  return [
    ['Date d’effet', formatDate(period.start)],
    ['Exercices couverts', describeFiscalYears(period)],
    [
      'Durée',
      `Première période de ${period.months} mois, du ${formatDate(period.start)} au ${formatDate(period.end)}${next}`,
    ],
    ['Fin de la première période', formatDate(period.end)],
  ];
};

/**
 * What the first period costs, said explicitly: the annual fees as they are when it lasts whole
 * years, their prorata (months / 12) otherwise.
 */
export const firstPeriodFeesText = (
  facts: DocumentFacts,
  period: FirstPeriod,
  totalCents: number,
): string => {
  const annual = formatEuros(facts.totals.annualRecurringHtCents);
  const span = `du ${formatDate(period.start)} au ${formatDate(period.end)}, ${period.months} mois`;
  return period.prorated
    ? `Honoraires de la première période (${span}) : les honoraires annuels récurrents de ${annual} HT sont dus au prorata de sa durée, soit ${period.months}/12, ${formatEuros(totalCents)} HT.`
    : `Honoraires de la première période (${span}) : les honoraires annuels récurrents de ${annual} HT sont dus sans prorata${period.months > 12 ? `, pour chacune de ses ${period.months / 12} années, soit ${formatEuros(totalCents)} HT` : ''}.`;
};
