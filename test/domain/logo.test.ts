import { describe, expect, it } from 'vitest';
import { assertLogo, LOGO_MAX_BYTES } from '../../src/domain/firm/logo.ts';

const PNG_START = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (length = 100) => new Uint8Array([...PNG_START, ...new Array(length - PNG_START.length).fill(0)]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe('a firm’s logo (issue 3, branding)', () => {
  it('accepts a PNG or a JPEG the renderer can read, and gives its size', () => {
    expect(assertLogo({ contentType: 'image/png', bytes: png(), size: { width: 300, height: 120 } })).toEqual(
      {
        ok: true,
        value: { width: 300, height: 120 },
      },
    );
    expect(assertLogo({ contentType: 'image/jpeg', bytes: jpeg, size: { width: 10, height: 10 } }).ok).toBe(
      true,
    );
  });

  it('refuses a file whose first bytes are not the format it claims, or that the renderer cannot read', () => {
    expect(
      assertLogo({ contentType: 'image/jpeg', bytes: png(), size: { width: 1, height: 1 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FIRM.LOGO_INVALID' },
    });
    expect(assertLogo({ contentType: 'image/png', bytes: png(), size: undefined })).toMatchObject({
      error: { code: 'FIRM.LOGO_INVALID' },
    });
  });

  it('refuses more than 1 MiB or more than 4 000 pixels a side', () => {
    expect(
      assertLogo({ contentType: 'image/png', bytes: png(LOGO_MAX_BYTES + 1), size: { width: 1, height: 1 } }),
    ).toMatchObject({
      error: { code: 'FIRM.LOGO_TOO_LARGE', details: { byteSize: LOGO_MAX_BYTES + 1 } },
    });
    expect(
      assertLogo({ contentType: 'image/png', bytes: png(), size: { width: 4001, height: 10 } }),
    ).toMatchObject({
      error: { code: 'FIRM.LOGO_TOO_LARGE' },
    });
  });
});
