import { parisDate } from '../shared/dates.ts';
import { formatDateFr } from '../shared/format.ts';
import { frenchTypography, NO_BREAK_SPACE } from '../shared/typography.ts';
import { SIGNING_CODE } from './signing-rules.ts';

export type MailFirm = {
  name: string;
  addressLine: string | null;
  phone: string | null;
  email: string | null;
  accentColor: string | null;
};
export type MailDocument = { kindLabel: string; number: string; title: string };
export type MailContent = { subject: string; text: string; html: string };

/** What a mail says, before it is laid out as text and as HTML. */
type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; link: string }
  | { kind: 'code'; code: string }
  | { kind: 'quote'; text: string };

export const DEFAULT_ACCENT_COLOR = '#1f4e79';
const FONT = 'Arial, Helvetica, sans-serif';

export const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The accent colour lands in a style attribute: anything but "#RRGGBB" falls back to the default. */
const accentOf = (firm: MailFirm): string =>
  firm.accentColor && /^#[0-9a-f]{6}$/i.test(firm.accentColor) ? firm.accentColor : DEFAULT_ACCENT_COLOR;

/** "29/11/2026": the day in Paris, where the firm signs. */
const dayOf = (at: Date): string => formatDateFr(parisDate(at));

/** « lettre de mission LM-2026-0001 », and the title the firm gave it when it says more. */
const designation = (document: MailDocument): string =>
  `${document.kindLabel} ${document.number}${document.title.trim() ? ` « ${document.title} »` : ''}`;

const footerLines = (firm: MailFirm): string[] =>
  [firm.name, firm.addressLine, firm.phone, firm.email].filter((line): line is string => Boolean(line));

const blockText = (block: Block): string => {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
      return block.text;
    case 'button':
      return `${block.label}${NO_BREAK_SPACE}:\n${block.link}`;
    case 'code':
      return `    ${block.code}`;
  }
};

const withBreaks = (text: string): string => escapeHtml(text).replace(/\n/g, '<br>');

const paragraph = (content: string, style = ''): string =>
  `<p style="margin:0 0 16px;${style}">${content}</p>`;

const blockHtml = (block: Block, accent: string): string => {
  switch (block.kind) {
    case 'paragraph':
      return paragraph(withBreaks(block.text));
    case 'button': {
      const href = escapeHtml(block.link);
      return [
        '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">',
        `<tr><td style="border-radius:4px;background-color:${accent};">`,
        `<a href="${href}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;">${escapeHtml(block.label)}</a>`,
        '</td></tr></table>',
        paragraph(
          `${escapeHtml(frenchTypography('Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :'))}<br><a href="${href}" style="color:${accent};word-break:break-all;">${href}</a>`,
          'font-size:13px;color:#555555;',
        ),
      ].join('');
    }
    case 'code':
      return paragraph(
        escapeHtml(block.code),
        "font-family:'Courier New', Courier, monospace;font-size:32px;font-weight:bold;letter-spacing:6px;",
      );
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid ${accent};color:#333333;">${withBreaks(block.text)}</blockquote>`;
  }
};

const layoutHtml = (firm: MailFirm, subject: string, blocks: Block[]): string => {
  const accent = accentOf(firm);
  return [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background-color:#f4f5f7;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">',
    '<tr><td align="center" style="padding:24px 12px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:560px;background-color:#ffffff;border-top:4px solid ${accent};border-radius:6px;">`,
    `<tr><td style="padding:24px 28px 8px;font-family:${FONT};font-size:18px;font-weight:bold;color:${accent};">${escapeHtml(firm.name)}</td></tr>`,
    `<tr><td style="padding:8px 28px 8px;font-family:${FONT};font-size:15px;line-height:1.5;color:#1a1a1a;">`,
    blocks.map((block) => blockHtml(block, accent)).join(''),
    '</td></tr>',
    `<tr><td style="padding:16px 28px 24px;border-top:1px solid #e5e7eb;font-family:${FONT};font-size:12px;line-height:1.5;color:#6b7280;">`,
    footerLines(firm).map(escapeHtml).join('<br>'),
    '</td></tr></table></td></tr></table></body></html>',
  ].join('\n');
};

const typeset = (block: Block): Block => {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
      return { ...block, text: frenchTypography(block.text) };
    case 'button':
      return { ...block, label: frenchTypography(block.label) };
    case 'code':
      return block;
  }
};

/** Both versions of one mail, from the same blocks: what the HTML says, the text says too. */
const compose = (firm: MailFirm, subject: string, body: Block[]): MailContent => {
  const blocks: Block[] = [...body.map(typeset), { kind: 'paragraph', text: `Cordialement,\n${firm.name}` }];
  const typedSubject = frenchTypography(subject);
  const text = [...blocks.map(blockText), `-- \n${footerLines(firm).join('\n')}`].join('\n\n');
  return { subject: typedSubject, text: `${text}\n`, html: layoutHtml(firm, typedSubject, blocks) };
};

const greeting = (name: string): Block => ({ kind: 'paragraph', text: `Bonjour ${name},` });
const say = (text: string): Block => ({ kind: 'paragraph', text });

const signingSteps = (): Block =>
  say(
    `Pour signer : lisez le document, cochez la case de consentement, saisissez le code à ${SIGNING_CODE.digits} chiffres que vous recevrez par e-mail, puis signez en tapant votre nom.`,
  );

const personalLink = (): Block =>
  say('Ce lien vous est personnel : ne le transférez pas, il permet de signer en votre nom.');

