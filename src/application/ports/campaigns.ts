import type { CampaignLetterGroup } from '../../domain/renewal/campaign-follow-up.ts';
import type {
  Campaign,
  CampaignFollowUp,
  CampaignItem,
  CampaignItemStatus,
  CampaignItemView,
  CampaignProgress,
  Page,
  PortfolioRecord,
} from '../records.ts';
import type { Versioned } from './shared.ts';

/** R-D5: renewal campaigns and their items (one per selected client). */
export type CampaignRepository = {
  find(id: string, options?: { forUpdate?: boolean }): Promise<Campaign | undefined>;
  list(): Promise<Campaign[]>;
  /** The campaigns with background work that may still be due: generating, sending or sent. */
  listUnfinished(): Promise<Campaign[]>;
  insert(campaign: Campaign): Promise<void>;
  update(input: Versioned<Pick<Campaign, 'name' | 'settings'>>): Promise<Campaign | undefined>;
  /** A status change: not a user's edit, the caller holds the row lock. */
  advance(
    id: string,
    fields: Partial<
      Pick<
        Campaign,
        | 'status'
        | 'generationStartedAt'
        | 'generatedAt'
        | 'sendingStartedBy'
        | 'sendingStartedAt'
        | 'sentAt'
        | 'completedAt'
      >
    >,
    at: Date,
  ): Promise<void>;
  insertItems(campaignId: string, items: CampaignItem[], at: Date): Promise<void>;
  /**
   * Locks up to `limit` items in that status, in position order, skipping those another worker
   * holds: two runs of the same job share the work instead of doing it twice.
   */
  claimItems(campaignId: string, status: CampaignItemStatus, limit: number): Promise<CampaignItem[]>;
  updateItems(
    campaignId: string,
    items: (Pick<CampaignItem, 'engagementId' | 'status'> & Partial<CampaignItem>)[],
    at: Date,
  ): Promise<void>;
  progress(campaignId: string): Promise<CampaignProgress>;
  listItems(
    campaignId: string,
    filter: { status?: CampaignItemStatus; page: number; pageSize: number },
  ): Promise<Page<CampaignItemView>>;
  /** The campaign's letters grouped by status (R-D5's figures are the domain's), and its refusals. */
  followUp(
    campaignId: string,
  ): Promise<{ groups: CampaignLetterGroup[]; refusals: CampaignFollowUp['refusals'] }>;
};

/** The client portfolio as renewal reads it: many engagements in a few queries. */
export type PortfolioRepository = {
  /** The client engagements (all, or those listed) with their company and renewal documents. */
  listClients(filter?: { engagementIds?: string[] }): Promise<PortfolioRecord[]>;
  /** The client engagements' ids in the order of listClients: to read the portfolio in slices. */
  listClientIds(): Promise<string[]>;
};
