import { describe, expect, it } from 'vitest';
import {
  NO_BREAK_SPACE as NBSP,
  NARROW_NO_BREAK_SPACE as NNBSP,
} from '../../src/domain/shared/typography.ts';
import {
  DEFAULT_ACCENT_COLOR,
  documentRefusedMail,
  escapeHtml,
  type MailDocument,
  type MailFirm,
  signatureCodeMail,
  signatureReminderMail,
  signatureRequestMail,
  signedCopyMail,
} from '../../src/domain/signing/mail-content.ts';

const aFirm = (overrides: Partial<MailFirm> = {}): MailFirm => ({
  name: 'Cabinet Dupré & Associés',
  addressLine: '12 rue de la Paix, 75002 Paris',
  phone: '01 23 45 67 89',
  email: 'contact@dupre-associes.fr',
  accentColor: '#aa3300',
  ...overrides,
});

const aDocument = (overrides: Partial<MailDocument> = {}): MailDocument => ({
  kindLabel: 'lettre de mission',
  number: 'LM-2026-0001',
  title: 'Tenue comptable 2027',
  ...overrides,
});

const LINK = 'https://lettrine.example/signer/abc?jeton=x&y=1';
// 23:30 in Paris on 29 December, still the 29th there while UTC is 22:30.
const DEADLINE = new Date('2026-12-29T22:30:00Z');

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });
});

describe('signatureRequestMail', () => {
  const request = (overrides: Partial<Parameters<typeof signatureRequestMail>[0]> = {}) =>
    signatureRequestMail({
      firm: aFirm(),
      document: aDocument(),
      signerName: 'Marie Martin',
      link: LINK,
      deadline: DEADLINE,
      side: 'client',
      ...overrides,
    });

  it('names the firm and the document in the subject, with a no-break space before the colon', () => {
    expect(request().subject).toBe(
      `Cabinet Dupré & Associés${NBSP}: lettre de mission LM-2026-0001 à signer`,
    );
  });

  it('carries the firm, the number, the deadline in Paris and the steps in text and HTML', () => {
    const mail = request();
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Bonjour Marie Martin,');
      expect(part).toContain('LM-2026-0001');
      expect(part).toContain('à signer au plus tard le 29/12/2026');
      expect(part).toContain('cochez la case de consentement');
      expect(part).toContain('code à 6 chiffres');
      expect(part).toContain('signez en tapant votre nom');
      expect(part).toContain('ne le transférez pas');
      expect(part).toContain(`«${NNBSP}Tenue comptable 2027${NNBSP}»`);
    }
    expect(mail.text).toContain('Cabinet Dupré & Associés vous invite');
    expect(mail.html).toContain('Cabinet Dupré &amp; Associés vous invite');
  });

  it('R-B3 quotes the sender’s personal message, escaped in HTML, under the sender’s name', () => {
    const mail = request({
      message: '  Voici la lettre <b>promise</b> & signée.\nÀ bientôt  ',
      senderName: 'Paul Dupré',
    });
    expect(mail.text).toContain('Message de Paul Dupré');
    expect(mail.text).toContain('Voici la lettre <b>promise</b> & signée.\nÀ bientôt');
    expect(mail.html).toContain('Voici la lettre &lt;b&gt;promise&lt;/b&gt; &amp; signée.<br>À bientôt');
    expect(mail.html).not.toContain('<b>promise</b>');
    expect(request({ message: 'Bonjour' }).text).toContain('Message du cabinet');
    expect(request({ message: '   ' }).text).not.toContain('Message d');
  });

  it('gives the raw link in the text and an escaped one behind the button in HTML', () => {
    const mail = request();
    expect(mail.text).toContain(`Lire et signer le document${NBSP}:\n${LINK}`);
    expect(mail.html).toContain('href="https://lettrine.example/signer/abc?jeton=x&amp;y=1"');
    expect(mail.html).toContain('>Lire et signer le document</a>');
  });

  it('says nothing of a deadline when there is none', () => {
    const mail = request({ deadline: null });
    expect(mail.text).not.toContain('avant le');
    expect(mail.html).not.toContain('avant le');
  });

  it('addresses the associé who signs for the firm', () => {
    const mail = request({ side: 'firm' });
    expect(mail.text).toContain(
      'En tant qu’associé signataire du cabinet, votre signature est attendue au nom de Cabinet Dupré & Associés',
    );
    expect(mail.text).not.toContain('vous invite');
    expect(request().text).not.toContain('associé signataire');
    expect(mail.html).toContain('au nom de Cabinet Dupré &amp; Associés');
  });

  it('lays the HTML out responsive, with the firm’s accent colour on the button', () => {
    const { html } = request();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('name="viewport"');
    expect(html).toContain('max-width:560px');
    expect(html).toContain('background-color:#aa3300');
  });

  it.each([
    ['none', null],
    ['a malformed one', 'red'],
    ['an injection', '#fff;background:url(x)'],
  ])('falls back to the default accent colour for %s', (_, accentColor) => {
    const { html } = request({ firm: aFirm({ accentColor }) });
    expect(html).toContain(`background-color:${DEFAULT_ACCENT_COLOR}`);
    expect(html).not.toContain('url(x)');
  });

  it('escapes a hostile firm name in HTML and keeps it raw in the text', () => {
    const mail = request({ firm: aFirm({ name: '<script>alert(1)</script>' }) });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.text).toContain('<script>alert(1)</script>');
  });

  it('escapes every interpolated value: signer, title, link', () => {
    const mail = request({
      signerName: '<b>Marie</b>',
      document: aDocument({ title: '"Audit" <i>' }),
      link: 'https://x.example/"><img src=x>',
    });
    expect(mail.html).not.toMatch(/<b>|<i>|<img/);
    expect(mail.html).toContain('&lt;b&gt;Marie&lt;/b&gt;');
    expect(mail.html).toContain('&quot;Audit&quot; &lt;i&gt;');
    expect(mail.html).toContain('href="https://x.example/&quot;&gt;&lt;img src=x&gt;"');
  });

  it('signs with the firm and ends with its full footer', () => {
    const mail = request();
    expect(mail.text).toContain('Cordialement,\nCabinet Dupré & Associés');
    expect(mail.text).toMatch(
      /-- \nCabinet Dupré & Associés\n12 rue de la Paix, 75002 Paris\n01 23 45 67 89\ncontact@dupre-associes\.fr\n$/,
    );
    expect(mail.html).toContain('Cordialement,<br>Cabinet Dupré &amp; Associés');
    expect(mail.html).toContain(
      'Cabinet Dupré &amp; Associés<br>12 rue de la Paix, 75002 Paris<br>01 23 45 67 89<br>contact@dupre-associes.fr',
    );
  });

  it('leaves out the missing parts of the footer', () => {
    const mail = request({ firm: aFirm({ addressLine: null, phone: null, email: '' }) });
    expect(mail.text).toMatch(/-- \nCabinet Dupré & Associés\n$/);
    expect(mail.html).not.toContain('75002');
  });
});

