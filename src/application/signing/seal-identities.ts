import type { ErrorCode } from '../../domain/shared/errors.ts';
import {
  assessImportedCertificate,
  type CertificateFacts,
  isSelfSignedSubjectCurrent,
  type SealCertificateWarning,
  type SealSource,
  sealOrganizationIdentifier,
} from '../../domain/signing/seal-certificate.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, unwrap } from '../app-error.ts';
import type { Deps, FirmScope, Pkcs12FailureReason } from '../ports/index.ts';
import type { Firm, SealIdentity, StoredSealIdentity } from '../records.ts';

type Sealing = Pick<Deps, 'sealer' | 'settings' | 'clock'>;

/** The self-signed seal names the firm, its country and, when it has one, its SIREN (ETSI EN 319 412-1). */
const makeSelfSigned = (deps: Sealing, firm: Firm, at: Date): Promise<SealIdentity> => {
  const organizationIdentifier = sealOrganizationIdentifier(firm.siren);
  return deps.sealer.createIdentity({
    commonName: firm.name,
    organization: firm.name,
    country: 'FR',
    ...(organizationIdentifier ? { organizationIdentifier } : {}),
    at,
  });
};

const isOutdated = (deps: Sealing, stored: StoredSealIdentity, firm: Firm): boolean =>
  stored.source === 'self_signed' &&
  !isSelfSignedSubjectCurrent(deps.sealer.describe(stored.certificateDer), firm);

/**
 * A self-signed seal made before it carried the country and the SIREN (or before the firm gave its
 * SIREN, or its name changed) is made again, once: only while the stored one is still that one.
 */
const remade = async (deps: Sealing, scope: FirmScope, firm: Firm, stored: StoredSealIdentity) => {
  const at = deps.clock.now();
  const made = await makeSelfSigned(deps, firm, at);
  const issuer = deps.sealer.describe(made.certificateDer).issuer;
  await scope.sealIdentity.replace(made, {
    source: 'self_signed',
    issuer,
    at,
    replacing: stored.certificateDer,
  });
  return (await scope.sealIdentity.find()) ?? stored;
};

/**
 * Which certificate seals a firm's documents: the one an associé imported for the firm comes first
 * (it names the firm, the install's does not); then the install's PKCS#12 (SEAL_P12_PATH); else the
 * firm's self-signed seal, made at first need.
 */
export const sealIdentityFor = async (
  deps: Sealing,
  scope: FirmScope,
  firm: Firm,
): Promise<{ identity: SealIdentity; source: SealSource; since: Date | null }> => {
  const stored = await scope.sealIdentity.find();
  if (stored?.source === 'imported') return { identity: stored, source: 'imported', since: stored.createdAt };
  if (deps.settings.sealIdentity)
    return { identity: deps.settings.sealIdentity, source: 'installation', since: null };
  const current = stored
    ? isOutdated(deps, stored, firm)
      ? await remade(deps, scope, firm, stored)
      : stored
    : await scope.sealIdentity.insertIfAbsent(
        await makeSelfSigned(deps, firm, deps.clock.now()),
        deps.clock.now(),
      );
  return { identity: current, source: 'self_signed', since: current.createdAt };
};

/**
 * Without a configured PKCS#12, each firm seals with a certificate in its own name, made (or made
 * again, when outdated) at start for the firms that need it (about a second each), so the first
 * signature waits for nothing. A firm created later gets its own at its first seal.
 */
export const ensureSealIdentities = async (deps: Deps): Promise<number> => {
  if (deps.settings.sealIdentity) return 0;
  let made = 0;
  for (const firm of await deps.store.listFirms()) {
    const scope = deps.store.read(firm.id);
    const stored = await scope.sealIdentity.find();
    if (stored && !isOutdated(deps, stored, firm)) continue;
    await sealIdentityFor(deps, scope, await scope.firm.get());
    made += 1;
  }
  return made;
};

export type SealIdentityView = Omit<CertificateFacts, 'keyUsage'> & {
  source: SealSource;
  since: Date | null;
  /** The CA certificates the seal carries above its own. */
  chainLength: number;
  warnings: SealCertificateWarning[];
};

const viewOf = (
  deps: Sealing,
  sealing: Awaited<ReturnType<typeof sealIdentityFor>>,
  warnings: SealCertificateWarning[] = [],
): SealIdentityView => {
  const { keyUsage: _keyUsage, ...facts } = deps.sealer.describe(sealing.identity.certificateDer);
  return {
    ...facts,
    source: sealing.source,
    since: sealing.since,
    chainLength: sealing.identity.chainDer?.length ?? 0,
    warnings,
  };
};

/** The seal the firm's next signed copies carry, as the firm settings show it. */
export const getSealIdentity = async (deps: Deps, actor: Actor): Promise<SealIdentityView> => {
  const scope = deps.store.read(actor.firmId);
  return viewOf(deps, await sealIdentityFor(deps, scope, await scope.firm.get()));
};

const P12_ERRORS: Record<Pkcs12FailureReason, ErrorCode> = {
  unreadable: 'SEAL.FILE_UNREADABLE',
  wrong_password: 'SEAL.WRONG_PASSWORD',
  legacy: 'SEAL.LEGACY_ENCRYPTION',
  no_key: 'SEAL.NO_PRIVATE_KEY',
  key_mismatch: 'SEAL.KEY_MISMATCH',
  not_rsa: 'SEAL.UNSUPPORTED_KEY',
};

/**
 * Issue 15: an associé imports the certificate issued for the firm (PKCS#12 and its password). It
 * must open, hold the key of its certificate and be valid today; the key is stored encrypted like
 * the self-signed one's, with the chain every seal then carries. It replaces the firm's seal at once.
 */
export const importSealIdentity = async (
  deps: Deps,
  actor: Actor,
  input: { bytes: Uint8Array; password: string },
): Promise<SealIdentityView> => {
  assertIsAssocie(actor);
  const opened = await deps.sealer.openPkcs12(input.bytes, input.password);
  if (!opened.ok) throw new AppError(P12_ERRORS[opened.reason]);
  const facts = deps.sealer.describe(opened.identity.certificateDer);
  const at = deps.clock.now();
  const warnings = unwrap(assessImportedCertificate(facts, at));
  const identity = { ...opened.identity, notAfter: facts.notAfter };
  await deps.store.transaction(actor.firmId, (scope) =>
    scope.sealIdentity.replace(identity, { source: 'imported', issuer: facts.issuer, at }),
  );
  return viewOf(deps, { identity, source: 'imported', since: at }, warnings);
};

/** Back to the firm's self-signed seal (made anew): the imported certificate and its key are deleted. */
export const useSelfSignedSeal = async (deps: Deps, actor: Actor): Promise<SealIdentityView> => {
  assertIsAssocie(actor);
  const scope = deps.store.read(actor.firmId);
  const firm = await scope.firm.get();
  const stored = await scope.sealIdentity.find();
  if (stored?.source === 'imported') {
    const at = deps.clock.now();
    const made = await makeSelfSigned(deps, firm, at);
    const issuer = deps.sealer.describe(made.certificateDer).issuer;
    await scope.sealIdentity.replace(made, {
      source: 'self_signed',
      issuer,
      at,
      replacing: stored.certificateDer,
    });
  }
  return viewOf(deps, await sealIdentityFor(deps, scope, firm));
};
