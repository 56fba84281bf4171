import type { Firm, FirmIdentity, FirmLogo, Role, SealIdentity, User } from '../records.ts';
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
  update(input: Versioned<{ name: string; role: Role; isActive: boolean }>): Promise<User | undefined>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  /** The stored hash, to check a password against; forUpdate locks the user until commit. */
  findPasswordHash(id: string, options?: { forUpdate?: boolean }): Promise<string | undefined>;
};

export type ApiTokenRepository = {
  insert(token: {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    createdAt: Date;
  }): Promise<void>;
  list(): Promise<{ id: string; userId: string; name: string; createdAt: Date; lastUsedAt: Date | null }[]>;
  revoke(id: string, at: Date): Promise<boolean>;
};

export type SessionRepository = {
  insert(session: { id: string; userId: string; tokenHash: string; expiresAt: Date }): Promise<void>;
  deleteByTokenHash(tokenHash: string): Promise<void>;
  /** Ends every session of a user but the one kept (the one changing its password). */
  deleteByUser(userId: string, options?: { exceptTokenHash?: string }): Promise<void>;
};

export type SealIdentityRepository = {
  find(): Promise<SealIdentity | undefined>;
  /** Keeps the first identity stored for the firm; returns the one kept (a concurrent first seal). */
  insertIfAbsent(identity: SealIdentity, at: Date): Promise<SealIdentity>;
};
