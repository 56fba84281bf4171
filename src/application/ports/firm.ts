import type {
  Firm,
  FirmIdentity,
  FirmLogo,
  FormOfAddress,
  Role,
  SealIdentity,
  StoredSealIdentity,
  TokenScope,
  User,
} from '../records.ts';
import type { Versioned } from './shared.ts';

/** The firm's own settings and logo. */
export type FirmRepository = {
  get(): Promise<Firm>;
  update(
    input: Versioned<
      FirmIdentity & {
        clientCodePrefix: string;
        accentColor: string | null;
        signatureReminderDays: number[];
        signingPeriodDays: number;
        signedCopyAccessDays: number;
      }
    >,
  ): Promise<Firm | undefined>;
  findLogo(): Promise<FirmLogo | undefined>;
  /** Gives the firm this logo, replacing the one it had. */
  setLogo(logo: FirmLogo): Promise<void>;
  /** False when the firm had no logo. */
  deleteLogo(): Promise<boolean>;
};

export type UserRepository = {
  find(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  /** forUpdate locks the firm's users until commit: role changes of one firm queue up. */
  list(options?: { forUpdate?: boolean }): Promise<User[]>;
  /** Throws USER.EMAIL_TAKEN when the e-mail is already used in the firm (unique key). */
  insert(user: User & { passwordHash: string }): Promise<void>;
  update(
    input: Versioned<{
      name: string;
      role: Role;
      isActive: boolean;
      formOfAddress: FormOfAddress | null;
      signatoryCapacity: string | null;
    }>,
  ): Promise<User | undefined>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  /** Replaces the hash only if it is still `from` (a rehash must not undo a password change). */
  replacePasswordHash(id: string, hashes: { from: string; to: string }): Promise<boolean>;
  /** The stored hash, to check a password against; forUpdate locks the user until commit. */
  findPasswordHash(id: string, options?: { forUpdate?: boolean }): Promise<string | undefined>;
};

export type ApiTokenRecord = {
  id: string;
  userId: string;
  name: string;
  scopes: TokenScope[];
  expiresAt: Date;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export type ApiTokenRepository = {
  insert(token: Omit<ApiTokenRecord, 'lastUsedAt'> & { tokenHash: string }): Promise<void>;
  /** The tokens not revoked, expired ones included (they say why an integration stopped). */
  list(): Promise<ApiTokenRecord[]>;
  revoke(id: string, at: Date): Promise<boolean>;
  /** Revokes every token of a user (a password changed or reset); returns how many. */
  revokeByUser(userId: string, at: Date): Promise<number>;
};

export type SessionRepository = {
  insert(session: {
    id: string;
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    lastSeenAt: Date;
  }): Promise<void>;
  deleteByTokenHash(tokenHash: string): Promise<void>;
  /** Ends every session of a user but the one kept (the one changing its password). */
  deleteByUser(userId: string, options?: { exceptTokenHash?: string }): Promise<void>;
};

export type PasswordReset = {
  id: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
};

/** The one-time links of « Mot de passe oublié ? », kept by the hash of their token. */
export type PasswordResetRepository = {
  insert(reset: Omit<PasswordReset, 'usedAt'> & { tokenHash: string }): Promise<void>;
  /** forUpdate locks the link until commit: two uses at once, one wins. */
  find(id: string, options?: { forUpdate?: boolean }): Promise<PasswordReset | undefined>;
  /** Marks every unused link of the user used (the one just used, and any older one). */
  useAllOfUser(userId: string, at: Date): Promise<void>;
};

export type SealIdentityRepository = {
  find(): Promise<StoredSealIdentity | undefined>;
  /** Keeps the first identity stored for the firm; returns the one kept (a concurrent first seal). */
  insertIfAbsent(identity: SealIdentity, at: Date): Promise<StoredSealIdentity>;
  /**
   * Stores `identity` in place of the firm's (an import, a return to self-signed, a seal made anew).
   * With `replacing`, only while the stored certificate is still that one (servers starting together
   * remake an outdated seal once); false when it was not.
   */
  replace(
    identity: SealIdentity,
    input: { source: StoredSealIdentity['source']; issuer: string; at: Date; replacing?: Uint8Array },
  ): Promise<boolean>;
};
