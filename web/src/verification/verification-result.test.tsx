// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Verification } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { VerificationResult } from './verification-result.tsx';

/** The text as read, French spaces (no-break before « : ») as plain ones. */
const textOf = (element: HTMLElement) => (element.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');

const SUBJECT = 'CN=Cabinet Dupré & Associés, O=Cabinet Dupré & Associés';

const aResult = (overrides: Partial<Verification>): Verification =>
  ({
    verdict: 'intact',
    sha256: 'a'.repeat(64),
    known: true,
    copy: 'signed',
    firm: { name: 'Cabinet Dupré & Associés', city: 'Lyon' },
    document: {
      kind: 'engagement_letter',
      kindLabel: 'Lettre de mission',
      number: 'LM-2026-0001',
      title: 'Tenue comptable',
      status: 'signed',
      sentAt: '2026-11-20T09:00:00.000Z',
      signedAt: '2026-11-29T09:00:00.000Z',
    },
    signatures: [
      {
        side: 'client',
        name: 'Paul Martin',
        capacity: 'Gérant',
        method: 'electronic',
        signedOn: '2026-11-29',
        signedAt: '2026-11-29T09:00:00.000Z',
      },
    ],
    seal: {
      subject: SUBJECT,
      commonName: 'Cabinet Dupré & Associés',
      organization: 'Cabinet Dupré & Associés',
      sha256Fingerprint: 'b'.repeat(64),
      isFirmSeal: true,
      signedAt: '2026-11-29T09:00:00.000Z',
      timestamp: null,
      validationData: false,
    },
    damage: null,
    changes: [],
    ...overrides,
  }) as unknown as Verification;

describe('the four verdicts of /verifier', () => {
  afterEach(cleanup);

  it('intact: who sealed it and when, by the server’s clock without a timestamp', () => {
    renderInApp(<VerificationResult result={aResult({})} />);
    const box = screen.getByTestId('verify-intact');
    expect(textOf(box)).toContain('Document intact');
    expect(textOf(box)).toContain('est exactement celui que Cabinet Dupré & Associés a scellé');
    expect(textOf(box)).toContain(`Cachet électronique : ${SUBJECT}`);
    expect(textOf(box)).toContain('Scellé le 29/11/2026 10:00, à l’heure du serveur du cabinet');
  });

  it('intact with a timestamp: the authority’s time is the one given', () => {
    const seal = { ...aResult({}).seal!, timestamp: { at: '2026-11-29T09:00:05.000Z', authority: 'CN=TSA' } };
    renderInApp(<VerificationResult result={aResult({ seal } as unknown as Partial<Verification>)} />);
    expect(screen.getByTestId('verify-seal').textContent).toContain(
      'Horodaté le 29/11/2026 10:00 par CN=TSA',
    );
  });

  it('changed: the signed version intact, each change listed, in English too', () => {
    const changes = [{ kind: 'annotation_added', page: 1, subtype: 'Text', description: '…' }];
    renderInApp(<VerificationResult result={aResult({ verdict: 'changed', changes })} />, 'en');
    expect(screen.getByTestId('verify-changed').textContent).toContain(
      'Signed version intact, changed afterwards',
    );
    expect(screen.getByTestId('verify-changes').textContent).toBe('Annotation added (page 1)');
  });

  it('damaged and unknown: what to do, no seal facts to rely on', () => {
    renderInApp(
      <VerificationResult result={aResult({ verdict: 'damaged', known: false, document: null })} />,
    );
    expect(screen.getByTestId('verify-damaged').textContent).toContain(
      'Ce fichier porte le cachet de Cabinet Dupré & Associés, mais la signature ne correspond plus',
    );
    expect(screen.queryByTestId('verify-seal')).toBeNull();
    cleanup();
    renderInApp(
      <VerificationResult result={aResult({ verdict: 'unknown', firm: null, document: null, seal: null })} />,
    );
    expect(screen.getByTestId('verify-unknown').textContent).toContain('Document inconnu');
  });
});
