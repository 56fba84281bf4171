import type { Deps } from '../ports/index.ts';

/**
 * Without a configured PKCS#12, each firm seals with a self-signed certificate in its own name, made
 * at start for the firms that have none (about a second each), so the first signature waits for
 * nothing. A firm created later gets its own at its first seal.
 */
export const ensureSealIdentities = async (deps: Deps): Promise<number> => {
  if (deps.settings.sealIdentity) return 0;
  let made = 0;
  for (const firm of await deps.store.listFirms()) {
    const scope = deps.store.read(firm.id);
    if (await scope.sealIdentity.find()) continue;
    const at = deps.clock.now();
    await scope.sealIdentity.insertIfAbsent(
      await deps.sealer.createIdentity({ commonName: firm.name, organization: firm.name, at }),
      at,
    );
    made += 1;
  }
  return made;
};
