import type { CampaignProgress, CampaignStatus } from '../api/types.ts';
import type { MessageKey } from '../i18n/fr.ts';

/** "3.00" → "+3,00 %", "-1.50" → "-1,50 %", "0.00" → "0,00 %" (a narrow no-break space before %). */
export const formatPercent = (value: string | null | undefined): string => {
  if (value === null || value === undefined) return '—';
  const negative = value.startsWith('-');
  const digits = value.replace(/^[-+]/, '').replace('.', ',');
  const zero = !/[1-9]/.test(digits);
  return `${zero ? '' : negative ? '-' : '+'}${digits}\u202f%`;
};

/** "1.03" → "1,03". */
export const formatCoefficient = (value: string): string => value.replace('.', ',');

/** A decimal typed the French way ("1,03", " 327,3 ") → the API's "1.03". */
export const toDecimal = (text: string): string => text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');

export const statusKey = (status: CampaignStatus): MessageKey => `campaign.status.${status}`;

/** The steps of the wizard, and the one a status stands at. */
export const STEPS = ['selection', 'preview', 'generation', 'sending', 'followUp'] as const;
export type Step = (typeof STEPS)[number];

export const stepOf = (status: CampaignStatus): Step =>
  status === 'draft'
    ? 'preview'
    : status === 'generating'
      ? 'generation'
      : status === 'generated' || status === 'sending'
        ? 'sending'
        : 'followUp';

export const isWorking = (status: CampaignStatus | undefined): boolean =>
  status === 'generating' || status === 'sending';

/**
 * What the bars count, whatever the server does with an item's counter once it moves on (a sent
 * letter may or may not still count as generated): every item not left pending nor skipped is one
 * letter made.
 */
export const progressCounts = (progress: CampaignProgress) => {
  const processed = progress.total - progress.pending;
  const letters = Math.max(0, processed - progress.skipped);
  return {
    total: progress.total,
    processed,
    letters,
    skipped: progress.skipped,
    sendDone: progress.sent + progress.sendFailed,
    sent: progress.sent,
    sendFailed: progress.sendFailed,
  };
};

/** Plural keys: `${base}.one` or `${base}.other`, by the language's own rule (French: 0 and 1 are singular). */
export const pluralKey = (base: string, count: number, language: string): MessageKey =>
  `${base}.${new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
