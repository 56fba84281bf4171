import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_KIND_LABELS_FR,
  DOCUMENT_KINDS,
  isLetterKind,
  RECURRENCES,
} from '../../src/domain/documents/kinds.ts';
import { ERROR_CODES, ERROR_MESSAGES } from '../../src/domain/shared/errors.ts';
import { ok, refuse } from '../../src/domain/shared/result.ts';

describe('document kinds', () => {
  it('R-C1 letters are engagement letters and replacement letters', () => {
    expect(DOCUMENT_KINDS.filter(isLetterKind)).toEqual(['engagement_letter', 'replacement_letter']);
  });

  it('E recurrences are monthly, quarterly, yearly or one-off', () => {
    expect(RECURRENCES).toEqual(['monthly', 'quarterly', 'yearly', 'one_off']);
  });

  it('every kind has a French label', () => {
    expect(DOCUMENT_KIND_LABELS_FR.amendment).toBe('avenant');
    expect(DOCUMENT_KIND_LABELS_FR.engagement_letter).toBe('lettre de mission');
    for (const kind of DOCUMENT_KINDS) expect(DOCUMENT_KIND_LABELS_FR[kind]).not.toBe('');
  });
});

describe('error catalogue and results', () => {
  it('lists every code once, each namespaced, with a French message', () => {
    expect(ERROR_CODES).toEqual(Object.keys(ERROR_MESSAGES));
    expect(ERROR_CODES).toContain('DOCUMENT.TRANSITION_NOT_ALLOWED');
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
      expect(ERROR_MESSAGES[code].length).toBeGreaterThan(10);
    }
  });

  it('builds results: a value, or a refusal with details only when given', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(refuse('DOCUMENT.EMPTY')).toEqual({ ok: false, error: { code: 'DOCUMENT.EMPTY' } });
    expect(refuse('DOCUMENT.EMPTY', { lines: 0 })).toEqual({
      ok: false,
      error: { code: 'DOCUMENT.EMPTY', details: { lines: 0 } },
    });
  });
});
