import { Grid, Stack } from '@mantine/core';
import { QueryState } from '../ui/query-state.tsx';
import { AssessmentForm } from './assessment-form.tsx';
import { EvidenceCard } from './evidence-card.tsx';
import { FileStateCard } from './file-state-card.tsx';
import { HistoryCard } from './history-card.tsx';
import { IdentificationForm } from './identification-form.tsx';
import { MatchesCard } from './match-card.tsx';
import { useVigilanceFile } from './queries.ts';
import { ReviewCard } from './review-card.tsx';

/**
 * The « Vigilance LCB-FT » tab of an engagement (R-F1 … R-F5): its state, screening matches,
 * identification, evidence, risk, reviews and history.
 */
export const VigilanceTab = ({ engagementId }: { engagementId: string }) => {
  const file = useVigilanceFile(engagementId);
  return (
    <QueryState query={file}>
      {(data) => (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <MatchesCard data={data} />
              {/* Keyed by the file's version: a save from elsewhere starts the forms afresh. */}
              <IdentificationForm key={`id-${data.file.version}`} data={data} />
              <AssessmentForm key={`risk-${data.file.assessmentVersion}`} data={data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              <FileStateCard data={data} />
              <ReviewCard data={data} />
              <EvidenceCard data={data} />
              <HistoryCard data={data} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </QueryState>
  );
};
