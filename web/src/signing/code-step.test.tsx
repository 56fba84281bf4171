// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SigningView } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { CodeStep } from './code-step.tsx';

const TOKEN = 'jeton-de-test';
const view = {
  signer: {
    name: 'Lucie Fournier',
    side: 'client',
    capacity: null,
    maskedEmail: 'l…@exemple.fr',
    maskedMobile: '06 •• •• •• 42',
  },
  code: { sentAt: null, channel: null, expiresAt: null, verified: false, attemptsLeft: 5 },
} as unknown as SigningView;

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' },
  });

const realFetch = globalThis.fetch;

/** Issue 15, item 5: the code by SMS, and the way back to the mail when the SMS fails. */
describe('the code step with an SMS', () => {
  afterEach(() => {
    cleanup();
    globalThis.fetch = realFetch;
  });

  it('says the SMS went to the masked mobile', async () => {
    globalThis.fetch = vi.fn(async () =>
      reply(200, { sentTo: '06 •• •• •• 42', channel: 'sms', expiresAt: '2026-11-29T09:10:00.000Z' }),
    ) as typeof fetch;
    renderInApp(<CodeStep token={TOKEN} view={view} verified={false} onVerified={() => {}} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Recevoir mon code' }));
    expect(await screen.findByText('Code envoyé par SMS au 06 •• •• •• 42')).toBeTruthy();
  });

  it('after an SMS that failed, offers the code by e-mail and asks for it so', async () => {
    const bodies: unknown[] = [];
    globalThis.fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(init?.body ? JSON.parse(String(init.body)) : undefined);
      return bodies.length === 1
        ? reply(503, {
            code: 'SIGNING.SMS_FAILED',
            detail:
              'Le SMS portant votre code n’a pas pu être envoyé : réessayez dans un instant, ou demandez le code par e-mail.',
          })
        : reply(200, { sentTo: 'l…@exemple.fr', channel: 'email', expiresAt: '2026-11-29T09:10:00.000Z' });
    }) as typeof fetch;
    renderInApp(<CodeStep token={TOKEN} view={view} verified={false} onVerified={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Recevoir mon code' }));
    expect(await screen.findByText(/Le SMS portant votre code n’a pas pu être envoyé/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Recevoir le code par e-mail' }));
    expect(await screen.findByText('Code envoyé à l…@exemple.fr')).toBeTruthy();
    expect(bodies).toEqual([undefined, { channel: 'email' }]);
  });
});
