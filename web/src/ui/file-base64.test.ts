import { describe, expect, it } from 'vitest';
import { fileToBase64 } from './file-base64.ts';

describe('a chosen file as base64', () => {
  it('reads small and large files alike, chunk by chunk', async () => {
    expect(await fileToBase64(new Blob([new Uint8Array([1, 2, 3])]))).toBe('AQID');
    const large = new Uint8Array(0x8000 * 2 + 5).map((_, i) => i % 256);
    expect(await fileToBase64(new Blob([large]))).toBe(Buffer.from(large).toString('base64'));
  });
});
