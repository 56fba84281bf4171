import { assertKeepsActiveAssocie } from '../../domain/firm/associes.ts';
import { invitationMail } from '../../domain/firm/password-reset-mail.ts';
import { type Actor, assertIsAssocie, assertMayManageAccounts } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { hashNewPassword } from '../auth/password-rules.ts';
import { issuePasswordSetupLink } from '../firms/provision-firm.ts';
import type { FirmScope, UserDeps } from '../ports/index.ts';
import type { Role, User } from '../records.ts';
import { queueMail } from '../signing/queue-mail.ts';

/** Users are returned as records: the password hash never leaves the store. */
export const listUsers = (deps: UserDeps, actor: Actor): Promise<User[]> =>
  deps.store.read(actor.firmId).users.list();

/** An invitation waits in a mailbox longer than a reset: three days. */
export const INVITATION_HOURS = 72;

/**
 * A new user of the firm. With a password, the associé hands it over; without one (the usual way),
 * the user gets an invitation by mail with a one-time link to choose theirs, valid three days.
 */
export const createUser = async (
  deps: UserDeps,
  actor: Actor,
  input: { email: string; name: string; role: Role; password?: string | undefined },
): Promise<User> => {
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
      version: 1,
      createdAt: deps.clock.now(),
    };
    await scope.users.insert({ ...user, passwordHash });
    if (!input.password) await inviteUser(deps, scope, { user, invitedBy: actor.name });
    return user;
  });
};

export const updateUser = (
  deps: UserDeps,
  actor: Actor,
  input: { userId: string; version: number; fields: Partial<Pick<User, 'name' | 'role' | 'isActive'>> },
): Promise<User> => {
  assertIsAssocie(actor);
  assertMayManageAccounts(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    // The lock queues concurrent role changes: two associés demoting each other cannot both win.
    const members = await scope.users.list({ forUpdate: true });
    const current = found(
      members.find((member) => member.id === input.userId),
      'user',
    );
    unwrap(assertKeepsActiveAssocie(members, { ...current, ...input.fields }));
    return notStale(
      await scope.users.update({
        id: current.id,
        expectedVersion: input.version,
        fields: input.fields,
        at: deps.clock.now(),
      }),
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
