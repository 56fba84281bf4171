// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { renderInApp } from '../test/render.tsx';
import { describeEvent } from './history-list.tsx';

const anEvent = (type: string) =>
  ({
    id: '1',
    type,
    at: '2026-11-29T09:00:00.000Z',
    after: { number: 'OS-2026-0001' },
  }) as unknown as HistoryEvent;

const Described = ({ event }: { event: HistoryEvent }) => <p>{describeEvent(useT(), event)}</p>;

describe('an engagement’s history', () => {
  afterEach(cleanup);

  it('shows an event type it has no words for as itself, and the page still renders', () => {
    renderInApp(<Described event={anEvent('signing.something_new')} />);
    expect(screen.getByText('signing.something_new (OS-2026-0001)')).toBeTruthy();
  });
});
