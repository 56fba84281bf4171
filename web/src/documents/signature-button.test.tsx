// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentView } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { SignatureButton } from './signature-button.tsx';

const view = {
  document: { id: '00000000-0000-4000-8000-000000000001', kind: 'engagement_letter', number: 'LM-2026-0001' },
} as unknown as DocumentView;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const realFetch = globalThis.fetch;

describe('« Enregistrer une signature papier… »', () => {
  afterEach(() => {
    cleanup();
    globalThis.fetch = realFetch;
  });

  it('asks for the scan of the signed page before it records anything, then sends it with the signature', async () => {
    const posted: unknown[] = [];
    globalThis.fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      if (path.endsWith('/auth/session')) return json({ id: 'u1', role: 'associe', name: 'Claire Dupré' });
      if (path.includes('/users')) return json({ items: [], total: 0, page: 1, pageSize: 200 });
      posted.push(JSON.parse(String(init?.body)));
      return json({ document: {}, signature: {} }, 201);
    }) as typeof fetch;
    const onDone = vi.fn(async () => {});
    renderInApp(<SignatureButton view={view} sides={['client', 'firm']} onDone={onDone} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Enregistrer une signature papier…' }));
    expect(screen.getByLabelText('Signature de')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enregistrer la signature' }));
    expect(await screen.findByText('Joignez le scan du document signé.')).toBeTruthy();
    expect(posted).toEqual([]);

    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(
      input,
      new File([new Uint8Array([1, 2, 3])], 'lettre.pdf', { type: 'application/pdf' }),
    );
    expect(screen.queryByText('Joignez le scan du document signé.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer la signature' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posted).toEqual([
      expect.objectContaining({
        side: 'client',
        method: 'paper',
        scan: { fileName: 'lettre.pdf', contentType: 'application/pdf', base64: 'AQID' },
      }),
    ]);
  });
});
