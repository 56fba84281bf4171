import type { IsoDate } from '../shared/dates.ts';
import { formatDateFr } from '../shared/format.ts';
import { frenchTypography } from '../shared/typography.ts';
import { escapeHtml, type MailContent } from '../signing/mail-content.ts';

/** One review the responsible user is reminded of: the client, its due date, why it is asked. */
export type ReviewToRemind = {
  readonly companyName: string;
  readonly dueOn: IsoDate;
  readonly reason: 'periodic' | 'amendment' | 'replacement_letter';
  readonly link: string;
};

const REASONS: Record<ReviewToRemind['reason'], string> = {
  periodic: 'revue périodique',
  amendment: 'revue demandée par un avenant',
  replacement_letter: 'revue demandée par une lettre substitutive',
};

const lineOf = (review: ReviewToRemind, today: IsoDate): string => {
  const when = review.dueOn < today ? 'en retard depuis le' : 'due le';
  return frenchTypography(
    `${review.companyName} : ${REASONS[review.reason]}, ${when} ${formatDateFr(review.dueOn)}`,
  );
};

/**
 * R-F4: the mail reminding the responsible user of the LCB-FT reviews due soon or overdue on their
 * engagements. Never the level, the notes or the people (R-F6): the client's name and the date.
 */
export const reviewReminderMail = (input: {
  firmName: string;
  userName: string;
  reviews: readonly ReviewToRemind[];
  today: IsoDate;
}): MailContent => {
  const count = input.reviews.length;
  const subject = frenchTypography(
    count === 1
      ? `Lettrine : revue LCB-FT à faire (${input.reviews[0]?.companyName ?? ''})`
      : `Lettrine : ${count} revues LCB-FT à faire`,
  );
  const intro = frenchTypography(
    `Les dossiers LCB-FT suivants, dont vous êtes responsable chez ${input.firmName}, sont à revoir. Une revue en retard bloque l’envoi des lettres de mission du client.`,
  );
  const outro = frenchTypography(
    'Ouvrez l’onglet « Vigilance LCB-FT » de l’affaire, vérifiez le dossier puis enregistrez la revue.',
  );
  const greeting = `Bonjour ${input.userName},`;
  const lines = input.reviews.map((review) => lineOf(review, input.today));
  const text = `${[
    greeting,
    intro,
    input.reviews.map((r, i) => `- ${lines[i]}\n  ${r.link}`).join('\n'),
    outro,
  ].join('\n\n')}\n`;
  const html = [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial, Helvetica, sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...input.reviews.map(
      (r, i) => `<li><a href="${escapeHtml(r.link)}">${escapeHtml(lines[i] ?? '')}</a></li>`,
    ),
    '</ul>',
    `<p>${escapeHtml(outro)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
};
