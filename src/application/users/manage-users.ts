import { assertKeepsActiveAssocie } from '../../domain/firm/associes.ts';
import { invitationMail } from '../../domain/firm/password-reset-mail.ts';
import { signatoryCapacity } from '../../domain/firm/signatory.ts';
import { type Actor, assertIsAssocie, assertMayManageAccounts } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { hashNewPassword } from '../auth/password-rules.ts';
import { issuePasswordSetupLink } from '../firms/provision-firm.ts';
import type { FirmScope, UserDeps } from '../ports/index.ts';
import type { FormOfAddress, Role, User } from '../records.ts';
import { queueMail } from '../signing/queue-mail.ts';

/** A user as shown: the record (never its password hash) and the capacity it signs in. */
export type UserView = User & {
  formOfAddress: FormOfAddress | null;
  signatoryCapacity: string | null;
  /** What its documents print: the capacity typed, else the one derived (issue 14, item 7). */
  capacity: string;
};

const viewOf = (user: User): UserView => ({
  ...user,
  formOfAddress: user.formOfAddress ?? null,
  signatoryCapacity: user.signatoryCapacity ?? null,
  capacity: signatoryCapacity(user),
});

/** Users are returned as records: the password hash never leaves the store. */
export const listUsers = async (deps: UserDeps, actor: Actor): Promise<UserView[]> =>
  (await deps.store.read(actor.firmId).users.list()).map(viewOf);

/** An invitation waits in a mailbox longer than a reset: three days. */
export const INVITATION_HOURS = 72;

/**
 * A new user of the firm. With a password, the associé hands it over; without one (the usual way),
 * the user gets an invitation by mail with a one-time link to choose theirs, valid three days.
 */
export const createUser = async (
  deps: UserDeps,
  actor: Actor,
  input: {
    email: string;
    name: string;
    role: Role;
    password?: string | undefined;
    formOfAddress?: FormOfAddress | null | undefined;
    signatoryCapacity?: string | null | undefined;
  },
): Promise<UserView> => {
  assertIsAssocie(actor);
  assertMayManageAccounts(actor);
  const email = input.email.trim().toLowerCase();
  // Hashing is slow on purpose: done before the transaction, which stays short (one PGlite connection).
  // An invited user's first password is one nobody knows: the link replaces it.
  const passwordHash = input.password
    ? await hashNewPassword(deps, { password: input.password, email, field: 'password' })
    : await deps.secrets.hashPassword(deps.secrets.newToken());
  return deps.store.transaction(actor.firmId, async (scope) => {
    if (await scope.users.findByEmail(email)) throw new AppError('USER.EMAIL_TAKEN', { email });
    const user: User = {
      firmId: actor.firmId,
      id: deps.ids.uuid(),
      email,
      name: input.name,
      role: input.role,
      isActive: true,
      formOfAddress: input.formOfAddress ?? null,
      signatoryCapacity: input.signatoryCapacity ?? null,
      version: 1,
      createdAt: deps.clock.now(),
    };
    await scope.users.insert({ ...user, passwordHash });
    if (!input.password) await inviteUser(deps, scope, { user, invitedBy: actor.name });
    return viewOf(user);
  });
};

/** What a user may change of their own account without being an associé: how they sign. */
const OWN_FIELDS: readonly string[] = ['formOfAddress', 'signatoryCapacity'];

export type UserFields = Partial<
  Pick<User, 'name' | 'role' | 'isActive' | 'formOfAddress' | 'signatoryCapacity'>
>;

/**
 * An associé changes any user; a user changes the form of address and the capacity they sign in
 * on their own account (issue 14, item 7), nothing else.
 */
export const updateUser = (
  deps: UserDeps,
  actor: Actor,
  input: { userId: string; version: number; fields: UserFields },
): Promise<UserView> => {
  const ownSigningOnly =
    input.userId === actor.userId && Object.keys(input.fields).every((field) => OWN_FIELDS.includes(field));
  if (!ownSigningOnly) assertIsAssocie(actor);
  assertMayManageAccounts(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    // The lock queues concurrent role changes: two associés demoting each other cannot both win.
    const members = await scope.users.list({ forUpdate: true });
    const current = found(
      members.find((member) => member.id === input.userId),
      'user',
    );
    unwrap(assertKeepsActiveAssocie(members, { ...current, ...input.fields }));
    return viewOf(
      notStale(
        await scope.users.update({
          id: current.id,
          expectedVersion: input.version,
          fields: input.fields,
          at: deps.clock.now(),
        }),
      ),
    );
  });
};

/** The invitation mail, through the firm's outbox (an associé reads it there without SMTP). */
const inviteUser = async (
  deps: UserDeps,
  scope: FirmScope,
  input: { user: User; invitedBy: string },
): Promise<void> => {
  const firm = await scope.firm.get();
  const { link } = await issuePasswordSetupLink(deps, scope, {
    userId: input.user.id,
    hours: INVITATION_HOURS,
  });
  await queueMail(deps, scope, {
    kind: 'invitation',
    documentId: null,
    to: { name: input.user.name, address: input.user.email },
    content: invitationMail({
      firmName: firm.name,
      userName: input.user.name,
      invitedBy: input.invitedBy,
      link,
      validHours: INVITATION_HOURS,
    }),
    at: deps.clock.now(),
  });
};
