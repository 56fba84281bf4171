import nodemailer from 'nodemailer';
import type { MailTransport } from '../../application/ports/index.ts';

export type MailSettings = {
  /** smtp://user:pass@host:587 or smtps://…; undefined keeps every mail in the product's outbox. */
  smtpUrl?: string;
  from: { name: string; address: string };
};

/**
 * Mail through SMTP with a pooled nodemailer transport, or none at all: with no SMTP server
 * configured the mails stay in the firm's outbox, where the product shows them.
 */
export const createMailTransport = (settings: MailSettings): MailTransport => {
  if (!settings.smtpUrl) {
    return {
      mode: 'outbox',
      deliver: async () => ({ messageId: null }),
      close: async () => {},
    };
  }
  const url = new URL(settings.smtpUrl);
  url.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(url.toString(), { from: settings.from });
  return {
    mode: 'smtp',
    async deliver(mail) {
      const info = await transport.sendMail({
        to: mail.to,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments?.map((file) => ({
          filename: file.filename,
          contentType: file.contentType,
          content: Buffer.from(file.content),
        })),
      });
      return { messageId: info.messageId ?? null };
    },
    close: async () => transport.close(),
  };
};
