import { describe, expect, it } from 'vitest';
import {
  amendmentSeries,
  formatAmendmentNumber,
  formatDocumentNumber,
  NUMBER_PREFIXES,
  numberingSeries,
} from '../../src/domain/documents/numbering.ts';

describe('R-B5 document numbers', () => {
  it.each([
    ['proposal', 'OS-2026-0001'],
    ['engagement_letter', 'LM-2026-0001'],
    ['replacement_letter', 'LMS-2026-0001'],
    ['work_order', 'BI-2026-0001'],
  ] as const)('R-B5 numbers a %s as %s', (kind, expected) => {
    expect(formatDocumentNumber(kind, 2026, 1)).toBe(expected);
  });

  it('R-B5 numbers an amendment from its letter', () => {
    expect(formatAmendmentNumber('LM-2026-0001', 1)).toBe('LM-2026-0001-A01');
    expect(formatAmendmentNumber('LMS-2027-0012', 12)).toBe('LMS-2027-0012-A12');
  });

  it('R-B5 widens sequences past 9999 rather than wrapping', () => {
    expect(formatDocumentNumber('engagement_letter', 2026, 10000)).toBe('LM-2026-10000');
    expect(formatAmendmentNumber('LM-2026-0001', 100)).toBe('LM-2026-0001-A100');
  });

  it('R-B5 keeps one series per type and per year', () => {
    expect(numberingSeries('proposal', 2026)).toBe('OS-2026');
    const series = new Set(
      (Object.keys(NUMBER_PREFIXES) as (keyof typeof NUMBER_PREFIXES)[]).flatMap((kind) => [
        numberingSeries(kind, 2026),
        numberingSeries(kind, 2027),
      ]),
    );
    expect(series.size).toBe(10);
  });

  it('R-G1 numbers the letters of termination in their own series: FM-2027-0001', () => {
    expect(formatDocumentNumber('termination_letter', 2027, 1)).toBe('FM-2027-0001');
  });

  it('R-B5 keeps one amendment series per letter', () => {
    expect(amendmentSeries('LM-2026-0001')).toBe('LM-2026-0001-A');
    expect(amendmentSeries('LM-2026-0002')).not.toBe(amendmentSeries('LM-2026-0001'));
  });
});
