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
  /** Days a signer may still open their link and download the sealed copy once the document is signed. */
  signedCopyAccessDays: number;
  /** The data-protection contact the letters give (GDPR art. 13 and 28); null: the firm's e-mail. */
  dpoEmail: string | null;
  /** New proposals and letters carry the standard revision clause unless the user removes it. */
  revisionClauseByDefault: boolean;
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
  /** The agreement of the capacity the user signs in (« experte-comptable associée »). */
  formOfAddress?: FormOfAddress | null;
  /** The capacity as the user or an associé typed it; null: signatoryCapacity derives it. */
  signatoryCapacity?: string | null;
  version: number;
  createdAt: Date;
};

export const FORMS_OF_ADDRESS = ['madame', 'monsieur'] as const;
export type FormOfAddress = (typeof FORMS_OF_ADDRESS)[number];
