import type { SignedFacts, SignerEvidence } from '../../src/domain/documents/content/facts.ts';
import type { TrailEntry } from '../../src/domain/signing/signing-trail.ts';

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

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0';

/** One step of the trail; override what a test varies. */
export const aTrailEntry = (overrides: Partial<TrailEntry> = {}): TrailEntry => ({
  type: 'link_opened',
  at: '2026-11-29T09:30:05Z',
  side: 'client',
  signerName: 'Marie Martin',
  ip: '203.0.113.7',
  userAgent: FIREFOX,
  data: {},
  ...overrides,
});

/** The client's trail through the link, from the invitation to the signature, with one wrong code. */
export const aClientTrail = (): TrailEntry[] => [
  aTrailEntry({
    type: 'invitation_sent',
    at: '2026-11-29T09:00:00Z',
    ip: null,
    userAgent: null,
    data: { mail: 'request', to: 'marie.martin@exemple.fr' },
  }),
  aTrailEntry({ type: 'link_opened', at: '2026-11-29T09:30:05Z' }),
  aTrailEntry({ type: 'document_viewed', at: '2026-11-29T09:30:06Z' }),
  aTrailEntry({
    type: 'code_sent',
    at: '2026-11-29T09:40:00Z',
    data: { channel: 'email', to: 'm…@exemple.fr' },
  }),
  aTrailEntry({ type: 'code_failed', at: '2026-11-29T09:41:00Z', data: { attemptsLeft: 4 } }),
  aTrailEntry({ type: 'code_verified', at: '2026-11-29T09:41:30Z' }),
  aTrailEntry({
    type: 'consent_given',
    at: '2026-11-29T09:42:13Z',
    data: { version: 1, wording: 'J’ai lu le document et j’accepte de le signer électroniquement' },
  }),
  aTrailEntry({ type: 'signed', at: '2026-11-29T09:42:13Z', data: { method: 'link' } }),
];

/** A letter signed electronically by both sides; override what a test varies. */
export const aSignedFacts = (overrides: Partial<SignedFacts> = {}): SignedFacts => ({
  documentSha256: '0123456789abcdef'.repeat(2) + 'fedcba9876543210'.repeat(2),
  completedAt: '2026-11-29T10:05:00Z',
  sealedBy: 'Cabinet Dupré & Associés',
  signers: [aSignerEvidence(), aFirmSignerEvidence()],
  transactionId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  trail: [
    ...aClientTrail(),
    ...aClientTrail()
      .filter((entry) => entry.type !== 'code_failed')
      .map((entry) => ({
        ...entry,
        side: 'firm' as const,
        signerName: 'Jean Dupré',
        ip: entry.ip && '198.51.100.20',
        at: new Date(Date.parse(entry.at) + 22 * 60_000).toISOString(),
        data: entry.type === 'code_sent' ? { ...entry.data, to: 'j…@cabinet-dupre.fr' } : entry.data,
      })),
    aTrailEntry({
      type: 'sealed',
      at: '2026-11-29T10:05:01Z',
      side: null,
      signerName: null,
      ip: null,
      userAgent: null,
      data: { sealedBy: 'Cabinet Dupré & Associés' },
    }),
  ],
  sealCertificateSha256: 'abcdef0123456789'.repeat(4),
  verificationUrl: 'https://cabinet-dupre.fr/verifier',
  ...overrides,
});
