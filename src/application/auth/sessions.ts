import type { Actor } from '../actor.ts';
import { AppError } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import type { User } from '../records.ts';

export const SESSION_DAYS = 14;

const toActor = (user: User): Actor => ({
  firmId: user.firmId,
  userId: user.id,
  role: user.role,
  name: user.name,
});

/**
 * A scrypt hash of no one's password, made with the production parameters (N=2^15, r=8, p=1). When
 * no active user has the e-mail, login still verifies the password against it, so that an unknown
 * e-mail takes as long to refuse as a wrong password and the answer's timing reveals no account.
 */
export const DUMMY_PASSWORD_HASH =
  'scrypt$32768$8$1$+e6tmvbtZzQPPQtwMmhr9A==$e3sQUiPAmsWwQjySaL3jAw9e+2CcXSg+CTD1NSIrcLIVKspcpvb5ef7PECtzIt5yovjCuC4D7mjNksNVtWxAiw==';

/**
 * Logs in by e-mail and password. An e-mail known in several firms needs the firm's slug; a wrong
 * e-mail and a wrong password get the same answer, in the same time.
 */
export const login = async (
  deps: Deps,
  input: { email: string; password: string; firm?: string },
): Promise<{ token: string; expiresAt: Date; user: User }> => {
  const candidates = (await deps.store.auth.findLoginCandidates(input.email)).filter(
    (c) => !input.firm || c.firmSlug === input.firm,
  );
  if (candidates.length === 0) {
    await deps.secrets.verifyPassword(input.password, DUMMY_PASSWORD_HASH);
    throw new AppError('AUTH.INVALID_CREDENTIALS');
  }
  const matching = [];
  for (const candidate of candidates) {
    if (await deps.secrets.verifyPassword(input.password, candidate.passwordHash)) matching.push(candidate);
  }
  if (matching.length > 1)
    throw new AppError('AUTH.FIRM_AMBIGUOUS', { firms: matching.map((m) => m.firmSlug) });
  const [user] = matching;
  if (!user) throw new AppError('AUTH.INVALID_CREDENTIALS');
  const token = deps.secrets.newToken();
  const expiresAt = new Date(deps.clock.now().getTime() + SESSION_DAYS * 86_400_000);
  await deps.store.read(user.firmId).sessions.insert({
    id: deps.ids.uuid(),
    userId: user.id,
    tokenHash: deps.secrets.hashToken(token),
    expiresAt,
  });
  const { passwordHash: _p, firmSlug: _s, ...plain } = user;
  return { token, expiresAt, user: plain };
};

export const logout = (deps: Deps, actor: Actor, token: string) =>
  deps.store.read(actor.firmId).sessions.deleteByTokenHash(deps.secrets.hashToken(token));

/** Resolves a session cookie or an API token (stored hashed) to the acting user. */
export const authenticate = async (
  deps: Deps,
  credentials: { sessionToken?: string; apiToken?: string },
): Promise<Actor | undefined> => {
  const now = deps.clock.now();
  if (credentials.apiToken) {
    const user = await deps.store.auth.findApiToken(deps.secrets.hashToken(credentials.apiToken), now);
    return user && toActor(user);
  }
  if (credentials.sessionToken) {
    const user = await deps.store.auth.findSession(deps.secrets.hashToken(credentials.sessionToken), now);
    return user && toActor(user);
  }
  return undefined;
};
