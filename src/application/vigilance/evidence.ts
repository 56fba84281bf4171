import { checkEvidenceFile, type EvidenceContentType } from '../../domain/vigilance/evidence.ts';
import type { EvidenceKind } from '../../domain/vigilance/identification.ts';
import { writtenAgain } from '../../domain/vigilance/retention.ts';
import type { StoredEvidence } from '../../domain/vigilance/vigilance-file.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { found, unwrap } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import { getEngagementForFile, recordFileEvent } from './file-access.ts';
import { recordFileChanged } from './file-changed.ts';
import { fileOrStarted } from './file-state.ts';

export type EvidenceUpload = {
  engagementId: string;
  kind: EvidenceKind;
  personId: string | null;
  documentNumber: string | null;
  expiresOn: string | null;
  fileName: string;
  contentType: EvidenceContentType;
  bytes: Uint8Array;
  /** The uploader checked the original (R-F1: who checked it and when); false leaves it to a colleague. */
  checked: boolean;
};

/**
 * R-F1: an evidence document, kept as uploaded (it is the proof) with its SHA-256; a PDF or an
 * image whose first bytes and header say so, size-checked.
 */
export const uploadEvidence = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'secrets' | 'pdf'>,
  actor: Actor,
  input: EvidenceUpload,
): Promise<StoredEvidence> => {
  assertCanWrite(actor);
  const imageReadable =
    input.contentType !== 'application/pdf' && deps.pdf.readImage(input.bytes) !== undefined;
  unwrap(checkEvidenceFile({ contentType: input.contentType, bytes: input.bytes, imageReadable }));
  const at = deps.clock.now();
  const { bytes, checked, ...described } = input;
  const evidence: StoredEvidence = {
    ...described,
    id: deps.ids.uuid(),
    sizeBytes: bytes.byteLength,
    sha256: deps.secrets.sha256(bytes),
    uploadedBy: actor.userId,
    uploadedAt: at,
    checkedBy: checked ? actor.userId : null,
    checkedAt: checked ? at : null,
  };
  return deps.store.transaction(actor.firmId, async (scope) => {
    const engagement = await getEngagementForFile(scope, actor, input.engagementId, { forUpdate: true });
    const file = await scope.vigilance.findFile(engagement.id, { forUpdate: true });
    if (!file || file.purgedAt !== null) {
      await scope.vigilance.saveFile(writtenAgain(file ?? (await fileOrStarted(scope, engagement))), at);
    }
    await scope.vigilance.insertEvidence({ ...evidence, bytes });
    const { engagementId: _e, ...data } = evidence;
    await recordFileEvent(deps, scope, {
      engagementId: engagement.id,
      type: 'evidence.added',
      actor,
      at,
      data,
    });
    await recordFileChanged(scope, { actor, engagementId: engagement.id, at, change: 'evidence' });
    return evidence;
  });
};

/** R-F1: a colleague records having checked an evidence document. */
export const checkEvidence = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  actor: Actor,
  input: { evidenceId: string },
): Promise<StoredEvidence> => {
  assertCanWrite(actor);
  const at = deps.clock.now();
  return deps.store.transaction(actor.firmId, async (scope) => {
    const evidence = found(await scope.vigilance.findEvidenceFile(input.evidenceId), 'evidence');
    await getEngagementForFile(scope, actor, evidence.engagementId, { forUpdate: true });
    const checked = found(
      await scope.vigilance.markEvidenceChecked(evidence.id, { by: actor.userId, at }),
      'evidence',
    );
    await recordFileEvent(deps, scope, {
      engagementId: evidence.engagementId,
      type: 'evidence.checked',
      actor,
      at,
      data: { evidenceId: evidence.id },
    });
    await recordFileChanged(scope, { actor, engagementId: evidence.engagementId, at, change: 'evidence' });
    return checked;
  });
};

/** The uploaded file itself, for those who may read the file (R-F6). */
export const getEvidenceFile = async (
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  input: { evidenceId: string },
) => {
  const scope = deps.store.read(actor.firmId);
  const evidence = found(await scope.vigilance.findEvidenceFile(input.evidenceId), 'evidence');
  await getEngagementForFile(scope, actor, evidence.engagementId);
  return evidence;
};
