import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';

/**
 * Issue 3, firm branding: a logo is a PNG or JPEG of at most 1 MiB and 4 000 pixels a side, so
 * that every PDF stays light and renders the same everywhere. The file's first bytes must say the
 * format it claims: a renamed file is refused, not printed as garbage.
 */
export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_MAX_SIDE = 4000;

const SIGNATURES: Record<'image/png' | 'image/jpeg', readonly number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export const hasImageSignature = (contentType: 'image/png' | 'image/jpeg', bytes: Uint8Array): boolean =>
  SIGNATURES[contentType].every((byte, index) => bytes[index] === byte);

export const assertLogo = (input: {
  contentType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
  /** The image's size as the PDF renderer reads it; undefined when it cannot read it. */
  size: { width: number; height: number } | undefined;
}): Result<{ width: number; height: number }, Refusal> => {
  if (input.bytes.byteLength > LOGO_MAX_BYTES) {
    return refuse('FIRM.LOGO_TOO_LARGE', { byteSize: input.bytes.byteLength, maxBytes: LOGO_MAX_BYTES });
  }
  if (!hasImageSignature(input.contentType, input.bytes) || !input.size) {
    return refuse('FIRM.LOGO_INVALID', { contentType: input.contentType });
  }
  if (input.size.width > LOGO_MAX_SIDE || input.size.height > LOGO_MAX_SIDE) {
    return refuse('FIRM.LOGO_TOO_LARGE', { ...input.size, maxSide: LOGO_MAX_SIDE });
  }
  return ok(input.size);
};
