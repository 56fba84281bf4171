import { Anchor, Breadcrumbs, Grid, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useDocuments, useEngagement } from '../api/queries.ts';
import { EngagementSchedule } from '../billing/engagement-schedule.tsx';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { EngagementTabs } from '../vigilance/engagement-tabs.tsx';
import { CompanyCard } from './company-card.tsx';
import { DocumentsTimeline } from './documents-timeline.tsx';
import { EngagementHeader } from './engagement-header.tsx';
import { HistoryList } from './history-list.tsx';
import { ScopePanel } from './scope-panel.tsx';

export const EngagementPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const view = useEngagement(id);
  const documents = useDocuments({ engagementId: id, sort: 'createdAt', direction: 'asc' });
  return (
    <QueryState query={view}>
      {(data) => (
        <Stack>
          <Breadcrumbs>
            <Anchor component={Link} to="/engagements">
              {t('nav.engagements')}
            </Anchor>
            <span>{data.company.name}</span>
          </Breadcrumbs>
          <EngagementHeader view={data} documents={documents.data?.items ?? []} />
          <EngagementTabs engagementId={id}>
            <Grid>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack>
                  <QueryState query={documents}>
                    {(page) => <DocumentsTimeline documents={page.items} />}
                  </QueryState>
                  <ScopePanel engagementId={id} />
                  <EngagementSchedule engagementId={id} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack>
                  <CompanyCard view={data} />
                  <HistoryList engagementId={id} />
                </Stack>
              </Grid.Col>
            </Grid>
          </EngagementTabs>
        </Stack>
      )}
    </QueryState>
  );
};
