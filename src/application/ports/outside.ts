import type { DocumentContent } from '../../domain/documents/content/blocks.ts';
import type { CertificateFacts } from '../../domain/signing/seal-certificate.ts';
import type { SealIdentity } from '../records.ts';

/** The services outside the database the use cases call: time, ids, secrets, PDF, mail, seal, webhooks. */

export type Clock = { now(): Date };
export type IdGenerator = { uuid(): string };

/** Secrets are made and checked outside the application: scrypt for passwords, SHA-256 for tokens. */
export type Secrets = {
  /** Both compare passwords in Unicode NFC. */
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, hash: string): Promise<boolean>;
  /** True when the hash was made at another cost than today's: it is made again at the next login. */
  needsRehash(hash: string): boolean;
  /** A hash of no one's password at today's cost: an unknown e-mail is checked against it. */
  dummyPasswordHash(): Promise<string>;
  /** One of the shipped list of common passwords, maybe with digits or symbols around it. */
  isCommonPassword(password: string): boolean;
  /** A random token of at least 256 bits, URL-safe. */
  newToken(): string;
  hashToken(token: string): string;
  /** A uniformly random code of that many decimal digits (a signing code). */
  newNumericCode(digits: number): string;
  /** HMAC-SHA256 of the message under the key, in hex (webhook signatures). */
  hmacSha256(key: string, message: string): string;
  /**
   * HMAC-SHA256 under the server's own secret key (derived from SECRETS_KEY), in hex: what is kept
   * of a short secret (a signing code) is useless to whoever reads the database without the key.
   */
  serverHmac(message: string): string;
  sha256(bytes: Uint8Array): string;
  /** Compares two hashes in constant time. */
  safeEqual(a: string, b: string): boolean;
};

export type RenderOptions = {
  /** The PDF's creation date: with the same content and instant, the same bytes. */
  at: Date;
  /** Printed across every page of a draft's preview (« PROJET »). */
  watermark?: string | null;
  accentColor?: string | null;
  logo?: Uint8Array | null;
  /** Files the PDF carries as PDF/A-3 associated files (the sealed copy: the PDF sent); it is then PDF/A-3b. */
  attachments?: readonly PdfAttachment[];
};

/**
 * An RFC 3161 timestamping authority (TSA_URL): a token over the SHA-256 of some bytes, signed by the
 * authority, with its time and its name. Absent: the times Lettrine states are its own clock's.
 */
export type TimestampAuthority = {
  stamp(bytes: Uint8Array): Promise<{ token: Uint8Array; time: Date; authority: string }>;
};

/** A file embedded in a PDF, with its relation to the document (ISO 32000-2 /AFRelationship). */
export type PdfAttachment = {
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  description: string;
  relationship: 'Source' | 'Supplement' | 'Data';
  createdAt: Date;
};

export type RenderedPdf = { bytes: Uint8Array; sha256: string };

/** An uploaded image as it may be stored: a PNG decoded and written anew, a JPEG read. */
export type CleanImage = { bytes: Uint8Array; width: number; height: number };

/** Lays out a document's content as a PDF; the words and figures are decided in the domain. */
export type PdfRenderer = {
  /** Rejects (never throws elsewhere) when the content or an image cannot be laid out. */
  render(content: DocumentContent, options: RenderOptions): Promise<RenderedPdf>;
  /** The size an image's header announces (PNG or JPEG), nothing decoded; undefined for anything else. */
  readImage(bytes: Uint8Array): { width: number; height: number } | undefined;
  /**
   * The image decoded completely and written anew (issue 20: a crafted PNG crashed the renderer);
   * undefined when it does not decode. Only these bytes are stored.
   */
  cleanImage(bytes: Uint8Array): Promise<CleanImage | undefined>;
};

export type OutgoingMail = {
  to: { name: string; address: string };
  replyTo?: { name: string; address: string } | null;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; content: Uint8Array }[];
};

/** SMTP when configured; otherwise 'outbox': the mails stay in the product for the firm to read. */
export type MailTransport = {
  readonly mode: 'smtp' | 'outbox';
  /** Delivers one mail; throws when the server refuses it (the job retries). */
  deliver(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): Promise<void>;
};

/**
 * Sends one SMS through the configured provider (issue 15: the signing code by another way than the
 * link's mail). A refusal or a network failure is an outcome, not a throw: the signer is told and
 * may ask for the code by mail instead. `reason` is short and never carries the message's content.
 */
export type SmsSender = {
  readonly provider: string;
  send(sms: {
    to: string;
    content: string;
  }): Promise<{ ok: true; messageId: string | null } | { ok: false; reason: string }>;
};

/** Why a PKCS#12 given by an associé does not open (each has its SEAL.* error). */
export type Pkcs12FailureReason =
  | 'unreadable'
  | 'wrong_password'
  | 'legacy'
  | 'no_key'
  | 'key_mismatch'
  | 'not_rsa';

/** Seals a PDF with a PAdES-B-B signature by the firm's certificate. */
export type PdfSealer = {
  /** A self-signed seal naming the firm, its country and its organisation identifier (NTRFR-<SIREN>). */
  createIdentity(input: {
    commonName: string;
    organization?: string;
    organizationIdentifier?: string;
    country?: string;
    at: Date;
  }): Promise<SealIdentity>;
  /** The firm's own certificate from its PKCS#12: the key, the certificate of that key, its chain. */
  openPkcs12(
    bytes: Uint8Array,
    password: string,
  ): Promise<{ ok: true; identity: SealIdentity } | { ok: false; reason: Pkcs12FailureReason }>;
  /** What a certificate says of itself (subject, issuer, fingerprint, validity, key usage). */
  describe(certificateDer: Uint8Array): CertificateFacts;
  seal(
    pdf: Uint8Array,
    identity: SealIdentity,
    meta: { reason: string; name: string; location?: string; at: Date },
  ): Promise<Uint8Array>;
};

/** Why a webhook's address is refused: it names a private, loopback or link-local address, or is not https in production. */
export type WebhookTargetRefusal = 'private_address' | 'https_required';

/**
 * What became of one post: the receiver's status (a redirect is not followed), a network failure or
 * a timeout (tried again later), or a target the sender refuses to reach once its name is resolved
 * (not tried again). `reason` is a short fixed French description, never the receiver's words.
 */
export type WebhookPostOutcome =
  | { outcome: 'answered'; status: number }
  | { outcome: 'unreachable'; reason: string }
  | { outcome: 'refused'; reason: string };

/** Posts webhooks, to public addresses only unless the configuration allows private ones. */
export type WebhookSender = {
  /** The address as written (no DNS): refused when it is a private address, localhost, or plain http in production. */
  checkTarget(url: string): { allowed: true } | { allowed: false; refusal: WebhookTargetRefusal };
  post(url: string, input: { body: string; headers: Record<string, string> }): Promise<WebhookPostOutcome>;
};
