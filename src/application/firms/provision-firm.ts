import { isValidSiren } from '../../domain/shared/siren.ts';
import { AppError } from '../app-error.ts';
import { resetLinkOf } from '../auth/password-reset.ts';
import { PRICE_REASONS, recordServicePrice } from '../catalogue/price-history.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { Firm, FirmIdentity, ServiceFields, TermsVersion, User } from '../records.ts';
import { createFirm } from './create-firm.ts';

/** The link that lets a new user choose a password: a day, since it often waits in a mailbox. */
export const PASSWORD_SETUP_HOURS = 24;

export type StarterKit = {
  services: readonly ServiceFields[];
  terms: readonly Omit<TermsVersion, 'id' | 'createdAt'>[];
};

/**
 * A firm's catalogue and general terms to start from, in the caller's transaction; a firm that
 * already has services (or terms) keeps them, so the step can run again.
 */
export const installStarterKit = async (
  deps: Deps,
  scope: FirmScope,
  input: StarterKit & { userId: string; at: Date },
): Promise<void> => {
  if ((await scope.services.list({ includeArchived: true })).length === 0) {
    for (const fields of input.services) {
      const service = { ...fields, id: deps.ids.uuid(), archivedAt: null, version: 1 };
      await scope.services.insert(service, input.at);
      await recordServicePrice(deps, scope, {
        serviceId: service.id,
        priceCents: service.priceCents,
        at: input.at,
        changedBy: input.userId,
        reason: PRICE_REASONS.created,
      });
    }
  }
  if ((await scope.terms.list()).length === 0) {
    for (const terms of input.terms)
      await scope.terms.insert({ ...terms, id: deps.ids.uuid(), createdAt: input.at });
  }
};

/**
 * A one-time link for a user with no password yet to choose one (kept hashed, like a reset link):
 * what `firm create`, the setup page and invitations hand over instead of a password.
 */
export const issuePasswordSetupLink = async (
  deps: Pick<Deps, 'ids' | 'secrets' | 'clock' | 'settings'>,
  scope: FirmScope,
  input: { userId: string; hours?: number },
): Promise<{ link: string; expiresAt: Date }> => {
  const token = deps.secrets.newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + (input.hours ?? PASSWORD_SETUP_HOURS) * 3_600_000);
  await scope.passwordResets.insert({
    id: deps.ids.uuid(),
    userId: input.userId,
    tokenHash: deps.secrets.hashToken(token),
    expiresAt,
    createdAt: now,
  });
  return { link: resetLinkOf(deps.settings.publicUrl, token), expiresAt };
};

/** A firm's address in URLs and logs: its name without accents or punctuation, unique. */
const slugOf = (name: string, taken: Set<string>): string => {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'cabinet';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
};

export type ProvisionInput = {
  identity: Partial<FirmIdentity> & { name: string; siren: string };
  associe: { name: string; email: string };
  starterKit: StarterKit;
  /** The associé's password, chosen in the setup form; without it, they get a link to choose one. */
  passwordHash?: string;
};

/**
 * A real firm, as an operator creates it (`lettrine firm create`, or the setup page of a new
 * installation): its identity, its first associé without a password, the starter catalogue and
 * terms, and the one-time link for the associé to choose a password. A SIREN is one firm's.
 */
export const provisionFirm = async (
  deps: Deps,
  input: ProvisionInput,
): Promise<{ firm: Firm; associe: User; link: string | null; expiresAt: Date | null }> => {
  const siren = input.identity.siren.replace(/\s/g, '');
  if (!isValidSiren(siren)) throw new AppError('FIRM.SIREN_INVALID', { siren });
  const firms = await deps.store.listFirms();
  if (firms.some((firm) => firm.siren === siren)) throw new AppError('FIRM.SIREN_TAKEN', { siren });
  const { firm, users } = await createFirm(deps, {
    slug: slugOf(input.identity.name, new Set(firms.map((f) => f.slug))),
    clientCodePrefix: 'CLI',
    identity: { ...input.identity, siren },
    users: [
      {
        name: input.associe.name,
        email: input.associe.email.trim().toLowerCase(),
        role: 'associe',
        // Chosen in the setup form; else one nobody knows, the associé choosing theirs through the link.
        ...(input.passwordHash
          ? { passwordHash: input.passwordHash }
          : { password: deps.secrets.newToken() }),
      },
    ],
  });
  const associe = users[0] as User;
  const setup = await deps.store.transaction(firm.id, async (scope) => {
    await installStarterKit(deps, scope, { ...input.starterKit, userId: associe.id, at: deps.clock.now() });
    if (input.passwordHash) return { link: null, expiresAt: null };
    return issuePasswordSetupLink(deps, scope, { userId: associe.id });
  });
  return { firm, associe, ...setup };
};
