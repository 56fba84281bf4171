import { describe, expect, it } from 'vitest';
import {
  browserSummary,
  CONSENT_WORDING,
  describeTrailEntry,
  inTimeOrder,
  openedDocumentBeforeSigning,
  signedCopyAccessUntil,
} from '../../src/domain/signing/signing-trail.ts';
import { aTrailEntry } from '../builders/signed-facts.ts';

describe('the signature trail, line by line (issue 15, item 4)', () => {
  it('says each step in one French line', () => {
    const lines = [
      aTrailEntry({ type: 'invitation_sent', data: { mail: 'request', to: 'marie@exemple.fr' } }),
      aTrailEntry({ type: 'invitation_sent', data: { mail: 'reminder', to: 'marie@exemple.fr' } }),
      aTrailEntry({ type: 'invitation_sent', data: { mail: 'resend' } }),
      aTrailEntry({ type: 'invitation_sent', data: { mail: 'carrier pigeon' } }),
      aTrailEntry({ type: 'invitation_sent' }),
      aTrailEntry({ type: 'link_opened' }),
      aTrailEntry({ type: 'code_sent', data: { channel: 'email', to: 'm…@exemple.fr' } }),
      aTrailEntry({ type: 'code_sent', data: { channel: 'sms', to: '06 •• •• •• 78' } }),
      aTrailEntry({ type: 'code_sent', data: { channel: 'outbox' } }),
      aTrailEntry({ type: 'code_sent', data: { channel: 'fax' } }),
      aTrailEntry({ type: 'code_sent' }),
      aTrailEntry({ type: 'code_failed', data: { attemptsLeft: 4 } }),
      aTrailEntry({ type: 'code_failed' }),
      aTrailEntry({ type: 'code_verified' }),
      aTrailEntry({ type: 'link_locked' }),
      aTrailEntry({ type: 'consent_given', data: { version: 1, wording: 'J’accepte' } }),
      aTrailEntry({ type: 'consent_given' }),
      aTrailEntry({ type: 'document_viewed' }),
      aTrailEntry({ type: 'signed', data: { method: 'link' } }),
      aTrailEntry({ type: 'signed', data: { method: 'product' } }),
      aTrailEntry({ type: 'signed', data: { method: 'paper' } }),
      aTrailEntry({ type: 'signed', data: { method: 'in_person' } }),
      aTrailEntry({ type: 'signed', data: { method: 'telepathy' } }),
      aTrailEntry({ type: 'signed' }),
      aTrailEntry({ type: 'refused', data: { reason: 'Trop cher' } }),
      aTrailEntry({ type: 'refused' }),
      aTrailEntry({ type: 'sealed', data: { sealedBy: 'Cabinet Dupré' } }),
      aTrailEntry({ type: 'sealed', data: { sealedBy: true } }),
      aTrailEntry({ type: 'signed_copy_downloaded' }),
    ].map(describeTrailEntry);
    expect(lines).toEqual([
      'Invitation à signer envoyée à marie@exemple.fr',
      'Relance envoyée à marie@exemple.fr',
      'Nouveau lien envoyé par le cabinet',
      'Invitation à signer envoyée',
      'Invitation à signer envoyée',
      'Lien de signature ouvert',
      'Code à usage unique envoyé par e-mail (m…@exemple.fr)',
      'Code à usage unique envoyé par SMS (06 •• •• •• 78)',
      'Code à usage unique envoyé par le cabinet',
      'Code à usage unique envoyé',
      'Code à usage unique envoyé par e-mail',
      'Code erroné saisi (4 essai(s) restant(s))',
      'Code erroné saisi',
      'Code vérifié',
      'Lien bloqué après trop de codes erronés',
      'Consentement donné : « J’accepte » (version 1)',
      `Consentement donné : « ${CONSENT_WORDING.text} » (version ${CONSENT_WORDING.version})`,
      'Document envoyé affiché ou téléchargé (PDF)',
      'Document signé par lien personnel et code',
      'Document signé dans Lettrine par l’associé connecté',
      'Signature sur papier enregistrée',
      'Signature en présence enregistrée',
      'Document signé',
      'Document signé par lien personnel et code',
      'Document refusé : « Trop cher »',
      'Document refusé',
      'Exemplaire signé scellé par le certificat « Cabinet Dupré »',
      'Exemplaire signé scellé',
      'Exemplaire signé téléchargé par le lien',
    ]);
  });

  it('puts the steps in time order, keeping the order written for steps of the same instant', () => {
    const consent = aTrailEntry({ type: 'consent_given', at: '2026-11-29T09:42:13Z' });
    const signed = aTrailEntry({ type: 'signed', at: '2026-11-29T09:42:13Z' });
    const opened = aTrailEntry({ type: 'link_opened', at: '2026-11-29T09:30:00Z' });
    expect(inTimeOrder([consent, signed, opened]).map((e) => e.type)).toEqual([
      'link_opened',
      'consent_given',
      'signed',
    ]);
  });

  it('flags a signer who never had the PDF in front of them before signing', () => {
    const viewed = aTrailEntry({ type: 'document_viewed', at: '2026-11-29T09:30:00Z' });
    const signed = aTrailEntry({ type: 'signed', at: '2026-11-29T09:40:00Z' });
    const viewedAfter = aTrailEntry({ type: 'document_viewed', at: '2026-11-29T09:50:00Z' });
    expect(openedDocumentBeforeSigning([viewed, signed], 'client')).toBe(true);
    expect(openedDocumentBeforeSigning([signed, viewedAfter], 'client')).toBe(false);
    expect(openedDocumentBeforeSigning([viewed, signed], 'firm')).toBe(false);
    // Not signed yet (a refusal, say): any reading counts.
    expect(openedDocumentBeforeSigning([viewedAfter], 'client')).toBe(true);
  });

  it('tells a browser in a few words, and keeps the start of an unknown one', () => {
    expect(
      browserSummary(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome 120 · Linux');
    expect(
      browserSummary(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      ),
    ).toBe('Edge 120 · Windows');
    expect(
      browserSummary(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari 17 · iOS');
    expect(browserSummary('Mozilla/5.0 (Linux; Android 14) Firefox/133.0')).toBe('Firefox 133 · Android');
    expect(browserSummary('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) OPR/105')).toBe('Opera 105 · macOS');
    expect(browserSummary('curl/8.5.0')).toBe('curl/8.5.0');
    expect(browserSummary(null)).toBeNull();
  });
});

describe('the signer keeps access after signing (issue 15, item 7)', () => {
  it('until the firm’s number of days after the signature', () => {
    expect(signedCopyAccessUntil(new Date('2026-11-29T09:17:00Z'), 90).toISOString()).toBe(
      '2027-02-27T09:17:00.000Z',
    );
  });
});
