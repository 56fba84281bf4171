import { DEFAULT_REMINDER_DAYS, DEFAULT_SIGNING_PERIOD_DAYS } from '../../domain/signing/signing-rules.ts';
import { DEFAULT_SIGNED_COPY_ACCESS_DAYS } from '../../domain/signing/signing-trail.ts';
import type { Deps } from '../ports/index.ts';
import type { Firm, FirmIdentity, Role, User } from '../records.ts';

/** A first user: with a password to hash, or with its hash already made (the setup form checked it). */
export type NewUserInput = { email: string; name: string; role: Role } & (
  | { password: string }
  | { passwordHash: string }
);

const emptyIdentity: Omit<FirmIdentity, 'name'> = {
  legalForm: null,
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  phone: null,
  email: null,
  siren: null,
  rcs: null,
  vatNumber: null,
  ordreCouncil: null,
  insurer: null,
  insuranceCoverage: null,
  consumerMediator: null,
};

/**
 * A new firm (tenant) with its first users; the platform's own operation, not a firm user's, so
 * it takes no actor. The first user should be an associé, who then manages the others.
 */
export const createFirm = async (
  deps: Deps,
  input: {
    slug: string;
    clientCodePrefix: string;
    identity: Partial<FirmIdentity> & { name: string };
    users: NewUserInput[];
  },
): Promise<{ firm: Firm; users: User[] }> => {
  const at = deps.clock.now();
  const firm: Firm = {
    ...emptyIdentity,
    ...input.identity,
    id: deps.ids.uuid(),
    slug: input.slug,
    clientCodePrefix: input.clientCodePrefix,
    accentColor: null,
    hasLogo: false,
    signatureReminderDays: [...DEFAULT_REMINDER_DAYS],
    signingPeriodDays: DEFAULT_SIGNING_PERIOD_DAYS,
    signedCopyAccessDays: DEFAULT_SIGNED_COPY_ACCESS_DAYS,
    dpoEmail: null,
    revisionClauseByDefault: true,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await deps.store.insertFirm(firm);
  const users: User[] = [];
  for (const newUser of input.users) {
    const { email, name, role } = newUser;
    const user: User = {
      email,
      name,
      role,
      firmId: firm.id,
      id: deps.ids.uuid(),
      isActive: true,
      version: 1,
      createdAt: at,
    };
    await deps.store.read(firm.id).users.insert({
      ...user,
      passwordHash:
        'passwordHash' in newUser ? newUser.passwordHash : await deps.secrets.hashPassword(newUser.password),
    });
    users.push(user);
  }
  return { firm, users };
};
