import { describe, expect, it } from 'vitest';
import type { Block, DocumentContent, Signatory } from '../../src/domain/documents/content/blocks.ts';
import { documentContent, textOfContent } from '../../src/domain/documents/content/document-content.ts';
import { evidenceBlocks } from '../../src/domain/documents/content/evidence.ts';
import { formatInstant } from '../../src/domain/documents/content/wording.ts';
import { maskEmail } from '../../src/domain/signing/signing-rules.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import { aFirmSignerEvidence, aSignedFacts, aSignerEvidence } from '../builders/signed-facts.ts';

/** Every string a reader would see, in order, spaces made plain. */
const wordsOf = (content: DocumentContent): string =>
  textOfContent(content)
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');

const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

const signaturesOf = (content: DocumentContent): Extract<Block, { type: 'signatures' }> => {
  const block = content.blocks.find((b) => b.type === 'signatures');
  if (block?.type !== 'signatures') throw new Error('no signature block');
  return block;
};

const boxOf = (content: DocumentContent, heading: string): Signatory => {
  const box = signaturesOf(content).signatories.find((s) => s.heading === heading);
  if (!box) throw new Error(`no box ${heading}`);
  return box;
};

const headings = (content: DocumentContent): string[] =>
  content.blocks.flatMap((b) => (b.type === 'heading' ? [plain(b.text)] : []));

const EVIDENCE = 'Dossier de preuve de signature électronique';

describe('instants of a signature, in Paris time', () => {
  it('winter is UTC+1, summer UTC+2, and the day follows Paris, not UTC', () => {
    expect(formatInstant('2026-11-29T09:42:13Z')).toBe('29/11/2026 à 10:42:13 (heure de Paris)');
    expect(formatInstant('2026-11-29T09:42:13Z', 'minutes')).toBe('29/11/2026 à 10:42 (heure de Paris)');
    expect(formatInstant('2026-07-15T22:05:09Z')).toBe('16/07/2026 à 00:05:09 (heure de Paris)');
    expect(formatInstant('2026-03-29T01:30:00Z')).toBe('29/03/2026 à 03:30:00 (heure de Paris)');
  });

  it('an e-mail is masked but for its first letter and its domain', () => {
    expect(maskEmail('marie.martin@exemple.fr')).toBe('m…@exemple.fr');
    expect(maskEmail('sans-arobase')).toBe('…');
  });
});