describe('signatureCodeMail', () => {
  const codeMail = (validMinutes = 10) =>
    signatureCodeMail({
      firm: aFirm(),
      document: aDocument(),
      signerName: 'Marie Martin',
      code: '042917',
      validMinutes,
    });

  it('shows the code prominently, with its validity and a warning', () => {
    const mail = codeMail();
    expect(mail.subject).toBe(
      `Cabinet Dupré & Associés${NBSP}: votre code de signature (lettre de mission LM-2026-0001)`,
    );
    expect(mail.text).toContain('Cabinet Dupré & Associés');
    expect(mail.html).toContain('Cabinet Dupré &amp; Associés');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('042917');
      expect(part).toContain('LM-2026-0001');
      expect(part).toContain('valable 10 minutes');
      expect(part).toContain('Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.');
    }
    expect(mail.text).toContain('\n    042917\n');
    expect(mail.html).toMatch(/font-size:32px[^>]*>042917<\/p>/);
  });

  it('speaks of one minute in the singular', () => {
    expect(codeMail(1).text).toContain('valable 1 minute.');
  });
});

describe('signatureReminderMail', () => {
  const reminder = (overrides: Partial<Parameters<typeof signatureReminderMail>[0]> = {}) =>
    signatureReminderMail({
      firm: aFirm(),
      document: aDocument(),
      signerName: 'Marie Martin',
      link: LINK,
      deadline: DEADLINE,
      reminderNumber: 1,
      ...overrides,
    });

  it('says it is a reminder, with the link, the firm and the deadline', () => {
    const mail = reminder();
    expect(mail.subject).toBe(
      `Rappel${NBSP}: lettre de mission LM-2026-0001 à signer – Cabinet Dupré & Associés`,
    );
    expect(mail.text).toContain(LINK);
    expect(mail.html).toContain('href="https://lettrine.example/signer/abc?jeton=x&amp;y=1"');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('LM-2026-0001');
      expect(part).toContain('attend toujours votre signature');
      expect(part).toContain('à signer au plus tard le 29/12/2026');
    }
  });

  it('numbers the second and later reminders', () => {
    expect(reminder({ reminderNumber: 2 }).subject).toMatch(new RegExp(`^Rappel n°${NBSP}2${NBSP}: `));
  });

  it('leaves the deadline out when there is none', () => {
    expect(reminder({ deadline: null }).text).not.toContain('au plus tard le');
  });
});

