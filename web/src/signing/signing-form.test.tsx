// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SigningView } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { SigningForm } from './signing-form.tsx';

const TOKEN = 'jeton-de-test';

const aView = (code: Partial<SigningView['code']> = {}): SigningView =>
  ({
    state: 'open',
    consent: { version: 1, text: 'J’ai lu le document et j’accepte de le signer électroniquement' },
    firm: { name: 'Cabinet Dupré & Associés', city: 'Lyon', accentColor: null, hasLogo: false },
    document: {
      kind: 'proposal',
      kindLabel: 'Offre de service',
      number: 'OS-2026-0001',
      title: 'Offre de service',
      sentAt: '2026-11-29T09:00:00.000Z',
      deadline: '2026-12-29T09:00:00.000Z',
      totals: {
        totalHtCents: 123600,
        totalVatCents: 24720,
        totalTtcCents: 148320,
        annualRecurringHtCents: 123600,
        oneOffHtCents: 0,
      },
    },
    signer: { name: 'Lucie Fournier', side: 'client', capacity: 'Gérante', maskedEmail: 'l…@exemple.fr' },
    code: { sentAt: null, expiresAt: null, verified: false, attemptsLeft: 5, ...code },
    signatories: [{ side: 'client', name: 'Lucie Fournier', hasSigned: false }],
  }) as unknown as SigningView;

const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** The API as the page meets it: each path answers what the test says. */
const answer = (routes: Record<string, () => Response>) => {
  const calls: { path: string; body: unknown }[] = [];
  globalThis.fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input).replace(`/api/v1/public/signing/${TOKEN}`, '');
    calls.push({ path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const route = routes[path];
    if (!route) throw new Error(`unexpected ${path}`);
    return route();
  }) as typeof fetch;
  return calls;
};

const field = (label: string) => screen.getByLabelText(label, { exact: false });

const realFetch = globalThis.fetch;

