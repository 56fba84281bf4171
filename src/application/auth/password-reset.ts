import { passwordResetMail } from '../../domain/firm/password-reset-mail.ts';
import { AppError } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import { queueMail } from '../signing/queue-mail.ts';
import { accountLimits, consumeLimits, limitKey } from './limits.ts';
import { hashNewPassword } from './password-rules.ts';
import { endAccessAfterPasswordChange } from './passwords.ts';

/** A reset link serves once, within the hour. */
export const RESET_LINK_MINUTES = 60;

/** Where the link of the mail leads: the token rides in the fragment, never sent to a server's logs. */
export const resetLinkOf = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/$/, '')}/mot-de-passe/nouveau#${token}`;

/**
 * « Mot de passe oublié ? »: for each active account with the e-mail (in the firm named, if one
 * is), a one-time link valid an hour, kept hashed, sent by mail through the firm's outbox. The caller
 * gets the same answer whether an account exists or not; requests are limited per e-mail and per
 * address before anything is looked up, so the limit reveals nothing either.
 */
export const requestPasswordReset = async (
  deps: Deps,
  input: { email: string; firm?: string; address: string },
): Promise<void> => {
  const email = input.email.trim().toLowerCase();
  const limits = accountLimits(deps);
  await consumeLimits(deps, [
    { key: limitKey(deps, 'reset-email', email), limit: limits.resetRequestsPerEmail },
    { key: limitKey(deps, 'reset-address', input.address), limit: limits.resetRequestsPerAddress },
  ]);
  const accounts = (await deps.store.auth.findLoginCandidates(email)).filter(
    (account) => !input.firm || account.firmSlug === input.firm,
  );
  const now = deps.clock.now();
  for (const account of accounts) {
    const token = deps.secrets.newToken();
    await deps.store.transaction(account.firmId, async (scope) => {
      const firm = await scope.firm.get();
      await scope.passwordResets.insert({
        id: deps.ids.uuid(),
        userId: account.id,
        tokenHash: deps.secrets.hashToken(token),
        expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
        createdAt: now,
      });
      await queueMail(deps, scope, {
        kind: 'password_reset',
        documentId: null,
        to: { name: account.name, address: account.email },
        content: passwordResetMail({
          firmName: firm.name,
          userName: account.name,
          link: resetLinkOf(deps.settings.publicUrl, token),
          validMinutes: RESET_LINK_MINUTES,
        }),
        at: now,
      });
    });
  }
};

const invalidLink = () => new AppError('AUTH.RESET_LINK_INVALID');

/**
 * Sets the new password of the link's user: the link and any other pending one are spent, every
 * session and API token of the user ends, and the account's failed-login count is forgotten.
 */
export const confirmPasswordReset = async (
  deps: Deps,
  input: { token: string; newPassword: string },
): Promise<void> => {
  const link = await deps.store.auth.findPasswordReset(deps.secrets.hashToken(input.token));
  if (!link) throw invalidLink();
  const scope = deps.store.read(link.firmId);
  const reset = await scope.passwordResets.find(link.resetId);
  const now = deps.clock.now();
  if (!reset || reset.usedAt || reset.expiresAt <= now) throw invalidLink();
  const user = await scope.users.find(reset.userId);
  if (!user?.isActive) throw invalidLink();
  const passwordHash = await hashNewPassword(deps, {
    password: input.newPassword,
    email: user.email,
    field: 'newPassword',
  });
  await deps.store.transaction(link.firmId, async (tx) => {
    // Two uses of one link at once queue on its row: the second finds it spent.
    const current = await tx.passwordResets.find(reset.id, { forUpdate: true });
    if (!current || current.usedAt) throw invalidLink();
    await tx.users.setPassword(user.id, passwordHash);
    await endAccessAfterPasswordChange(tx, { userId: user.id, at: now });
  });
  await deps.store.rateLimits.clear(limitKey(deps, 'login-account', user.email));
};
