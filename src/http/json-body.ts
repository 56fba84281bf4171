import type { FastifyInstance } from 'fastify';
import { visit } from 'jsonc-parser';
import { AppError } from '../application/app-error.ts';

/**
 * The keys written twice in one object of a JSON text, with their paths (`lines.0.unitPriceCents`).
 * JSON.parse keeps the last one silently: `{"kind":"work_order","kind":"proposal"}` would create a
 * proposal while a proxy or a log that read the first saw a work order.
 */
export const duplicateKeys = (text: string): string[] => {
  const objects: Set<string>[] = [];
  const duplicates: string[] = [];
  visit(text, {
    onObjectBegin: () => {
      objects.push(new Set());
    },
    onObjectEnd: () => {
      objects.pop();
    },
    onObjectProperty: (property, _offset, _length, _line, _column, pathSupplier) => {
      const keys = objects.at(-1);
      if (!keys) return;
      if (keys.has(property)) duplicates.push([...pathSupplier(), property].join('.'));
      else keys.add(property);
    },
  });
  return duplicates;
};

/**
 * JSON bodies are read by Fastify's own parser (its protection against __proto__ and constructor
 * keys included), after a check that no object names a key twice: REQUEST.MALFORMED_BODY lists them.
 */
export const refuseDuplicateKeys = (app: FastifyInstance) => {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const keys = duplicateKeys(body as string);
    if (keys.length > 0) {
      done(new AppError('REQUEST.MALFORMED_BODY', { duplicateKeys: keys }) as never, undefined);
      return;
    }
    parse(request, body as string, done);
  });
};
