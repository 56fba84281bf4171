import { assertKeepsActiveAssocie } from '../../domain/firm/associes.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import type { UserDeps } from '../ports/index.ts';
import type { Role, User } from '../records.ts';

/** Users are returned as records: the password hash never leaves the store. */
export const listUsers = (deps: UserDeps, actor: Actor): Promise<User[]> =>
  deps.store.read(actor.firmId).users.list();

export const createUser = async (
  deps: UserDeps,
  actor: Actor,
  input: { email: string; name: string; role: Role; password: string },
): Promise<User> => {
  assertIsAssocie(actor);
  const email = input.email.trim().toLowerCase();
  // Hashing is slow on purpose: done before the transaction, which stays short (one PGlite connection).
  const passwordHash = await deps.secrets.hashPassword(input.password);
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
    return user;
  });
};

export const updateUser = (
  deps: UserDeps,
  actor: Actor,
  input: { userId: string; version: number; fields: Partial<Pick<User, 'name' | 'role' | 'isActive'>> },
): Promise<User> => {
  assertIsAssocie(actor);
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
