import { parseFreezeRegister } from '../../domain/vigilance/freeze-register.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, unwrap } from '../app-error.ts';
import type { Deps, FirmScope, RegisterImport } from '../ports/index.ts';
import { yieldToOthers } from '../yield-to-others.ts';
import { recordFileEvent } from './file-access.ts';
import { recordFileChanged } from './file-changed.ts';
import { matchesOf } from './screening.ts';
import { screeningIndexOf } from './screening-index.ts';

/** Files screened per transaction: a short transaction, the rest of the product answering meanwhile. */
export const SCREENING_CHUNK = 50;

export type RegisterState = {
  lastImport: Omit<RegisterImport, 'newMatches' | 'screeningFinishedAt'> | null;
  screening: {
    status: 'running' | 'done';
    filesTotal: number;
    filesScreened: number;
    newMatches: number;
    finishedAt: Date | null;
  } | null;
};

const stateOf = async (scope: FirmScope, register: RegisterImport | undefined): Promise<RegisterState> => {
  if (!register) return { lastImport: null, screening: null };
  const { newMatches, screeningFinishedAt, ...lastImport } = register;
  const progress = await scope.vigilance.screeningProgress(register.id);
  return {
    lastImport,
    screening: {
      status: screeningFinishedAt ? 'done' : 'running',
      ...progress,
      newMatches,
      finishedAt: screeningFinishedAt,
    },
  };
};

/**
 * R-F5: an associé imports the register the Treasury publishes (its JSON text). The register is
 * stored and its screening of every file queued (job `vigilance.screen`) in one transaction; until
 * a file is screened against it, the gate holds that file's letters (`screening.pending`).
 */
export const importFreezeRegister = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'secrets'>,
  actor: Actor | null,
  input: { firmId: string; text: string },
): Promise<RegisterState> => {
  if (actor) assertIsAssocie(actor);
  let json: unknown;
  try {
    json = JSON.parse(input.text);
  } catch {
    throw new AppError('VIGILANCE.REGISTER_INVALID');
  }
  const register = unwrap(parseFreezeRegister(json));
  const at = deps.clock.now();
  const id = deps.ids.uuid();
  const sha256 = deps.secrets.sha256(new TextEncoder().encode(input.text));
  return deps.store.transaction(input.firmId, async (scope) => {
    await scope.vigilance.insertRegister({
      ...register,
      id,
      sha256,
      importedAt: at,
      importedBy: actor?.userId ?? null,
    });
    await scope.jobs.enqueue({ name: 'vigilance.screen', data: { firmId: input.firmId, registerId: id } });
    return stateOf(scope, await scope.vigilance.findRegisterImport(id));
  });
};

/** R-F5: the last import of the register and how far its screening of the files went. */
export const getRegisterState = async (deps: Pick<Deps, 'store'>, actor: Actor): Promise<RegisterState> => {
  assertIsAssocie(actor);
  const scope = deps.store.read(actor.firmId);
  return stateOf(scope, await scope.vigilance.findRegisterImport());
};

/**
 * One chunk: the next files not screened against the import, locked (those another run holds are
 * skipped); their matches, their mark and the import's count written together. A crash loses the
 * chunk whole and the next run takes it again; a match already known is not inserted twice.
 */
const screenChunk = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: { firmId: string; registerId: string; chunkSize: number },
): Promise<'more' | 'empty' | 'stale'> =>
  deps.store.transaction(input.firmId, async (scope) => {
    const latest = await scope.vigilance.findRegisterImport();
    // A newer import screens every file itself; a finished one has nothing left.
    if (latest?.id !== input.registerId || latest.screeningFinishedAt) return 'stale';
    const index = await screeningIndexOf(scope, latest);
    const files = await scope.vigilance.claimFilesToScreen(input.registerId, input.chunkSize);
    if (files.length === 0) return 'empty';
    const at = deps.clock.now();
    let newMatches = 0;
    for (const file of files) {
      const found = await scope.vigilance.insertMatches(matchesOf(deps, file, index, at));
      if (found > 0) {
        newMatches += found;
        await recordFileEvent(deps, scope, {
          engagementId: file.engagementId,
          type: 'screening.matched',
          actor: null,
          at,
          data: { registerId: input.registerId, newMatches: found },
        });
        await recordFileChanged(scope, {
          actor: null,
          engagementId: file.engagementId,
          at,
          change: 'screening',
        });
      }
      // One file's names at a time: the event loop is never held longer.
      await yieldToOthers();
    }
    await scope.vigilance.markScreened(input.registerId, {
      engagementIds: files.map((f) => f.engagementId),
      newMatches,
    });
    return 'more';
  });

/**
 * The `vigilance.screen` job (R-F5): every file of the firm against the import, chunk after chunk,
 * each its own transaction. Idempotent and resumable: a file is marked screened with its matches,
 * so a run after a crash (or beside another) takes only the files left.
 */
export const runRegisterScreening = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: { firmId: string; registerId: string; chunkSize?: number },
): Promise<void> => {
  const chunkSize = input.chunkSize ?? SCREENING_CHUNK;
  for (;;) {
    const outcome = await screenChunk(deps, { ...input, chunkSize });
    if (outcome === 'stale') return;
    if (outcome === 'empty') break;
    await yieldToOthers();
  }
  await deps.store.transaction(input.firmId, async (scope) => {
    const progress = await scope.vigilance.screeningProgress(input.registerId);
    // A file held by a long transaction was skipped: the job fails and its retry takes it.
    if (progress.filesScreened < progress.filesTotal) {
      const latest = await scope.vigilance.findRegisterImport();
      if (latest?.id === input.registerId) throw new Error('vigilance.screen: files left to screen, retried');
    }
    await scope.vigilance.finishScreening(input.registerId, deps.clock.now());
  });
};
