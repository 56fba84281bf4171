/**
 * The shapes of the API, inferred from the server's own zod schemas (type-only imports: nothing of
 * the server reaches the bundle). The web sees the HTTP schemas and nothing else of src/http.
 */
import type { z } from 'zod';
import type { apiTokenOut, sessionUserOut } from '../../../src/http/auth.schemas.ts';
import type {
  campaignItemOut,
  campaignOut,
  campaignSettingsBody,
  clientPlanOut,
  noticeDeadlinesOut,
  outdatedTermsOut,
  previewOut,
  recurringFeesOut,
} from '../../../src/http/campaigns.schemas.ts';
import type {
  completenessOut,
  createDocumentBody,
  lineInput,
  sendPreviewOut,
  updateDocumentBody,
} from '../../../src/http/documents.schemas.ts';
import type { createEngagementBody } from '../../../src/http/engagements.schemas.ts';
import type { firmOut, updateFirmBody } from '../../../src/http/firm.schemas.ts';
import type {
  documentListItemOut,
  documentViewOut,
  engagementListItemOut,
  engagementViewOut,
  eventOut,
  lineOut,
  pageOf,
  scopeOut,
} from '../../../src/http/responses.schemas.ts';
import type {
  createServiceBody,
  revaluationOut,
  serviceOut,
  serviceViewOut,
} from '../../../src/http/services.schemas.ts';
import type {
  codeSentOut,
  linkViewOut,
  signedLinkViewOut,
  signedOut,
  signingViewOut,
  verificationOut,
} from '../../../src/http/signing.schemas.ts';
import type {
  documentSigningOut,
  mailOut,
  mailPageOut,
  signingTrailOut,
} from '../../../src/http/signing-admin.schemas.ts';
import type { termsSummaryOut } from '../../../src/http/terms.schemas.ts';
import type { userOut } from '../../../src/http/users.schemas.ts';
import type {
  createdWebhookOut,
  createWebhookBody,
  webhookDeliveryOut,
  webhookEventTypeOut,
  webhookOut,
} from '../../../src/http/webhooks.schemas.ts';

/** Every list of the API answers one page of this shape (docs/api.md). */
export type Page<T> = Omit<z.output<ReturnType<typeof pageOf>>, 'items'> & { items: T[] };
export type EngagementListItem = z.output<typeof engagementListItemOut>;
export type EngagementView = z.output<typeof engagementViewOut>;
export type Engagement = EngagementView['engagement'];
export type Company = EngagementView['company'];
export type Contact = EngagementView['contacts'][number];
export type HistoryEvent = z.output<typeof eventOut>;
export type Scope = z.output<typeof scopeOut>;
export type DocumentListItem = z.output<typeof documentListItemOut>;
export type DocumentView = z.output<typeof documentViewOut>;
export type LettrineDocument = DocumentView['document'];
export type DocumentKind = LettrineDocument['kind'];
export type DocumentStatus = LettrineDocument['status'];
export type DocumentLine = z.output<typeof lineOut>;
export type Completeness = z.output<typeof completenessOut>;
export type SendPreview = z.output<typeof sendPreviewOut>;
export type Recurrence = DocumentLine['recurrence'];
export type LineInput = z.input<typeof lineInput>;
export type CreateDocumentBody = z.input<typeof createDocumentBody>;
export type UpdateDocumentBody = z.input<typeof updateDocumentBody>;
export type CreateEngagementBody = z.input<typeof createEngagementBody>;
export type Service = z.output<typeof serviceOut>;
export type ServiceView = z.output<typeof serviceViewOut>;
export type CreateServiceBody = z.input<typeof createServiceBody>;
export type Revaluation = z.output<typeof revaluationOut>;
export type TermsSummary = z.output<typeof termsSummaryOut>;
export type Firm = z.output<typeof firmOut>;
export type UpdateFirmBody = z.input<typeof updateFirmBody>;
export type User = z.output<typeof userOut>;
export type Role = User['role'];
export type SigningView = z.output<typeof signingViewOut>;
export type SignedLinkView = z.output<typeof signedLinkViewOut>;
/** GET /public/signing/{token}: the document to sign, or, once signed, the signed copy's access. */
export type LinkView = z.output<typeof linkViewOut>;
export type SigningTrail = z.output<typeof signingTrailOut>;
export type Verification = z.output<typeof verificationOut>;
export type CodeSent = z.output<typeof codeSentOut>;
export type Signed = z.output<typeof signedOut>;
export type DocumentSigning = z.output<typeof documentSigningOut>;
export type SigningProgress = DocumentSigning['requests'][number];
export type MailView = z.output<typeof mailOut>;
export type MailPage = z.output<typeof mailPageOut>;
export type MailSummary = MailPage['items'][number];
export type Webhook = z.output<typeof webhookOut>;
export type CreatedWebhook = z.output<typeof createdWebhookOut>;
export type CreateWebhookBody = z.input<typeof createWebhookBody>;
export type WebhookDelivery = z.output<typeof webhookDeliveryOut>;
export type WebhookEventType = z.output<typeof webhookEventTypeOut>;
/** The signed-in user, as GET /auth/me and the login describe them. */
export type Me = z.output<typeof sessionUserOut>;
export type ApiToken = z.output<typeof apiTokenOut>;

/** The body of every API error (application/problem+json). */
export type Problem = {
  code: string;
  title?: string;
  detail?: string;
  details?: { fields?: { field?: string; path?: string; message: string }[]; [key: string]: unknown };
};

/* Renewal campaigns (R-D5, R-D6) and the portfolio's figures. */
export type CampaignView = z.output<typeof campaignOut>;
export type CampaignStatus = CampaignView['status'];
export type CampaignProgress = CampaignView['progress'];
export type CampaignSettings = CampaignView['settings'];
export type CampaignException = CampaignSettings['exceptions'][number];
export type CampaignSettingsBody = z.input<typeof campaignSettingsBody>;
export type CampaignPreview = z.output<typeof previewOut>;
export type CampaignSummary = CampaignPreview['summary'];
export type ClientPlan = z.output<typeof clientPlanOut>;
export type PlannedLine = Extract<ClientPlan, { outcome: 'planned' }>['lines'][number];
export type SkipReason = Extract<ClientPlan, { outcome: 'skipped' }>['reason'];
export type CampaignItem = z.output<typeof campaignItemOut>;
export type CampaignItemStatus = CampaignItem['status'];
export type OutdatedTerms = z.output<typeof outdatedTermsOut>;
export type NoticeDeadlines = z.output<typeof noticeDeadlinesOut>;
export type NoticeDeadlineItem = NoticeDeadlines['items'][number];
export type RecurringFees = z.output<typeof recurringFeesOut>;
