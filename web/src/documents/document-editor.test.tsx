// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentView } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { DocumentEditor } from './document-editor.tsx';

const LETTER_ID = '00000000-0000-4000-8000-00000000000a';
const TARGET_ID = '00000000-0000-4000-8000-00000000000b';

/** An amendment draft that already lowers the price of one of its letter's lines (R-C2). */
const amendment = {
  document: {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'amendment',
    version: 3,
    amendsLetterId: LETTER_ID,
    title: 'Avenant',
    validUntil: null,
    effectiveDate: null,
    termsVersionId: null,
    paymentTerms: null,
    notes: null,
    firmSignatoryId: null,
    lines: [
      {
        id: '00000000-0000-4000-8000-00000000000c',
        operation: 'modify',
        targetLineId: TARGET_ID,
        serviceId: null,
        label: 'Tenue comptable',
        description: null,
        unitLabel: null,
        quantity: '1',
        unitPriceCents: 90000,
        vatRateBp: 2000,
        recurrence: 'monthly',
      },
    ],
  },
} as unknown as DocumentView;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const realFetch = globalThis.fetch;

describe('R-C2 an amendment’s editor', () => {
  afterEach(() => {
    cleanup();
    globalThis.fetch = realFetch;
  });

  it('R-C2 saves nothing while its letter’s lines are not read: its changes would be lost', async () => {
    const patched: unknown[] = [];
    globalThis.fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      if (init?.method === 'PATCH') {
        patched.push(JSON.parse(String(init.body)));
        return json(amendment.document);
      }
      if (path.includes(`/documents/${LETTER_ID}`))
        return json({ type: 'about:blank', title: 'Indisponible', status: 503 }, 503);
      return json({ items: [], total: 0, page: 1, pageSize: 200 });
    }) as typeof fetch;
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    renderInApp(<DocumentEditor view={amendment} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ajouter une ligne libre' }));
    const save = screen.getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement;
    const send = screen.getByRole('button', { name: 'Enregistrer et envoyer' }) as HTMLButtonElement;
    const preview = screen.getByRole('button', { name: 'Aperçu PDF' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(send.disabled).toBe(true);
    expect(preview.disabled).toBe(true);
    await user.click(send).catch(() => undefined);
    await user.click(preview).catch(() => undefined);
    expect(patched).toEqual([]);
    open.mockRestore();
  });
});
