import { Alert, Anchor, Breadcrumbs, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { kindPolicy } from '../../../src/domain/documents/kinds.ts';
import { useDocument, useEngagement } from '../api/queries.ts';
import { useCanWrite } from '../auth/session.tsx';
import { OneOffDonePanel } from '../billing/one-off-done-panel.tsx';
import { TerminationLetterSummary } from '../billing/termination-letter-summary.tsx';
import { TerminationPanel } from '../billing/termination-panel.tsx';
import { formatCents, formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { DocumentGatePanel } from '../vigilance/document-gate-panel.tsx';
import { CompletenessPanel } from './completeness-panel.tsx';
import { DocumentActions } from './document-actions.tsx';
import { DocumentEditor } from './document-editor.tsx';
import { DocumentSummary } from './document-summary.tsx';
import { ESignaturePanel } from './e-signature-panel.tsx';
import { kindKey } from './labels.ts';
import { SignaturesPanel } from './signatures-panel.tsx';
import { SigningTrailPanel } from './signing-trail-panel.tsx';
import { StatusBadge } from './status-badge.tsx';

export const DocumentPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const view = useDocument(id);
  const canWrite = useCanWrite();
  const engagementId = view.data?.document.engagementId ?? '';
  const engagement = useEngagement(engagementId);
  return (
    <QueryState query={view}>
      {(data) => {
        const doc = data.document;
        // Issue 18: amendments too, their changes edited like any draft's lines.
        const isDraftEditable = canWrite && data.availableActions.includes('edit');
        return (
          <Stack>
            <Breadcrumbs>
              <Anchor component={Link} to="/engagements">
                {t('nav.engagements')}
              </Anchor>
              <Anchor component={Link} to={`/engagements/${doc.engagementId}`}>
                {engagement.data?.company.name ?? '…'}
              </Anchor>
              <span>{doc.number ?? t('document.unnumbered')}</span>
            </Breadcrumbs>
            <Group justify="space-between" align="start">
              <Stack gap={4}>
                <Title order={2}>
                  {t(kindKey(doc.kind))} {doc.number ?? ''}
                </Title>
                <Group gap="xs">
                  <StatusBadge status={doc.status} />
                  <Text size="sm" c="dimmed">
                    {doc.title}
                  </Text>
                </Group>
              </Stack>
              <DocumentActions view={data} editing={isDraftEditable} />
            </Group>
            <TerminationPanel view={data} />
            <OneOffDonePanel view={data} />
            {data.createdLetterId && (
              <Alert color="teal" title={t('link.createdLetterTitle')}>
                <Anchor
                  component={Link}
                  to={`/documents/${data.createdLetterId}`}
                  data-testid="created-letter"
                >
                  {t('link.openLetter')}
                </Anchor>
              </Alert>
            )}
            {data.amendmentImpact && (
              <Text size="sm" data-testid="amendment-impact">
                {t('amendment.impact', {
                  before: formatCents(data.amendmentImpact.letterAnnualBeforeCents),
                  after: formatCents(data.amendmentImpact.letterAnnualAfterCents),
                })}
              </Text>
            )}
            {data.amendmentImpact && (
              // R-G2: the instalment of the letter's billing period, named as the letter's PDF names it.
              <Text size="sm" data-testid="amendment-instalment">
                {t('amendment.newInstalment', {
                  one: t(`billingPeriod.instalment.${data.amendmentImpact.billingPeriod}`),
                  ht: formatCents(data.amendmentImpact.newInstalmentHtCents),
                  ttc: formatCents(data.amendmentImpact.newInstalmentTtcCents),
                  date: formatDay(data.amendmentImpact.effectiveDate),
                })}
              </Text>
            )}
            {data.term && (
              <Text size="sm">
                {t('document.term', {
                  end: formatDay(data.term.periodEnd),
                  notice: formatDay(data.term.noticeDeadline),
                })}
              </Text>
            )}
            <Grid>
              <Grid.Col span={{ base: 12, lg: 9 }}>
                {kindPolicy(doc.kind).drawnFromTermination ? (
                  <TerminationLetterSummary view={data} />
                ) : isDraftEditable ? (
                  <DocumentEditor key={doc.id} view={data} />
                ) : (
                  <DocumentSummary view={data} />
                )}
                <SigningTrailPanel view={data} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 3 }}>
                <Stack>
                  {doc.status === 'draft' && <CompletenessPanel documentId={doc.id} version={doc.version} />}
                  {doc.status === 'draft' && <DocumentGatePanel documentId={doc.id} version={doc.version} />}
                  <SignaturesPanel view={data} />
                  <ESignaturePanel view={data} />
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        );
      }}
    </QueryState>
  );
};