describe('signedCopyMail', () => {
  const copy = (verificationUrl?: string | null) =>
    signedCopyMail({
      firm: aFirm(),
      document: aDocument(),
      signerName: 'Marie Martin',
      signedOn: new Date('2026-11-28T23:15:00Z'),
      verificationUrl,
    });

  it('announces the signed and sealed copy, dated in Paris, and how to verify its seal', () => {
    const mail = copy();
    expect(mail.subject).toBe(
      `Cabinet Dupré & Associés${NBSP}: votre exemplaire signé (lettre de mission LM-2026-0001)`,
    );
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('LM-2026-0001');
      expect(part).toContain('a été signé le 29/11/2026');
      expect(part).toContain(`en pièce jointe son exemplaire signé et scellé${NNBSP};`);
      expect(part).toContain('cachet électronique');
      expect(part).toContain('tout lecteur PDF');
      expect(part).toContain('page de vérification');
    }
    expect(mail.html).not.toContain('<a href');
  });

  it('never promises authenticity: a self-signed seal says its issuer may be unknown to the reader (issue 15)', () => {
    const issued = copy();
    expect(issued.text).not.toContain('authenticité');
    expect(issued.text).not.toContain('auto-signé');
    const selfSigned = signedCopyMail({
      firm: aFirm(),
      document: aDocument(),
      signerName: 'Marie Martin',
      signedOn: new Date('2026-11-28T23:15:00Z'),
      selfSignedSeal: true,
    });
    expect(selfSigned.text).toContain('certificat auto-signé du cabinet');
    expect(selfSigned.text).toContain('émetteur lui est inconnu');
  });

  it('links to the verification page when its address is given', () => {
    const mail = copy('https://lettrine.example/verifier');
    expect(mail.text).toContain(`Vérifier le document${NBSP}:\nhttps://lettrine.example/verifier`);
    expect(mail.html).toContain('href="https://lettrine.example/verifier"');
  });
});

describe('documentRefusedMail', () => {
  const refused = (reason: string | null) =>
    documentRefusedMail({ firm: aFirm(), document: aDocument(), signerName: 'Marie Martin', reason });

  it('tells the firm who refused, with the reason quoted', () => {
    const mail = refused('  Les honoraires ont changé depuis notre rendez-vous !\nMerci de me rappeler.  ');
    expect(mail.subject).toBe(`Refus de signature${NBSP}: lettre de mission LM-2026-0001 (Marie Martin)`);
    expect(mail.text).toContain(
      `«${NNBSP}Les honoraires ont changé depuis notre rendez-vous${NNBSP}!\nMerci de me rappeler.${NNBSP}»`,
    );
    expect(mail.html).toMatch(
      /<blockquote[^>]*>«\u202fLes honoraires ont changé depuis notre rendez-vous\u202f!<br>Merci de me rappeler\.\u202f»<\/blockquote>/,
    );
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Marie Martin a refusé de signer');
      expect(part).toContain(`Motif indiqué${NBSP}:`);
    }
    expect(mail.html).toContain('Cabinet Dupré &amp; Associés');
  });

  it('escapes a hostile reason in HTML', () => {
    const { html } = refused('<script>x</script> & co');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
  });

  it.each([null, '   '])('says when no reason was given (%j)', (reason) => {
    const mail = refused(reason);
    expect(mail.text).toContain('Aucun motif n’a été indiqué.');
    expect(mail.html).not.toContain('<blockquote');
  });
});

describe('the document as a mail names it', () => {
  it('says its kind and number, and its title only when the firm gave one', () => {
    const titled = signatureRequestMail({
      firm: aFirm(),
      document: aDocument(),
      signerName: 'Paul',
      link: LINK,
      deadline: null,
      side: 'client',
    });
    expect(titled.text).toContain('Tenue comptable 2027');
    const plain = signatureRequestMail({
      firm: aFirm(),
      document: aDocument({ title: '' }),
      signerName: 'Paul',
      link: LINK,
      deadline: null,
      side: 'client',
    });
    expect(plain.text).toContain('lettre de mission LM-2026-0001');
    expect(plain.text).not.toContain('«');
  });
});
