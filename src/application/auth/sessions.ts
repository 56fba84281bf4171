import type { Actor } from '../actor.ts';
import { AppError } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import type { TokenScope, User } from '../records.ts';
import { accountLimits, consumeLimits, limitKey } from './limits.ts';

/** A session ends 14 days after the login, whatever the activity. */
export const SESSION_DAYS = 14;
/** …and after this long without a request (settings.sessionIdleMinutes, SESSION_IDLE_MINUTES). */
export const DEFAULT_SESSION_IDLE_MINUTES = 8 * 60;

export const sessionIdleMinutes = (deps: Pick<Deps, 'settings'>): number =>
  deps.settings.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES;

const toActor = (user: User, tokenScopes?: TokenScope[]): Actor => ({
  firmId: user.firmId,
  userId: user.id,
  role: user.role,
  name: user.name,
  ...(tokenScopes ? { tokenScopes } : {}),
});

type Candidate = User & { passwordHash: string; firmSlug: string };

/**
 * The one account the e-mail and password designate. When no active user has the e-mail, the
 * password is still verified against a hash of no one's password made at today's cost, so that
 * an unknown e-mail takes as long to refuse as a wrong password: the timing reveals no account.
 */
const checkCredentials = async (
  deps: Deps,
  input: { email: string; password: string; firm?: string },
): Promise<Candidate> => {
  const candidates = (await deps.store.auth.findLoginCandidates(input.email)).filter(
    (c) => !input.firm || c.firmSlug === input.firm,
  );
  if (candidates.length === 0) {
    await deps.secrets.verifyPassword(input.password, await deps.secrets.dummyPasswordHash());
    throw new AppError('AUTH.INVALID_CREDENTIALS');
  }
  const matching: Candidate[] = [];
  for (const candidate of candidates) {
    if (await deps.secrets.verifyPassword(input.password, candidate.passwordHash)) matching.push(candidate);
  }
  if (matching.length > 1)
    throw new AppError('AUTH.FIRM_AMBIGUOUS', { firms: matching.map((m) => m.firmSlug) });
  const [user] = matching;
  if (!user) throw new AppError('AUTH.INVALID_CREDENTIALS');
  return user;
};

/** A hash made at an older cost is made again at today's, unless the password changed meanwhile. */
const upgradeHash = async (deps: Deps, user: Candidate, password: string) => {
  if (!deps.secrets.needsRehash(user.passwordHash)) return;
  const upgraded = await deps.secrets.hashPassword(password);
  await deps.store.read(user.firmId).users.replacePasswordHash(user.id, {
    from: user.passwordHash,
    to: upgraded,
  });
};

/**
 * Logs in by e-mail and password. An e-mail known in several firms needs the firm's slug; a wrong
 * e-mail and a wrong password get the same answer, in the same time. Every attempt is counted
 * first (limits.ts) under the address and e-mail, the account and the address; a success gives
 * back its count to the account and the address.
 */
export const login = async (
  deps: Deps,
  input: { email: string; password: string; firm?: string; address: string },
): Promise<{ token: string; expiresAt: Date; user: User }> => {
  const email = input.email.trim().toLowerCase();
  const limits = accountLimits(deps);
  const accountKey = limitKey(deps, 'login-account', email);
  const addressKey = limitKey(deps, 'login-address', input.address);
  await consumeLimits(deps, [
    { key: limitKey(deps, 'login', input.address, email), limit: limits.loginPerAddressAndEmail },
    { key: accountKey, limit: limits.loginFailuresPerAccount },
    { key: addressKey, limit: limits.loginFailuresPerAddress },
  ]);
  const user = await checkCredentials(deps, { ...input, email });
  await deps.store.rateLimits.refund(accountKey);
  await deps.store.rateLimits.refund(addressKey);
  await upgradeHash(deps, user, input.password);
  const token = deps.secrets.newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await deps.store.read(user.firmId).sessions.insert({
    id: deps.ids.uuid(),
    userId: user.id,
    tokenHash: deps.secrets.hashToken(token),
    expiresAt,
    lastSeenAt: now,
  });
  const { passwordHash: _p, firmSlug: _s, ...plain } = user;
  return { token, expiresAt, user: plain };
};

export const logout = (deps: Deps, actor: Actor, token: string) =>
  deps.store.read(actor.firmId).sessions.deleteByTokenHash(deps.secrets.hashToken(token));

/**
 * Resolves a session cookie or an API token (stored hashed) to the acting user. A session idle for
 * longer than sessionIdleMinutes is over, as one past its 14 days; a token past its expiry too.
 */
export const authenticate = async (
  deps: Deps,
  credentials: { sessionToken?: string; apiToken?: string },
): Promise<Actor | undefined> => {
  const now = deps.clock.now();
  if (credentials.apiToken) {
    const found = await deps.store.auth.findApiToken(deps.secrets.hashToken(credentials.apiToken), now);
    return found && toActor(found, found.scopes);
  }
  if (credentials.sessionToken) {
    const idleSince = new Date(now.getTime() - sessionIdleMinutes(deps) * 60_000);
    const user = await deps.store.auth.findSession(deps.secrets.hashToken(credentials.sessionToken), {
      now,
      idleSince,
    });
    return user && toActor(user);
  }
  return undefined;
};
