import type { Cents } from './money.ts';

const euro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const dateFr = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * French money format: "1 236,00 €". Intl writes a narrow no-break space between thousands and a
 * no-break space before the sign; both are kept so a line never breaks inside an amount.
 */
export const formatEuros = (amount: Cents): string => euro.format(amount / 100);

/** "2026-11-29" → "29/11/2026". */
export const formatDateFr = (isoDate: string): string => dateFr.format(new Date(`${isoDate}T00:00:00Z`));
