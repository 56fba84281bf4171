import { assertLogo } from '../../domain/firm/logo.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, found, unwrap } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import type { FirmLogo, LogoContentType } from '../records.ts';

/** An associé gives the firm its logo, printed at the top of every document sent from then on. */
export const uploadFirmLogo = async (
  deps: Deps,
  actor: Actor,
  input: { contentType: LogoContentType; bytes: Uint8Array },
): Promise<Omit<FirmLogo, 'bytes'>> => {
  assertIsAssocie(actor);
  // The header's size first, nothing decoded: a small file announcing a huge image stops here.
  unwrap(assertLogo({ ...input, size: deps.pdf.readImage(input.bytes) }));
  // Issue 20: what is stored is the image decoded and written anew, never the bytes as uploaded.
  const clean = await deps.pdf.cleanImage(input.bytes);
  if (!clean) throw new AppError('FIRM.LOGO_INVALID', { contentType: input.contentType });
  const at = deps.clock.now();
  const logo: FirmLogo = {
    contentType: input.contentType,
    bytes: clean.bytes,
    width: clean.width,
    height: clean.height,
    uploadedAt: at,
  };
  await deps.store.transaction(actor.firmId, (scope) => scope.firm.setLogo(logo));
  const { bytes: _bytes, ...described } = logo;
  return described;
};

export const getFirmLogo = async (deps: Deps, actor: Actor): Promise<FirmLogo> =>
  found(await deps.store.read(actor.firmId).firm.findLogo(), 'logo');

export const removeFirmLogo = async (deps: Deps, actor: Actor): Promise<void> => {
  assertIsAssocie(actor);
  const deleted = await deps.store.transaction(actor.firmId, (scope) => scope.firm.deleteLogo());
  if (!deleted) throw new AppError('RESOURCE.NOT_FOUND', { resource: 'logo' });
};
