import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';

export type Member = { readonly id: string; readonly role: string; readonly isActive: boolean };

const isActiveAssocie = (member: Member): boolean => member.role === 'associe' && member.isActive;

/**
 * A firm always keeps at least one active associé: only an associé manages users, the catalogue
 * and the terms, and signs letters for the firm (R-B3). Without one the firm would be locked out
 * of its own settings, so the change that would remove the last one is refused.
 */
export const assertKeepsActiveAssocie = (
  members: readonly Member[],
  change: Member,
): Result<true, Refusal> => {
  const after = members.map((member) => (member.id === change.id ? change : member));
  return after.some(isActiveAssocie) ? ok(true) : refuse('USER.LAST_ASSOCIE', { userId: change.id });
};

/** R-B3: the engagement's responsible user signs for the firm when an associé, else the first active associé. */
export const chooseFirmSignatory = <M extends Member>(
  members: readonly M[],
  responsibleUserId: string | null,
): M | undefined => {
  const associes = members.filter(isActiveAssocie);
  return associes.find((member) => member.id === responsibleUserId) ?? associes[0];
};

/** How an associé signing for the firm is described on its documents. */
export const ASSOCIE_CAPACITY = 'Expert-comptable associé';
