import { frenchTypography } from '../shared/typography.ts';
import { escapeHtml } from '../signing/mail-content.ts';

export type PasswordResetMailInput = {
  firmName: string;
  userName: string;
  link: string;
  validMinutes: number;
};

/** A mail carrying one personal link: its paragraphs, the link as a button, then what follows. */
const linkMail = (input: {
  subject: string;
  before: string[];
  link: string;
  button: string;
  after: string[];
}) => {
  const subject = frenchTypography(input.subject);
  const before = input.before.map(frenchTypography);
  const after = input.after.map(frenchTypography);
  const text = `${[...before, input.link, ...after].join('\n\n')}\n`;
  const href = escapeHtml(input.link);
  const html = [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial, Helvetica, sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;">',
    ...before.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${href}" style="display:inline-block;padding:12px 24px;background-color:#1f4e79;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">${escapeHtml(frenchTypography(input.button))}</a></p>`,
    `<p style="font-size:13px;color:#555555;">${escapeHtml(frenchTypography('Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :'))}<br><a href="${href}" style="word-break:break-all;">${href}</a></p>`,
    ...after.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
};

/**
 * The mail of « Mot de passe oublié ? »: a one-time link, valid an hour. It says what to do when
 * one did not ask, since anyone may type an e-mail into the form. French only: mails have no
 * other language yet.
 */
export const passwordResetMail = (input: PasswordResetMailInput) =>
  linkMail({
    subject: 'Lettrine : réinitialisation de votre mot de passe',
    before: [
      `Bonjour ${input.userName},`,
      `Une réinitialisation du mot de passe de votre compte Lettrine (${input.firmName}) a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien dans les ${input.validMinutes} minutes ; il ne sert qu’une fois :`,
    ],
    link: input.link,
    button: 'Choisir un nouveau mot de passe',
    after: [
      'Vos sessions ouvertes et vos jetons d’API seront révoqués : reconnectez-vous ensuite avec le nouveau mot de passe.',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ],
  });

export type InvitationMailInput = {
  firmName: string;
  userName: string;
  invitedBy: string;
  link: string;
  validHours: number;
};

/** An associé invites a user: the link lets them choose their password, once, within the days given. */
export const invitationMail = (input: InvitationMailInput) =>
  linkMail({
    subject: `Lettrine : ${input.invitedBy} vous invite au ${input.firmName}`,
    before: [
      `Bonjour ${input.userName},`,
      `${input.invitedBy} vous a créé un compte Lettrine au ${input.firmName}. Pour choisir votre mot de passe, ouvrez ce lien dans les ${Math.round(input.validHours / 24)} jours ; il ne sert qu’une fois :`,
    ],
    link: input.link,
    button: 'Choisir mon mot de passe',
    after: [
      'Vous vous connecterez ensuite avec cette adresse e-mail et ce mot de passe.',
      'Si vous ne connaissez pas ce cabinet, ignorez ce message : aucun accès ne sera ouvert.',
    ],
  });
