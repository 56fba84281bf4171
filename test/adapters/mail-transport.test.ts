import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailTransport } from '../../src/adapters/mail/mail-transport.ts';
import type { MailTransport, OutgoingMail } from '../../src/application/ports/index.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp.ts';

const FROM = { name: 'Cabinet Dupré & Associés', address: 'signature@dupre-associes.fr' };

// Every byte value, so a lossy transfer encoding would show.
const PDF = new Uint8Array([
  ...new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'),
  ...Array.from({ length: 256 }, (_, byte) => byte),
  ...new TextEncoder().encode('\n%%EOF\n'),
]);

const aMail = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: { name: 'Marie Müller-Lefèvre', address: 'marie@client.example' },
  replyTo: { name: 'Jeanne Dupré', address: 'jeanne@dupre-associes.fr' },
  subject: 'Cabinet Dupré & Associés\u00a0: lettre de mission «\u202fTenue comptable\u202f» à signer',
  text: 'Bonjour Marie,\n\nVoici votre lettre de mission à signer\u00a0: https://lettrine.example/s/abc?x=1&y=2\n\nCordialement,\nCabinet Dupré & Associés\n',
  html: '<p>Bonjour Marie,</p><p>Cabinet Dupré &amp; Associés «\u202fé à ç œ\u202f»</p>',
  attachments: [{ filename: 'LM-2026-0001 signée.pdf', contentType: 'application/pdf', content: PDF }],
  ...overrides,
});

describe('createMailTransport', () => {
  let receiver: SmtpReceiver;
  let transport: MailTransport | undefined;

  beforeEach(async () => {
    receiver = await startSmtpReceiver();
  });

  afterEach(async () => {
    await transport?.close();
    transport = undefined;
    await receiver.close();
  });

  it('delivers subject, text, HTML and a PDF attachment intact over SMTP', async () => {
    transport = createMailTransport({ smtpUrl: receiver.url, from: FROM });
    expect(transport.mode).toBe('smtp');
    const mail = aMail();

    const { messageId } = await transport.deliver(mail);

    const received = await receiver.waitForMail((m) => m.to !== undefined);
    expect(messageId).toBeTruthy();
    expect(received.messageId).toBe(messageId);
    expect(received.subject).toBe(mail.subject);
    expect(received.text).toBe(mail.text);
    expect(received.html).toBe(mail.html);
    expect(received.from?.value).toEqual([FROM]);
    expect(received.to).toMatchObject({ value: [mail.to] });
    expect(received.replyTo?.value).toEqual([mail.replyTo]);
    expect(received.attachments).toHaveLength(1);
    const [attachment] = received.attachments;
    expect(attachment?.filename).toBe('LM-2026-0001 signée.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    expect(new Uint8Array(attachment!.content)).toEqual(PDF);
  });

  it('sends a mail without reply-to nor attachment', async () => {
    transport = createMailTransport({ smtpUrl: receiver.url, from: FROM });

    await transport.deliver(aMail({ replyTo: null, attachments: undefined }));

    const [received] = receiver.mails;
    expect(received?.replyTo).toBeUndefined();
    expect(received?.attachments).toEqual([]);
  });

  it('rejects when the server answers a temporary error, so the job can retry, and delivers on retry', async () => {
    transport = createMailTransport({ smtpUrl: receiver.url, from: FROM });
    receiver.failNext(1);

    await expect(transport.deliver(aMail())).rejects.toMatchObject({ responseCode: 451 });
    expect(receiver.mails).toHaveLength(0);

    await transport.deliver(aMail());
    expect(receiver.mails).toHaveLength(1);
  });

  it('keeps the mails in the outbox when no SMTP server is configured', async () => {
    transport = createMailTransport({ from: FROM });
    expect(transport.mode).toBe('outbox');

    await expect(transport.deliver(aMail())).resolves.toEqual({ messageId: null });

    await expect(receiver.waitForMail(() => true, 300)).rejects.toThrow(/no matching mail/);
    expect(receiver.mails).toHaveLength(0);
  });
});
