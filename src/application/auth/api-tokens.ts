import { tokenScopes } from '../../domain/firm/api-tokens.ts';
import { type Actor, assertIsAssocie, assertMayManageAccounts } from '../actor.ts';
import { AppError } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import { API_TOKEN_DAYS, type TokenScope } from '../records.ts';

/**
 * API tokens for integrations act as the associé who made them, within their scopes, until their
 * expiry (90 days by default, a year at most); only the hash is kept. A token makes tokens only
 * with the `admin` scope.
 */
export const createApiToken = async (
  deps: Deps,
  actor: Actor,
  input: { name: string; scopes?: TokenScope[]; expiresInDays?: number },
) => {
  assertIsAssocie(actor);
  assertMayManageAccounts(actor);
  const token = `lt_${deps.secrets.newToken()}`;
  const createdAt = deps.clock.now();
  const days = Math.min(input.expiresInDays ?? API_TOKEN_DAYS.default, API_TOKEN_DAYS.max);
  const record = {
    id: deps.ids.uuid(),
    userId: actor.userId,
    name: input.name,
    scopes: tokenScopes(input.scopes ?? ['read', 'write']),
    expiresAt: new Date(createdAt.getTime() + days * 86_400_000),
    createdAt,
  };
  await deps.store
    .read(actor.firmId)
    .apiTokens.insert({ ...record, tokenHash: deps.secrets.hashToken(token) });
  return { ...record, token };
};

export const listApiTokens = (deps: Deps, actor: Actor) => {
  assertIsAssocie(actor);
  return deps.store.read(actor.firmId).apiTokens.list();
};

export const revokeApiToken = async (deps: Deps, actor: Actor, input: { tokenId: string }) => {
  assertIsAssocie(actor);
  assertMayManageAccounts(actor);
  const revoked = await deps.store.read(actor.firmId).apiTokens.revoke(input.tokenId, deps.clock.now());
  if (!revoked) throw new AppError('RESOURCE.NOT_FOUND', { resource: 'api_token' });
};
