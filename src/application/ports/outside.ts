import type { DocumentContent } from '../../domain/documents/content/blocks.ts';
import type { SealIdentity } from '../records.ts';

/** The services outside the database the use cases call: time, ids, secrets, PDF, mail, seal, webhooks. */

export type Clock = { now(): Date };
export type IdGenerator = { uuid(): string };

/** Secrets are made and checked outside the application: scrypt for passwords, SHA-256 for tokens. */
export type Secrets = {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, hash: string): Promise<boolean>;
  /** A random token of at least 256 bits, URL-safe. */
  newToken(): string;
  hashToken(token: string): string;
  /** A uniformly random code of that many decimal digits (a signing code). */
  newNumericCode(digits: number): string;
  /** HMAC-SHA256 of the message under the key, in hex (webhook signatures). */
  hmacSha256(key: string, message: string): string;
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
};

export type RenderedPdf = { bytes: Uint8Array; sha256: string };

/** Lays out a document's content as a PDF; the words and figures are decided in the domain. */
export type PdfRenderer = {
  render(content: DocumentContent, options: RenderOptions): Promise<RenderedPdf>;
  /** The size of an image the renderer can embed (PNG or JPEG), undefined when it cannot. */
  readImage(bytes: Uint8Array): { width: number; height: number } | undefined;
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

/** Seals a PDF with a PAdES-B-B signature by the firm's certificate. */
export type PdfSealer = {
  createIdentity(input: { commonName: string; organization?: string; at: Date }): Promise<SealIdentity>;
  seal(
    pdf: Uint8Array,
    identity: SealIdentity,
    meta: { reason: string; name: string; location?: string; at: Date },
  ): Promise<Uint8Array>;
};

/** Posts a webhook; resolves with the receiver's status, rejects on a network error or timeout. */
export type WebhookSender = {
  post(url: string, input: { body: string; headers: Record<string, string> }): Promise<{ status: number }>;
};
