import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import { chooseFirmSignatory, type Member } from './associes.ts';
import type { FormOfAddress, Role } from './firm.ts';

/**
 * Who signs for the firm, and in what capacity (issue 14, item 7). The capacity is printed under
 * the signatory's name on the letter, in the signature box and on the e-signature request, agreed
 * with the person: « Experte-comptable associée » for Madame, « Expert-comptable associé » for
 * Monsieur. A user, or an associé for them, may type another (« Commissaire aux comptes associée »).
 */

export type SignatoryProfile = {
  readonly role: Role;
  readonly formOfAddress?: FormOfAddress | null;
  readonly signatoryCapacity?: string | null;
};

const DEFAULT_CAPACITIES: Record<Role, Record<FormOfAddress, string>> = {
  associe: { madame: 'Experte-comptable associée', monsieur: 'Expert-comptable associé' },
  collaborateur: { madame: 'Collaboratrice du cabinet', monsieur: 'Collaborateur du cabinet' },
  lecture: { madame: 'Collaboratrice du cabinet', monsieur: 'Collaborateur du cabinet' },
};

/** The capacity derived from the role and the form of address; without one, the masculine form. */
export const defaultCapacity = (role: Role, formOfAddress: FormOfAddress | null | undefined): string =>
  DEFAULT_CAPACITIES[role][formOfAddress ?? 'monsieur'];

/** The capacity a user signs in: the one typed, else the default. */
export const signatoryCapacity = (user: SignatoryProfile): string => {
  const typed = user.signatoryCapacity?.trim();
  return typed ? typed : defaultCapacity(user.role, user.formOfAddress);
};

/**
 * The associé who signs a document for the firm: the one chosen on the document while they are
 * still an active associé, else R-B3's rule (the engagement's responsible associé, else the first).
 */
export const documentSignatory = <M extends Member>(
  members: readonly M[],
  input: { chosenId: string | null | undefined; responsibleUserId: string | null },
): M | undefined =>
  members.find((m) => m.id === input.chosenId && m.role === 'associe' && m.isActive) ??
  chooseFirmSignatory(members, input.responsibleUserId);

/** Only an active associé may be chosen to sign for the firm. */
export const assertMaySignForFirm = (members: readonly Member[], userId: string): Result<true, Refusal> => {
  const member = members.find((m) => m.id === userId);
  return member?.role === 'associe' && member.isActive
    ? ok(true)
    : refuse('DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE', { userId });
};
