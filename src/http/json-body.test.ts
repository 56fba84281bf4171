import { describe, expect, it } from 'vitest';
import { duplicateKeys } from './json-body.ts';

describe('duplicateKeys', () => {
  it('names each key written twice in one object, with its path', () => {
    expect(duplicateKeys('{"kind":"work_order","kind":"proposal"}')).toEqual(['kind']);
    expect(duplicateKeys('{"lines":[{"a":1},{"unitPriceCents":1,"unitPriceCents":2}]}')).toEqual([
      'lines.1.unitPriceCents',
    ]);
  });

  it('lets the same key stand in different objects, and valid JSON through', () => {
    expect(duplicateKeys('{"a":{"id":1},"b":{"id":2},"id":3}')).toEqual([]);
    expect(duplicateKeys('[1, "x", null]')).toEqual([]);
  });
});
