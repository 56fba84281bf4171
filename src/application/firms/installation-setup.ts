import { AppError } from '../app-error.ts';
import { hashNewPassword } from '../auth/password-rules.ts';
import type { Deps } from '../ports/index.ts';
import type { FirmIdentity } from '../records.ts';
import { publicPage } from '../signing/signing-link-mails.ts';
import { provisionFirm, type StarterKit } from './provision-firm.ts';

/** The setup link lives a day; a start of the still-empty installation prints a new one. */
export const SETUP_LINK_HOURS = 24;

/**
 * The first start of an empty database in production prints this link (as Grafana or Jenkins do):
 * whoever can read the server's output creates the first firm with it, and nobody else can. The
 * token rides in the fragment, never sent to a server's logs. Undefined once a firm exists.
 */
export const openInstallationSetup = async (
  deps: Deps,
): Promise<{ link: string; expiresAt: Date } | undefined> => {
  if ((await deps.store.listFirms()).length > 0) return undefined;
  const token = deps.secrets.newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  await deps.store.installation.replaceSetupToken({
    tokenHash: deps.secrets.hashToken(token),
    expiresAt,
    at: now,
  });
  return { link: publicPage(deps.settings.publicUrl, `/installation#${token}`), expiresAt };
};

export type InstallationInput = {
  token: string;
  firm: Partial<FirmIdentity> & { name: string; siren: string };
  associe: { name: string; email: string; password: string };
  catalogue: 'vide' | 'standard';
};

/**
 * « Créer votre cabinet »: the setup link's holder creates the first firm and its associé, who
 * chose a password in the same form; the link is then dead. A refused form (a SIREN, a password)
 * gives the link back for the corrected try.
 */
export const setUpInstallation = async (
  deps: Deps,
  input: InstallationInput,
  starterKitOf: (choice: InstallationInput['catalogue'], firmEmail: string) => StarterKit,
) => {
  const email = input.associe.email.trim().toLowerCase();
  // Checked before the link is spent: a weak password is a correction, not a lost link.
  const passwordHash = await hashNewPassword(deps, {
    password: input.associe.password,
    email,
    field: 'associe.password',
  });
  const tokenHash = deps.secrets.hashToken(input.token);
  if (!(await deps.store.installation.claimSetupToken(tokenHash, deps.clock.now())))
    throw new AppError('SETUP.LINK_INVALID');
  try {
    const firmEmail = input.firm.email ?? email;
    const { firm, associe } = await provisionFirm(deps, {
      identity: { ...input.firm, email: firmEmail },
      associe: { name: input.associe.name, email },
      starterKit: starterKitOf(input.catalogue, firmEmail),
      passwordHash,
    });
    return { firmId: firm.id, firmSlug: firm.slug, associeEmail: associe.email };
  } catch (error) {
    await deps.store.installation.releaseSetupToken(tokenHash);
    throw error;
  }
};