describe('the signed copy of a document (its content)', () => {
  const signedLetter = () => documentContent(aDocumentFacts({ signed: aSignedFacts() }));

  it('says under its title that it is the signed copy', () => {
    expect(plain(signedLetter().subtitle)).toBe('N° LM-2026-0001 du 29/11/2026 — exemplaire signé');
  });

  it('fills each box with how, when and by whom it was signed electronically', () => {
    const content = signedLetter();
    expect(plain(signaturesOf(content).place)).toBe('Fait à Lyon, signé électroniquement');
    const client = boxOf(content, 'Pour le client');
    expect(client.mention).toBeNull();
    expect(client.signed?.lines.map(plain)).toEqual([
      'Mention : « Lu et approuvé, bon pour accord » (acceptée électroniquement)',
      'Signé électroniquement le 29/11/2026 à 10:42 (heure de Paris)',
      'par Marie Martin, gérante',
      'Nom saisi : Marie Martin',
      'Code de vérification envoyé à m…@exemple.fr',
    ]);
    expect(client.signed?.drawing).toBeNull();
    // The firm has no mention to accept.
    expect(boxOf(content, 'Pour le cabinet').signed?.lines.map(plain)).toEqual([
      'Signé électroniquement le 29/11/2026 à 11:05 (heure de Paris)',
      'par Jean Dupré, expert-comptable associé',
      'Nom saisi : Jean Dupré',
      'Code de vérification envoyé à j…@cabinet-dupre.fr',
    ]);
  });

  it('ends with the evidence page: the document, its fingerprint, then each signer step by step', () => {
    const content = signedLetter();
    const start = content.blocks.findIndex((b) => b.type === 'heading' && b.text === EVIDENCE);
    expect(content.blocks[start - 1]).toEqual({ type: 'pageBreak' });
    expect(headings(content).slice(-4)).toEqual([
      EVIDENCE,
      'Client : Marie Martin',
      'Cabinet : Jean Dupré',
      'Journal des événements (heure de Paris)',
    ]);
    const words = wordsOf(content);
    for (const line of [
      'Le document soumis à la signature (l’exemplaire envoyé) est identifié par son empreinte SHA-256',
      'scellé par le certificat « Cabinet Dupré & Associés »',
      'Document\nLM-2026-0001',
      'Nature\nLettre de mission',
      'Client\nBoulangerie Martin',
      'Cabinet\nCabinet Dupré & Associés',
      'Empreinte SHA-256 du document soumis à la signature\n0123456789abcdef 0123456789abcdef fedcba9876543210 fedcba9876543210',
      'Document signé le\n29/11/2026 à 11:05:00 (heure de Paris)',
      'Nom\nMarie Martin',
      'Qualité\nGérante',
      'E-mail\nmarie.martin@exemple.fr',
      'Mode de signature\nÉlectronique, par lien personnel et code à usage unique',
      'Signé le\n29/11/2026 à 10:42:13 (heure de Paris)',
      'Adresse IP (signature)\n203.0.113.7',
      'Navigateur (signature)\nMozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
      'Nom saisi\nMarie Martin',
      'Signature dessinée\nNon',
      'Adresse IP (signature)\n198.51.100.20',
      'Identifiant de transaction :\n6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      'Certificat de scellement\nCabinet Dupré & Associés',
      'Empreinte SHA-256 du certificat\nabcdef0123456789 abcdef0123456789 abcdef0123456789 abcdef0123456789',
      'Vérification en ligne\nhttps://cabinet-dupre.fr/verifier',
      // The trail: one row a step, in time order, with its address and browser in short.
      'Date et heure\nPar\nÉvénement\nAdresse IP\nNavigateur',
      '29/11/2026 à 10:00:00\nMarie Martin\nInvitation à signer envoyée à marie.martin@exemple.fr\n—\n—',
      '29/11/2026 à 10:30:05\nMarie Martin\nLien de signature ouvert\n203.0.113.7\nFirefox 133 · Linux',
      '29/11/2026 à 10:41:00\nMarie Martin\nCode erroné saisi (4 essai(s) restant(s))',
      '29/11/2026 à 10:42:13\nMarie Martin\nConsentement donné : « J’ai lu le document et j’accepte de le signer électroniquement » (version 1)',
      '29/11/2026 à 10:52:05\nJean Dupré\nLien de signature ouvert\n198.51.100.20',
      '29/11/2026 à 11:05:01\nLettrine\nExemplaire signé scellé par le certificat « Cabinet Dupré & Associés »',
    ]) {
      expect(words).toContain(line);
    }
  });

  it('a summer signature is dated in Paris summer time, the next day after 22:00 UTC', () => {
    const signed = aSignedFacts({
      completedAt: '2026-07-15T22:05:09Z',
      signers: [aSignerEvidence({ signedAt: '2026-07-15T21:59:59Z', signedOn: '2026-07-15' })],
    });
    const content = documentContent(aDocumentFacts({ kind: 'proposal', validUntil: '2026-12-31', signed }));
    const words = wordsOf(content);
    expect(words).toContain('Signé le\n15/07/2026 à 23:59:59 (heure de Paris)');
    expect(words).toContain('Document signé le\n16/07/2026 à 00:05:09 (heure de Paris)');
    expect(words).toContain('Nature\nOffre de service');
    expect(boxOf(content, 'Pour le client').signed?.lines.map(plain).slice(0, 2)).toEqual([
      'Mention : « Bon pour accord » (acceptée électroniquement)',
      'Signé électroniquement le 15/07/2026 à 23:59 (heure de Paris)',
    ]);
  });

  it('a signer through the link who never opened the PDF before signing is flagged; the others are not', () => {
    const trail = aSignedFacts().trail.filter(
      (entry) => !(entry.type === 'document_viewed' && entry.side === 'client'),
    );
    const words = plain(wordsOf(documentContent(aDocumentFacts({ signed: aSignedFacts({ trail }) }))));
    expect(words).toContain(
      'Attention : Marie Martin n’a jamais ouvert le document (ni affiché ni téléchargé le PDF) avant de signer.',
    );
    expect(words).not.toContain('Jean Dupré n’a jamais ouvert');
    expect(plain(wordsOf(documentContent(aDocumentFacts({ signed: aSignedFacts() }))))).not.toContain(
      'n’a jamais ouvert',
    );
  });

  it('every page of the signed copy names its transaction in the footer', () => {
    const content = documentContent(aDocumentFacts({ signed: aSignedFacts() }));
    expect(plain(content.footer)).toContain('Transaction 6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b');
  });

  it('a signature on paper or in person keeps the handwritten mention and says who recorded it', () => {
    const onPaper = {
      email: null,
      typedName: null,
      viewedAt: null,
      viewedIp: null,
      viewedUserAgent: null,
      codeSentAt: null,
      codeVerifiedAt: null,
      consentAt: null,
      signedIp: null,
      signedUserAgent: null,
    };
    const signed = aSignedFacts({
      signers: [
        aSignerEvidence({ ...onPaper, method: 'paper', signedOn: '2026-11-28', recordedBy: 'Claire Dupré' }),
        aFirmSignerEvidence({ ...onPaper, method: 'in_person', capacity: null }),
      ],
    });
    const content = documentContent(aDocumentFacts({ signed }));
    expect(plain(signaturesOf(content).place)).toBe('Fait à Lyon, en deux exemplaires');
    const client = boxOf(content, 'Pour le client');
    expect(client.mention).toBe('Lu et approuvé, bon pour accord');
    expect(client.signed?.lines).toEqual(['Signé sur papier le 28/11/2026, enregistré par Claire Dupré']);
    expect(boxOf(content, 'Pour le cabinet').signed?.lines).toEqual([
      'Signé en présence du cabinet le 29/11/2026',
    ]);

    const words = wordsOf(content);
    expect(words).toContain('Mode de signature\nSur papier');
    expect(words).toContain('Mode de signature\nEn présence');
    expect(words).toContain('Signé le\n29/11/2026 à 10:42:13 (heure de Paris)');
    // Unrecorded steps are left out, not printed empty.
    for (const label of [
      'Qualité\nExpert',
      'E-mail',
      'Adresse IP (signature)',
      'Navigateur (signature)',
      'Code transmis',
      'Nom saisi',
    ]) {
      expect(words).not.toContain(label);
    }
  });

  it('signatures both ways: the place says neither two copies nor electronically', () => {
    const signed = aSignedFacts({ signers: [aSignerEvidence(), aFirmSignerEvidence({ method: 'paper' })] });
    expect(plain(signaturesOf(documentContent(aDocumentFacts({ signed }))).place)).toBe('Fait à Lyon');
  });

  it('a side nobody signed keeps its empty box', () => {
    const empty = documentContent(aDocumentFacts());
    const content = documentContent(
      aDocumentFacts({ signed: aSignedFacts({ signers: [aSignerEvidence()] }) }),
    );
    expect(boxOf(content, 'Pour le cabinet')).toEqual(boxOf(empty, 'Pour le cabinet'));
    expect(boxOf(content, 'Pour le cabinet').signed).toBeUndefined();
  });

  it('an electronic signer without capacity, e-mail or typed name: those lines are left out', () => {
    const signer = aSignerEvidence({ capacity: null, email: null, typedName: null, codeSentAt: null });
    const content = documentContent(aDocumentFacts({ signed: aSignedFacts({ signers: [signer] }) }));
    expect(boxOf(content, 'Pour le client').signed?.lines.map(plain).slice(1)).toEqual([
      'Signé électroniquement le 29/11/2026 à 10:42 (heure de Paris)',
      'par Marie Martin',
    ]);
    const words = wordsOf(content);
    expect(words).not.toContain('Qualité');
    expect(words).not.toContain('E-mail');
    expect(words).not.toContain('Nom saisi');
  });

  it('a long user agent is cut at 160 characters', () => {
    const agent = `Mozilla/5.0 ${'x'.repeat(300)}`;
    const blocks = evidenceBlocks(
      aSignedFacts({ signers: [aSignerEvidence({ signedUserAgent: agent })] }),
      aDocumentFacts({ number: null }),
    );
    const rows = blocks.flatMap((b) => (b.type === 'fields' ? b.rows : []));
    const viewed = rows.find(([label]) => label === 'Navigateur (signature)')?.[1];
    expect(viewed).toHaveLength(160);
    expect(viewed).toBe(`${agent.slice(0, 159)}…`);
    expect(rows).toContainEqual(['Document', '—']);
  });

  it('a drawn signature reaches the box as its bytes, untouched by the typography and out of the text', () => {
    const drawing = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 58, 32, 59]);
    const content = documentContent(
      aDocumentFacts({ signed: aSignedFacts({ signers: [aSignerEvidence({ drawing })] }) }),
    );
    const box = boxOf(content, 'Pour le client').signed;
    expect(box?.drawing).toBeInstanceOf(Uint8Array);
    expect(Array.from(box?.drawing ?? [])).toEqual(Array.from(drawing));
    const strings = textOfContent(content);
    expect(strings).toContain('Oui');
    expect(strings.some((s) => s === '137' || s === '80')).toBe(false);
  });

  it('without signed facts nothing changes: no evidence page, two paper copies, empty boxes', () => {
    const before = documentContent(aDocumentFacts());
    expect(documentContent(aDocumentFacts({ signed: null }))).toEqual(before);
    expect(before.subtitle).toBe('N° LM-2026-0001 du 29/11/2026');
    expect(headings(before)).not.toContain(EVIDENCE);
    expect(plain(signaturesOf(before).place)).toBe('Fait à Lyon, en deux exemplaires');
    for (const box of signaturesOf(before).signatories) expect(box).not.toHaveProperty('signed');
    expect(wordsOf(before)).not.toContain('exemplaire signé');
  });
});

