import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import { type DocumentKind, isScopeKind, kindPolicy } from './kinds.ts';

export const DOCUMENT_STATUSES = [
  'draft',
  'sent',
  'signed',
  'refused',
  'expired',
  'cancelled',
  'replaced',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_ACTIONS = ['edit', 'send', 'sign', 'refuse', 'expire', 'cancel', 'replace'] as const;
export type DocumentActionType = (typeof DOCUMENT_ACTIONS)[number];

export type DocumentAction =
  | { readonly type: 'edit' }
  | { readonly type: 'send'; readonly number: string }
  | { readonly type: 'sign' }
  | { readonly type: 'refuse'; readonly reason: string }
  | { readonly type: 'expire' }
  | { readonly type: 'cancel'; readonly reason?: string | null }
  | { readonly type: 'replace'; readonly byDocumentId: string };

/**
 * DOMAIN.md B: the one transition table of the document lifecycle. A missing entry is a refusal.
 * `edit` keeps a draft a draft: only drafts are edited (R-B4).
 */
export const TRANSITIONS: Readonly<
  Record<DocumentStatus, Partial<Record<DocumentActionType, DocumentStatus>>>
> = {
  draft: { edit: 'draft', send: 'sent', cancel: 'cancelled' },
  sent: { sign: 'signed', refuse: 'refused', expire: 'expired', cancel: 'cancelled' },
  signed: { replace: 'replaced' },
  refused: {},
  expired: {},
  cancelled: {},
  replaced: {},
};

export type LifecycleState = {
  readonly kind: DocumentKind;
  readonly status: DocumentStatus;
  readonly number: string | null;
  readonly sentAt: Date | null;
  readonly signedAt: Date | null;
  readonly refusedAt: Date | null;
  readonly refusalReason: string | null;
  readonly expiredAt: Date | null;
  readonly cancelledAt: Date | null;
  readonly cancelReason: string | null;
  readonly replacedAt: Date | null;
  readonly replacedById: string | null;
};

/** The lifecycle of a document just created: a draft, unnumbered, nothing has happened to it yet. */
export const DRAFT_LIFECYCLE = {
  status: 'draft',
  number: null,
  sentAt: null,
  signedAt: null,
  refusedAt: null,
  refusalReason: null,
  expiredAt: null,
  cancelledAt: null,
  cancelReason: null,
  replacedAt: null,
  replacedById: null,
} as const satisfies Omit<LifecycleState, 'kind'>;

export const nextStatus = (status: DocumentStatus, action: DocumentActionType): DocumentStatus | undefined =>
  TRANSITIONS[status][action];

export const canApply = (doc: Pick<LifecycleState, 'kind' | 'status'>, action: DocumentActionType): boolean =>
  nextStatus(doc.status, action) !== undefined &&
  // Only letters and amendments are retired by a replacement letter (R-D1).
  (action !== 'replace' || isScopeKind(doc.kind)) &&
  // R-G1: a letter of termination says what its termination recorded: nothing in it is edited.
  (action !== 'edit' || !kindPolicy(doc.kind).drawnFromTermination);

const stamp = (action: DocumentAction, at: Date): Partial<LifecycleState> => {
  switch (action.type) {
    case 'edit':
      return {};
    case 'send':
      return { number: action.number, sentAt: at };
    case 'sign':
      return { signedAt: at };
    case 'refuse':
      return { refusedAt: at, refusalReason: action.reason };
    case 'expire':
      return { expiredAt: at };
    case 'cancel':
      return { cancelledAt: at, cancelReason: action.reason ?? null };
    case 'replace':
      return { replacedAt: at, replacedById: action.byDocumentId };
  }
};

/** Applies one action: the new lifecycle state, or DOCUMENT.TRANSITION_NOT_ALLOWED. */
export const applyDocumentAction = <D extends LifecycleState>(
  doc: D,
  action: DocumentAction,
  { at }: { at: Date },
): Result<D, Refusal> => {
  const status = nextStatus(doc.status, action.type);
  if (status === undefined || !canApply(doc, action.type)) {
    return refuse('DOCUMENT.TRANSITION_NOT_ALLOWED', { status: doc.status, action: action.type });
  }
  return ok({ ...doc, ...stamp(action, at), status });
};

/**
 * R-B1: only signed documents have effect (scope, automations, fees). A document replaced since
 * keeps the effect it had until its replacement took over, so history on past dates stays true.
 */
export const EFFECTIVE_STATUSES = ['signed', 'replaced'] as const satisfies readonly DocumentStatus[];
export const hasEffect = (status: DocumentStatus): boolean =>
  (EFFECTIVE_STATUSES as readonly DocumentStatus[]).includes(status);

/** The statuses in which a letter or an amendment is in force (for the store's filters). */
export const IN_FORCE_STATUSES = DOCUMENT_STATUSES.filter((status) =>
  canApply({ kind: 'engagement_letter', status }, 'replace'),
);

/** A signed letter or amendment not yet replaced: what an amendment or a replacement may aim at. */
export const isInForce = (status: DocumentStatus): boolean =>
  canApply({ kind: 'engagement_letter', status }, 'replace');

/**
 * A document settles when it leaves the wait for signatures for good: signed, refused, expired or
 * cancelled. A renewal campaign follows its letters up at each (R-D5).
 */
export const settlesDocument = (action: DocumentActionType): boolean =>
  action === 'sign' || action === 'refuse' || action === 'expire' || action === 'cancel';

/** The history event each transition records. */
export const DOCUMENT_ACTION_EVENTS = {
  edit: 'document.updated',
  send: 'document.sent',
  sign: 'document.signed',
  refuse: 'document.refused',
  expire: 'document.expired',
  cancel: 'document.cancelled',
  replace: 'document.replaced',
} as const satisfies Record<DocumentActionType, string>;

/** The actions a user may take now, for the API and the UI. */
export const availableActions = (doc: Pick<LifecycleState, 'kind' | 'status'>): DocumentActionType[] =>
  DOCUMENT_ACTIONS.filter((action) => canApply(doc, action));
