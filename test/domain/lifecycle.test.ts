import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../src/domain/documents/kinds.ts';
import {
  applyDocumentAction,
  availableActions,
  DOCUMENT_ACTION_EVENTS,
  DOCUMENT_ACTIONS,
  DOCUMENT_STATUSES,
  type DocumentAction,
  type DocumentActionType,
  type DocumentStatus,
  DRAFT_LIFECYCLE,
  hasEffect,
  isInForce,
  type LifecycleState,
  settlesDocument,
} from '../../src/domain/documents/lifecycle.ts';

const at = new Date('2026-03-02T09:00:00Z');

const aDocument = (overrides: Partial<LifecycleState> = {}): LifecycleState => ({
  kind: 'engagement_letter',
  ...DRAFT_LIFECYCLE,
  ...overrides,
});

const anAction = (type: DocumentActionType): DocumentAction => {
  switch (type) {
    case 'send':
      return { type, number: 'LM-2026-0001' };
    case 'refuse':
      return { type, reason: 'Honoraires trop élevés' };
    case 'replace':
      return { type, byDocumentId: 'lms-1' };
    default:
      return { type };
  }
};

// Written out here, independently of the table under test (DOMAIN.md B).
const EXPECTED: Record<DocumentStatus, Partial<Record<DocumentActionType, DocumentStatus>>> = {
  draft: { edit: 'draft', send: 'sent', cancel: 'cancelled' },
  sent: { sign: 'signed', refuse: 'refused', expire: 'expired', cancel: 'cancelled' },
  signed: { replace: 'replaced' },
  refused: {},
  expired: {},
  cancelled: {},
  replaced: {},
};

const REFUSED = 'DOCUMENT.TRANSITION_NOT_ALLOWED';

const ALL_PAIRS = DOCUMENT_STATUSES.flatMap((status) =>
  DOCUMENT_ACTIONS.map((action) => [status, action, EXPECTED[status][action] ?? REFUSED] as const),
);

describe('B the transition table', () => {
  it('B covers 7 statuses × 7 actions', () => {
    expect(ALL_PAIRS).toHaveLength(49);
  });

  it.each(ALL_PAIRS)('B %s --%s--> %s (an engagement letter)', (status, action, expected) => {
    const result = applyDocumentAction(aDocument({ status }), anAction(action), { at });
    if (expected === REFUSED) {
      expect(result).toEqual({ ok: false, error: { code: REFUSED, details: { status, action } } });
    } else {
      expect(result.ok && result.value.status).toBe(expected);
    }
  });

  it.each<DocumentKind>(['proposal', 'work_order'])('R-D1 refuses to replace a signed %s', (kind) => {
    const result = applyDocumentAction(aDocument({ kind, status: 'signed' }), anAction('replace'), { at });
    expect(result.ok || result.error.code).toBe('DOCUMENT.TRANSITION_NOT_ALLOWED');
  });

  it.each<DocumentKind>(['engagement_letter', 'amendment', 'replacement_letter'])(
    'R-D1 replaces a signed %s',
    (kind) => {
      const result = applyDocumentAction(aDocument({ kind, status: 'signed' }), anAction('replace'), { at });
      expect(result.ok && result.value).toMatchObject({
        status: 'replaced',
        replacedAt: at,
        replacedById: 'lms-1',
      });
    },
  );
});

describe('B stamps', () => {
  const apply = (status: DocumentStatus, action: DocumentAction) => {
    const result = applyDocumentAction(aDocument({ status }), action, { at });
    if (!result.ok) throw new Error(`refused: ${result.error.code}`);
    return result.value;
  };

  it('R-B4 sending numbers the document and dates it', () => {
    expect(apply('draft', anAction('send'))).toMatchObject({
      status: 'sent',
      number: 'LM-2026-0001',
      sentAt: at,
    });
  });

  it('B signing, expiring and refusing date the document; a refusal keeps its reason', () => {
    expect(apply('sent', anAction('sign')).signedAt).toBe(at);
    expect(apply('sent', anAction('expire')).expiredAt).toBe(at);
    expect(apply('sent', anAction('refuse'))).toMatchObject({
      refusedAt: at,
      refusalReason: 'Honoraires trop élevés',
    });
  });

  it('B cancelling keeps its reason, or null without one', () => {
    expect(apply('sent', { type: 'cancel', reason: 'Erreur de tarif' })).toMatchObject({
      cancelledAt: at,
      cancelReason: 'Erreur de tarif',
    });
    expect(apply('draft', { type: 'cancel' }).cancelReason).toBeNull();
  });

  it('R-B4 editing a draft changes nothing but the content, which stays a draft', () => {
    const draft = aDocument();
    expect(apply('draft', anAction('edit'))).toEqual(draft);
  });

  it('B keeps the other fields of the document and does not mutate it', () => {
    const doc = { ...aDocument({ status: 'sent' }), id: 'doc-1', title: 'Lettre' };
    const result = applyDocumentAction(doc, anAction('sign'), { at });
    expect(result.ok && result.value).toMatchObject({ id: 'doc-1', title: 'Lettre', status: 'signed' });
    expect(doc.status).toBe('sent');
  });
});

describe('B availableActions', () => {
  it.each<[DocumentKind, DocumentStatus, DocumentActionType[]]>([
    ['engagement_letter', 'draft', ['edit', 'send', 'cancel']],
    ['proposal', 'sent', ['sign', 'refuse', 'expire', 'cancel']],
    ['engagement_letter', 'signed', ['replace']],
    ['amendment', 'signed', ['replace']],
    ['proposal', 'signed', []],
    ['work_order', 'signed', []],
    ['engagement_letter', 'refused', []],
    ['replacement_letter', 'replaced', []],
    ['proposal', 'cancelled', []],
    ['proposal', 'expired', []],
  ])('B a %s in %s offers %j', (kind, status, actions) => {
    expect(availableActions({ kind, status })).toEqual(actions);
  });
});

describe('R-B1 only signed documents have effect', () => {
  it.each(DOCUMENT_STATUSES)('status %s', (status) => {
    expect(hasEffect(status)).toBe(status === 'signed' || status === 'replaced');
  });

  it('a letter or an amendment is in force while signed, not once replaced', () => {
    expect(DOCUMENT_STATUSES.filter(isInForce)).toEqual(['signed']);
  });
});

describe('what each transition sets off', () => {
  it('R-D5 a document settles when signed, refused, expired or cancelled; sending, editing or a replacement does not', () => {
    expect(DOCUMENT_ACTIONS.filter(settlesDocument)).toEqual(['sign', 'refuse', 'expire', 'cancel']);
  });

  it('each transition records the history event of its name', () => {
    expect(DOCUMENT_ACTIONS.map((action) => DOCUMENT_ACTION_EVENTS[action])).toEqual([
      'document.updated',
      'document.sent',
      'document.signed',
      'document.refused',
      'document.expired',
      'document.cancelled',
      'document.replaced',
    ]);
  });
});