/**
 * The last day to sign, in the words the proposal's PDF uses (« au plus tard le », that day
 * included): a deadline is the end of a Paris day (signing-rules endOfParisDay), so the day printed
 * is the day a signature is still accepted.
 */
const deadlineBlocks = (deadline: Date | null): Block[] =>
  deadline ? [say(`Ce document est à signer au plus tard le ${dayOf(deadline)}.`)] : [];

export const signatureRequestMail = (input: {
  firm: MailFirm;
  document: MailDocument;
  signerName: string;
  link: string;
  deadline: Date | null;
  side: 'client' | 'firm';
  /** Issue 18: the sender's own words, quoted as written (escaped in the HTML like every text). */
  message?: string | null;
  /** Who wrote the message, named above it. */
  senderName?: string | null;
}): MailContent => {
  const { firm, document } = input;
  const message = input.message?.trim();
  const personal: Block[] = message
    ? [
        say(input.senderName ? `Message de ${input.senderName} :` : 'Message du cabinet :'),
        { kind: 'quote', text: message },
      ]
    : [];
  const invitation =
    input.side === 'firm'
      ? `En tant qu’associé signataire du cabinet, votre signature est attendue au nom de ${firm.name} sur le document suivant : ${designation(document)}.`
      : `${firm.name} vous invite à signer électroniquement le document suivant : ${designation(document)}.`;
  return compose(firm, `${firm.name} : ${document.kindLabel} ${document.number} à signer`, [
    greeting(input.signerName),
    say(invitation),
    ...personal,
    ...deadlineBlocks(input.deadline),
    signingSteps(),
    { kind: 'button', label: 'Lire et signer le document', link: input.link },
    personalLink(),
  ]);
};

export const signatureCodeMail = (input: {
  firm: MailFirm;
  document: MailDocument;
  signerName: string;
  code: string;
  validMinutes: number;
}): MailContent => {
  const { firm, document } = input;
  const minutes = `${input.validMinutes} minute${input.validMinutes > 1 ? 's' : ''}`;
  return compose(firm, `${firm.name} : votre code de signature (${document.kindLabel} ${document.number})`, [
    greeting(input.signerName),
    say(`Voici le code à saisir pour signer le document ${designation(document)} :`),
    { kind: 'code', code: input.code },
    say(`Ce code est valable ${minutes}. Ne le communiquez à personne.`),
    say('Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.'),
  ]);
};

export const signatureReminderMail = (input: {
  firm: MailFirm;
  document: MailDocument;
  signerName: string;
  link: string;
  deadline: Date | null;
  reminderNumber: number;
}): MailContent => {
  const { firm, document } = input;
  const label = input.reminderNumber > 1 ? `Rappel n° ${input.reminderNumber}` : 'Rappel';
  return compose(firm, `${label} : ${document.kindLabel} ${document.number} à signer – ${firm.name}`, [
    greeting(input.signerName),
    say(`${firm.name} attend toujours votre signature sur le document suivant : ${designation(document)}.`),
    ...deadlineBlocks(input.deadline),
    signingSteps(),
    { kind: 'button', label: 'Lire et signer le document', link: input.link },
    personalLink(),
    say('Si vous avez déjà signé, ne tenez pas compte de ce message.'),
  ]);
};

export const signedCopyMail = (input: {
  firm: MailFirm;
  document: MailDocument;
  signerName: string;
  signedOn: Date;
  /** The product's verification page, when the caller knows its address. */
  verificationUrl?: string | null;
  /** Issue 15: a self-signed seal proves integrity only; a reader will not know its issuer. */
  selfSignedSeal?: boolean;
}): MailContent => {
  const { firm, document } = input;
  const check: Block[] = input.verificationUrl
    ? [{ kind: 'button', label: 'Vérifier le document', link: input.verificationUrl }]
    : [];
  return compose(firm, `${firm.name} : votre exemplaire signé (${document.kindLabel} ${document.number})`, [
    greeting(input.signerName),
    say(
      `Le document ${designation(document)} a été signé le ${dayOf(input.signedOn)}. Vous trouverez en pièce jointe son exemplaire signé et scellé ; conservez-le.`,
    ),
    say(
      `Il porte le cachet électronique de ${firm.name} : tout lecteur PDF qui affiche les signatures (Adobe Acrobat Reader, par exemple) montre s’il a été modifié depuis, et la page de vérification de Lettrine le confirme.${
        input.selfSignedSeal
          ? ' Ce cachet est un certificat auto-signé du cabinet : votre lecteur peut indiquer que son émetteur lui est inconnu.'
          : ''
      }`,
    ),
    ...check,
  ]);
};

export const documentRefusedMail = (input: {
  firm: MailFirm;
  document: MailDocument;
  signerName: string;
  reason: string | null;
}): MailContent => {
  const { firm, document } = input;
  const reason: Block[] = input.reason?.trim()
    ? [say('Motif indiqué :'), { kind: 'quote', text: `« ${input.reason.trim()} »` }]
    : [say('Aucun motif n’a été indiqué.')];
  return compose(
    firm,
    `Refus de signature : ${document.kindLabel} ${document.number} (${input.signerName})`,
    [
      say('Bonjour,'),
      say(`${input.signerName} a refusé de signer le document ${designation(document)}.`),
      ...reason,
      say('Le document ne peut plus être signé. Reprenez contact avec le client pour convenir de la suite.'),
    ],
  );
};