describe('the signing page’s steps', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    cleanup();
    globalThis.fetch = realFetch;
  });

  it('asks for the code, then shows a wrong one’s refusal next to the code field, with attempts left', async () => {
    const calls = answer({
      '/code': () => json({ sentTo: 'l…@exemple.fr', expiresAt: '2026-11-29T09:10:00.000Z' }),
      '/code/verify': () =>
        problem(422, {
          code: 'SIGNING.CODE_INVALID',
          detail: 'Ce code est incorrect : vérifiez le dernier code reçu par e-mail.',
          details: { attemptsLeft: 3 },
        }),
    });
    renderInApp(<SigningForm token={TOKEN} view={aView()} onDone={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Recevoir mon code' }));
    expect(await screen.findByText('Code envoyé à l…@exemple.fr')).toBeTruthy();
    const code = field('Code à six chiffres');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(
      (screen.getByRole('button', { name: /Renvoyer le code dans \d+ s/ }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.type(code, '12a3456');
    expect((code as HTMLInputElement).value).toBe('123456');
    await user.click(screen.getByRole('button', { name: 'Valider le code' }));
    expect(
      await screen.findByText(
        'Ce code est incorrect : vérifiez le dernier code reçu par e-mail. Il vous reste 3 essais.',
      ),
    ).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(calls.at(-1)).toEqual({ path: '/code/verify', body: { code: '123456' } });
  });

  it('puts a missing consent by the checkbox and a wrong name by the name field', async () => {
    let refusal = { code: 'SIGNING.CONSENT_REQUIRED', detail: 'Cochez la case par laquelle vous acceptez.' };
    const calls = answer({ '/sign': () => problem(422, refusal) });
    renderInApp(<SigningForm token={TOKEN} view={aView({ verified: true })} onDone={() => {}} />);
    const user = userEvent.setup();
    expect(screen.getByText('Code vérifié : vous pouvez signer.')).toBeTruthy();
    await user.type(field('Vos prénom et nom'), 'Lucie');
    await user.click(screen.getByRole('button', { name: 'Signer' }));
    expect(await screen.findByText('Cochez la case par laquelle vous acceptez.')).toBeTruthy();
    expect(calls.at(-1)?.body).toEqual({ consent: false, typedName: 'Lucie' });

    refusal = {
      code: 'SIGNING.NAME_MISMATCH',
      detail: 'Le nom saisi ne correspond pas à celui du signataire.',
    };
    await user.click(screen.getByRole('checkbox', { name: /J’ai lu le document/ }));
    await user.click(screen.getByRole('button', { name: 'Signer' }));
    expect(await screen.findByText('Le nom saisi ne correspond pas à celui du signataire.')).toBeTruthy();
    expect(field('Vos prénom et nom').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Cochez la case par laquelle vous acceptez.')).toBeNull();
  });

  it('clears a refusal once the signer fixes the field: the name, the reason', async () => {
    answer({
      '/sign': () =>
        problem(422, {
          code: 'SIGNING.NAME_MISMATCH',
          detail: 'Le nom saisi ne correspond pas à celui du signataire.',
        }),
      '/refuse': () =>
        problem(400, {
          code: 'REQUEST.VALIDATION_FAILED',
          detail: 'La requête contient des champs invalides.',
          details: {
            fields: [{ field: 'body.reason', message: 'Champ obligatoire : il ne peut pas être vide.' }],
          },
        }),
    });
    renderInApp(<SigningForm token={TOKEN} view={aView({ verified: true })} onDone={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: /J’ai lu le document/ }));
    await user.type(field('Vos prénom et nom'), 'Lucy');
    await user.click(screen.getByRole('button', { name: 'Signer' }));
    expect(await screen.findByText('Le nom saisi ne correspond pas à celui du signataire.')).toBeTruthy();
    await user.type(field('Vos prénom et nom'), ' Fournier');
    expect(screen.queryByText('Le nom saisi ne correspond pas à celui du signataire.')).toBeNull();
    expect(field('Vos prénom et nom').getAttribute('aria-invalid')).not.toBe('true');

    await user.click(screen.getByRole('button', { name: 'Refuser' }));
    await user.click(screen.getByRole('button', { name: 'Confirmer le refus' }));
    expect(await screen.findByText('Champ obligatoire : il ne peut pas être vide.')).toBeTruthy();
    await user.type(field('Motif du refus'), 'Trop cher');
    expect(screen.queryByText('Champ obligatoire : il ne peut pas être vide.')).toBeNull();
  });

  it('signs, and hands the outcome to the page', async () => {
    answer({ '/sign': () => json({ documentStatus: 'signed', signedSides: ['client'] }) });
    const onDone = vi.fn();
    renderInApp(<SigningForm token={TOKEN} view={aView({ verified: true })} onDone={onDone} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: /J’ai lu le document/ }));
    await user.type(field('Vos prénom et nom'), 'Lucie Fournier');
    await user.click(screen.getByRole('button', { name: 'Signer' }));
    await vi.waitFor(() =>
      expect(onDone).toHaveBeenCalledWith({
        kind: 'signed',
        documentStatus: 'signed',
        signedSides: ['client'],
      }),
    );
  });

  it('refuses only with a reason, shown by the reason field', async () => {
    answer({
      '/refuse': () =>
        problem(400, {
          code: 'REQUEST.VALIDATION_FAILED',
          detail: 'La requête contient des champs invalides.',
          details: {
            fields: [{ field: 'body.reason', message: 'Champ obligatoire : il ne peut pas être vide.' }],
          },
        }),
    });
    renderInApp(<SigningForm token={TOKEN} view={aView({ verified: true })} onDone={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Refuser' }));
    await user.click(screen.getByRole('button', { name: 'Confirmer le refus' }));
    expect(await screen.findByText('Champ obligatoire : il ne peut pas être vide.')).toBeTruthy();
    expect(field('Motif du refus').getAttribute('aria-invalid')).toBe('true');
  });

  it('gives a signer who chose English the refusals in English, with the attempts left', async () => {
    answer({
      '/code': () => json({ sentTo: 'l…@exemple.fr', expiresAt: '2026-11-29T09:10:00.000Z' }),
      '/code/verify': () =>
        problem(422, {
          code: 'SIGNING.CODE_INVALID',
          detail: 'Ce code est incorrect : vérifiez le dernier code reçu par e-mail.',
          details: { attemptsLeft: 1 },
        }),
    });
    renderInApp(<SigningForm token={TOKEN} view={aView()} onDone={() => {}} />, 'en');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Send me my code' }));
    await user.type(await screen.findByLabelText('Six-digit code', { exact: false }), '123456');
    await user.click(screen.getByRole('button', { name: 'Check the code' }));
    expect(
      await screen.findByText(
        'This code is wrong: check the last code you received (by e-mail or text message) and type it again. 1 attempt left.',
      ),
    ).toBeTruthy();
  });

  it('lets a signer who opened the refusal go back to signing', async () => {
    answer({});
    renderInApp(<SigningForm token={TOKEN} view={aView({ verified: true })} onDone={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Refuser' }));
    await user.click(screen.getByRole('button', { name: 'Revenir à la signature' }));
    expect(screen.queryByLabelText('Motif du refus', { exact: false })).toBeNull();
    expect(screen.getByRole('button', { name: 'Refuser' })).toBeTruthy();
  });
});
