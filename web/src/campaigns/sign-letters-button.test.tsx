// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render.tsx';
import { SignLettersButton } from './sign-letters-button.tsx';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const realFetch = globalThis.fetch;
const letter = (n: number) => ({
  documentId: `00000000-0000-4000-8000-00000000000${n}`,
  number: `LM-2026-000${n}`,
});
const refused = { ...letter(9), code: 'signature_refused', message: 'Lettre refusée' };

describe('« Signer les lettres pour le cabinet »', () => {
  afterEach(() => {
    cleanup();
    globalThis.fetch = realFetch;
  });

  it('calls again from the cursor the server returns until none, and lists the refused letter once', async () => {
    const answers = [
      { signed: [letter(1)], failed: [refused], remaining: 2, next: 'LM-2026-0009' },
      { signed: [letter(2)], failed: [], remaining: 1, next: 'LM-2026-0002' },
      { signed: [letter(3)], failed: [], remaining: 0, next: null },
    ];
    const posted: string[] = [];
    globalThis.fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      if (path.endsWith('/auth/session')) return json({ id: 'u1', role: 'associe', name: 'Claire Dupré' });
      if (init?.method === 'POST') {
        posted.push(path.slice(path.indexOf('/firm-signature')));
        return json(answers.shift());
      }
      return json({ waiting: 4 });
    }) as typeof fetch;
    renderInApp(<SignLettersButton campaignId="00000000-0000-4000-8000-0000000000c1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Signer les lettres pour le cabinet (4)' }));
    await user.click(await screen.findByRole('button', { name: 'Signer (4)' }));
    const status = await screen.findByRole('status');
    await vi.waitFor(() => expect(within(status).getAllByRole('listitem')).toHaveLength(1));
    expect(within(status).getByRole('listitem').textContent).toBe('LM-2026-0009 : Lettre refusée');
    expect(posted).toEqual([
      '/firm-signature',
      '/firm-signature?after=LM-2026-0009',
      '/firm-signature?after=LM-2026-0002',
    ]);
    expect(answers).toEqual([]);
  });
});
