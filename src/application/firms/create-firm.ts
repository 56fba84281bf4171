import { DEFAULT_REMINDER_DAYS, DEFAULT_SIGNING_PERIOD_DAYS } from '../../domain/signing/signing-rules.ts';
import type { Deps } from '../ports/index.ts';
import type { Firm, FirmIdentity, Role, User } from '../records.ts';

export type NewUserInput = { email: string; name: string; role: Role; password: string };

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
    dpoEmail: null,
    revisionClauseByDefault: true,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await deps.store.insertFirm(firm);
  const users: User[] = [];
  for (const { password, ...fields } of input.users) {
    const user: User = {
      ...fields,
      firmId: firm.id,
      id: deps.ids.uuid(),
      isActive: true,
      version: 1,
      createdAt: at,
    };
    await deps.store
      .read(firm.id)
      .users.insert({ ...user, passwordHash: await deps.secrets.hashPassword(password) });
    users.push(user);
  }
  return { firm, users };
};
