import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';

/** API tokens for integrations act as the user who made them; only the hash is kept. */
export const createApiToken = async (deps: Deps, actor: Actor, input: { name: string }) => {
  assertIsAssocie(actor);
  const token = `lt_${deps.secrets.newToken()}`;
  const record = { id: deps.ids.uuid(), userId: actor.userId, name: input.name, createdAt: deps.clock.now() };
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
  const revoked = await deps.store.read(actor.firmId).apiTokens.revoke(input.tokenId, deps.clock.now());
  if (!revoked) throw new AppError('RESOURCE.NOT_FOUND', { resource: 'api_token' });
};
