/**
 * French formats, whatever the interface language: amounts "1 236,00 €", dates "29/11/2026". The
 * documents, the law and the clients are French; an English interface does not change the money.
 */
const euro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const day = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const instant = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** 123600 → "1 236,00 €" (Intl's narrow no-break spaces kept: an amount never breaks). */
export const formatCents = (cents: number): string => euro.format(cents / 100);

/** "2026-11-29" → "29/11/2026". */
export const formatDay = (iso: string | null | undefined): string =>
  iso ? day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—';

const parisDay = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});

/** The day of an instant in Paris: "2026-12-29T23:30:00Z" → "30/12/2026". */
export const formatInstantDay = (iso: string | Date | null | undefined): string =>
  iso ? parisDay.format(new Date(iso)) : '—';

/** An instant, in Paris time: "29/11/2026 10:30". */
export const formatInstant = (iso: string | Date | null | undefined): string =>
  iso ? instant.format(new Date(iso)) : '—';

/** An instant in Paris with its « à »: "29/11/2026 à 14:03" (the signature trail's dates). */
export const formatInstantAt = (iso: string | Date | null | undefined): string => {
  if (!iso) return '—';
  const parts = Object.fromEntries(instant.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
};

const clock = new Intl.DateTimeFormat('fr-FR', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** The time of an instant in Paris: "14:03" (« Enregistré à 14:03 »). */
export const formatTime = (at: string | Date): string => clock.format(new Date(at));

/** 2000 → "20 %", 550 → "5,5 %". */
export const formatRate = (basisPoints: number): string =>
  `${(basisPoints / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u202f%`;

/** An exact decimal string in French: "7.5" → "7,5". */
export const formatDecimal = (value: string): string => value.replace('.', ',');

/** Euros typed by a person ("1 236,50", "1236.5") → cents, or undefined when unreadable. */
export const parseEuros = (text: string): number | undefined => {
  const cleaned = text.replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return undefined;
  const [units = '0', decimals = ''] = cleaned.split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
};

const units = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0, useGrouping: true });

/**
 * Cents → the editable text of an amount, thousands apart as on the letter: 123650 → "1 236,50"
 * (a narrow no-break space, which parseEuros reads back).
 */
export const centsToInput = (cents: number): string =>
  `${units.format(Math.trunc(cents / 100))},${String(cents % 100).padStart(2, '0')}`;

/** Today in Paris, as AAAA-MM-JJ. */
export const todayInParis = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
