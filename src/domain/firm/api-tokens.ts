/**
 * What an API token may do. `read` reads; `write` also writes the firm's data; `admin` also makes
 * and revokes tokens and creates or changes users (and passwords). Every token reads; `admin`
 * includes `write`.
 */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A token lives 90 days unless asked otherwise, a year at most: a forgotten token dies on its own. */
export const API_TOKEN_DAYS = { default: 90, max: 365 } as const;

/** The scopes as stored: `read` always, `write` with `admin`, in the catalogue's order. */
export const tokenScopes = (asked: readonly TokenScope[]): TokenScope[] => {
  const wanted = new Set<TokenScope>(['read', ...asked]);
  if (wanted.has('admin')) wanted.add('write');
  return TOKEN_SCOPES.filter((scope) => wanted.has(scope));
};
