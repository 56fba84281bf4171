import { assertEffectiveFromFollows, nextTermsVersion } from '../../domain/firm/terms-versions.ts';
import { type IsoDate, parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, found, unwrap } from '../app-error.ts';
import type { TermsDeps } from '../ports/index.ts';
import type { TermsVersion } from '../records.ts';

export type TermsSummary = Omit<TermsVersion, 'body'> & { isCurrent: boolean };

/** R-D6: every version, newest first, without the long text; the one in force today is marked. */
export const listTerms = async (deps: TermsDeps, actor: Actor): Promise<TermsSummary[]> => {
  const scope = deps.store.read(actor.firmId);
  const [versions, current] = await Promise.all([
    scope.terms.list(),
    scope.terms.currentOn(parisDate(deps.clock.now())),
  ]);
  return versions.map(({ body: _body, ...summary }) => ({
    ...summary,
    isCurrent: summary.id === current?.id,
  }));
};

/** R-D6: the version in force on the firm's today (the day in Paris). */
export const getCurrentTerms = async (deps: TermsDeps, actor: Actor): Promise<TermsVersion> => {
  const today = parisDate(deps.clock.now());
  const current = await deps.store.read(actor.firmId).terms.currentOn(today);
  if (!current) throw new AppError('TERMS.NONE_CURRENT', { date: today });
  return current;
};

export const getTerms = async (deps: TermsDeps, actor: Actor, input: { termsId: string }) =>
  found(await deps.store.read(actor.firmId).terms.find(input.termsId), 'terms');

/**
 * R-D6: publishes a new version of the terms. Versions are never edited (signed letters point to
 * them); the number is the previous one plus one, and the unique key settles two concurrent
 * publications (the second gets TERMS.VERSION_TAKEN).
 */
export const publishTerms = (
  deps: TermsDeps,
  actor: Actor,
  input: { title: string; body: string; effectiveFrom: IsoDate },
): Promise<TermsVersion> => {
  assertIsAssocie(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const [latest] = await scope.terms.list();
    const terms: TermsVersion = {
      id: deps.ids.uuid(),
      version: nextTermsVersion(latest),
      title: input.title,
      body: input.body,
      effectiveFrom: unwrap(assertEffectiveFromFollows(latest, input.effectiveFrom)),
      createdAt: deps.clock.now(),
    };
    await scope.terms.insert(terms);
    return terms;
  });
};