describe('how each electronic signature is told apart on the signed copy', () => {
  it('the associé signing in their own session: no link, no code, their session’s address', () => {
    const associe = aFirmSignerEvidence({
      channel: 'product',
      codeDelivery: null,
      email: null,
      typedName: null,
      viewedAt: null,
      viewedIp: null,
      viewedUserAgent: null,
      codeSentAt: null,
      codeVerifiedAt: null,
      consentAt: null,
      signedUserAgent: 'Poste du cabinet',
    });
    const content = documentContent(
      aDocumentFacts({ signed: aSignedFacts({ signers: [aSignerEvidence(), associe] }) }),
    );
    const words = plain(wordsOf(content));
    expect(words).toContain('Électronique, dans Lettrine, par l’associé connecté à son compte');
    expect(words).toContain('Poste du cabinet');
    const box = boxOf(content, 'Pour le cabinet').signed?.lines.map(plain) ?? [];
    expect(box.some((line) => line.includes('Code de vérification'))).toBe(false);
  });

  it('a code left in the firm’s outbox (no mail server) is said to be handed over by the firm, not e-mailed, and the outbox stays internal (issue 14, item 8)', () => {
    const signer = aSignerEvidence({ codeDelivery: 'outbox' });
    const content = documentContent(aDocumentFacts({ signed: aSignedFacts({ signers: [signer] }) }));
    const expected = 'Code de vérification à usage unique transmis au signataire par le cabinet';
    expect(boxOf(content, 'Pour le client').signed?.lines.map(plain)).toContain(expected);
    expect(plain(wordsOf(content))).not.toContain('Code de vérification envoyé à');
    expect(plain(wordsOf(content))).not.toContain('boîte d’envoi');
  });

  it('a self-signed seal is named so on the evidence page, never more (issue 15, item 3)', () => {
    const content = documentContent(aDocumentFacts({ signed: aSignedFacts({ sealSelfSigned: true }) }));
    expect(plain(wordsOf(content))).toContain('(cachet du cabinet, certificat auto-signé)');
    expect(plain(wordsOf(content))).not.toMatch(/qualifi/i);
  });

  it('a code sent by SMS says so, to the masked mobile, and not to the e-mail (issue 15, item 5)', () => {
    const bySms = aSignerEvidence({ codeDelivery: 'sms', mobile: '+33612345642' });
    const content = documentContent(aDocumentFacts({ signed: aSignedFacts({ signers: [bySms] }) }));
    const lines = boxOf(content, 'Pour le client').signed?.lines.map(plain) ?? [];
    expect(lines).toContain('Code de vérification envoyé par SMS au 06 •• •• •• 42');
    expect(lines.some((line) => line.startsWith('Code de vérification envoyé à'))).toBe(false);
    const unknown = aSignerEvidence({ codeDelivery: 'sms', mobile: null });
    const without = documentContent(aDocumentFacts({ signed: aSignedFacts({ signers: [unknown] }) }));
    expect(boxOf(without, 'Pour le client').signed?.lines.map(plain)).toContain(
      'Code de vérification envoyé par SMS au —',
    );
  });

  it('an e-mailed code without a known address says only that it was sent', () => {
    const signer = aSignerEvidence({ email: null });
    const content = documentContent(aDocumentFacts({ signed: aSignedFacts({ signers: [signer] }) }));
    expect(boxOf(content, 'Pour le client').signed?.lines.map(plain)).toContain(
      'Code de vérification envoyé à —',
    );
  });
});
