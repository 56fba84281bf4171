import type { SignedFacts, SignerEvidence } from '../../src/domain/documents/content/facts.ts';

/** The client's signature through the link: every step recorded, a drawn signature optional. */
export const aSignerEvidence = (overrides: Partial<SignerEvidence> = {}): SignerEvidence => ({
  side: 'client',
  name: 'Marie Martin',
  capacity: 'Gérante',
  email: 'marie.martin@exemple.fr',
  method: 'electronic',
  channel: 'link',
  codeDelivery: 'email',
  signedAt: '2026-11-29T09:42:13Z',
  signedOn: '2026-11-29',
  typedName: 'Marie Martin',
  drawing: null,
  viewedAt: '2026-11-29T09:30:05Z',
  viewedIp: '203.0.113.7',
  viewedUserAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
  codeSentAt: '2026-11-29T09:40:00Z',
  codeVerifiedAt: '2026-11-29T09:41:30Z',
  consentAt: '2026-11-29T09:42:00Z',
  signedIp: '203.0.113.7',
  signedUserAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
  recordedBy: null,
  ...overrides,
});

/** The firm's associé, signing through the link as well. */
export const aFirmSignerEvidence = (overrides: Partial<SignerEvidence> = {}): SignerEvidence =>
  aSignerEvidence({
    side: 'firm',
    name: 'Jean Dupré',
    capacity: 'Expert-comptable associé',
    email: 'jean.dupre@cabinet-dupre.fr',
    signedAt: '2026-11-29T10:05:00Z',
    typedName: 'Jean Dupré',
    viewedAt: '2026-11-29T10:01:00Z',
    viewedIp: '198.51.100.20',
    codeSentAt: '2026-11-29T10:02:00Z',
    codeVerifiedAt: '2026-11-29T10:03:00Z',
    consentAt: '2026-11-29T10:04:00Z',
    signedIp: '198.51.100.20',
    ...overrides,
  });

/** A letter signed electronically by both sides; override what a test varies. */
export const aSignedFacts = (overrides: Partial<SignedFacts> = {}): SignedFacts => ({
  documentSha256: '0123456789abcdef'.repeat(2) + 'fedcba9876543210'.repeat(2),
  completedAt: '2026-11-29T10:05:00Z',
  sealedBy: 'Cabinet Dupré & Associés',
  signers: [aSignerEvidence(), aFirmSignerEvidence()],
  ...overrides,
});
