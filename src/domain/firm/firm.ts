/** The firm (the tenant), its identity printed on every document, and its staff. */

export const ROLES = ['associe', 'collaborateur', 'lecture'] as const;
export type Role = (typeof ROLES)[number];

export type FirmIdentity = {
  name: string;
  legalForm: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  siren: string | null;
  rcs: string | null;
  vatNumber: string | null;
  ordreCouncil: string | null;
  insurer: string | null;
  insuranceCoverage: string | null;
  consumerMediator: string | null;
};

export type Firm = FirmIdentity & {
  id: string;
  slug: string;
  clientCodePrefix: string;
  /** The firm's colour in its documents, "#RRGGBB"; null for Lettrine's default. */
  accentColor: string | null;
  hasLogo: boolean;
  /** Days after sending when a pending signer is reminded, in increasing order (for example 3 and 7). */
  signatureReminderDays: number[];
  /** Days a sent letter, amendment or work order awaits its signatures before it expires. */
  signingPeriodDays: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number];

export type FirmLogo = {
  contentType: LogoContentType;
  bytes: Uint8Array;
  width: number;
  height: number;
  uploadedAt: Date;
};

export type User = {
  firmId: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  version: number;
  createdAt: Date;
};
