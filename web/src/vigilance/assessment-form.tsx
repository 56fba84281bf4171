import {
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCanWrite, useIsAssocie } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { useFileChange } from './queries.ts';
import type { Assessment, VigilanceFile } from './types.ts';

const CRITERIA = ['client', 'activity', 'location', 'missions'] as const;
type Criterion = (typeof CRITERIA)[number];
type Level = 'low' | 'medium' | 'high';
const VIGILANCE = ['simplified', 'standard', 'enhanced'] as const;
type Vigilance = (typeof VIGILANCE)[number];

const emptyAssessment = (): Assessment => ({
  criteria: {
    client: { level: 'low', reason: '' },
    activity: { level: 'low', reason: '' },
    location: { level: 'low', reason: '' },
    missions: { level: 'low', reason: '' },
  },
  politicallyExposed: false,
  neverMetInPerson: false,
  highRiskCountry: false,
  override: null,
  notes: null,
});

/** R-F2: the four criteria with their written reasons, and the three facts that make a file enhanced. */
export const AssessmentForm = ({ data }: { data: VigilanceFile }) => {
  const t = useT();
  const readOnly = !useCanWrite();
  const isAssocie = useIsAssocie();
  const [draft, setDraft] = useState<Assessment>(() => data.file.assessment ?? emptyAssessment());
  const save = useFileChange<Assessment>(data.file.engagementId, 'assessment', 'PUT');
  const rate = (criterion: Criterion, patch: Partial<{ level: Level; reason: string }>) =>
    setDraft((d) => ({
      ...d,
      criteria: { ...d.criteria, [criterion]: { ...d.criteria[criterion], ...patch } },
    }));
  const flag = (key: 'politicallyExposed' | 'neverMetInPerson' | 'highRiskCountry') => (
    <Checkbox
      label={t(`vigilance.${key}`)}
      checked={draft[key] === true}
      disabled={readOnly}
      onChange={(e) => {
        const checked = e.currentTarget.checked;
        setDraft((d) => ({ ...d, [key]: checked }));
      }}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  // R-F2: a level is raised, never lowered: the levels above the one last computed are offered.
  const computed = data.file.computedLevel;
  const above = VIGILANCE.filter(
    (level) => !computed || VIGILANCE.indexOf(level) > VIGILANCE.indexOf(computed),
  );
  const override = draft.override ?? null;
  const setOverride = (next: { level: Vigilance; reason: string } | null) =>
    setDraft((d) => ({ ...d, override: next }));
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="vigilance-risk-title">
      <Stack>
        <Title order={3} size="h4" id="vigilance-risk-title">
          {t('vigilance.assessment')}
        </Title>
        {CRITERIA.map((criterion) => (
          <Stack key={criterion} gap={4} role="group" aria-label={t(`vigilance.criterion.${criterion}`)}>
            <Text fw={500} size="sm">
              {t(`vigilance.criterion.${criterion}`)}
            </Text>
            <SegmentedControl
              readOnly={readOnly}
              value={draft.criteria[criterion].level}
              onChange={(level) => rate(criterion, { level: level as Level })}
              data={(['low', 'medium', 'high'] as const).map((level) => ({
                value: level,
                label: t(`vigilance.risk.${level}`),
              }))}
            />
            <Textarea
              label={t('vigilance.reason')}
              autosize
              minRows={1}
              readOnly={readOnly}
              value={draft.criteria[criterion].reason}
              onChange={(e) => rate(criterion, { reason: e.currentTarget.value })}
            />
          </Stack>
        ))}
        {flag('politicallyExposed')}
        {flag('neverMetInPerson')}
        {flag('highRiskCountry')}
        {data.file.level && (
          <Text size="sm" data-testid="vigilance-levels">
            {t('vigilance.computedLevel', { level: computed ? t(`vigilance.level.${computed}`) : '—' })}
            {' · '}
            {t('vigilance.retainedLevel', { level: t(`vigilance.level.${data.file.level}`) })}
          </Text>
        )}
        {(above.length > 0 || override) && (
          <Checkbox
            label={t('vigilance.raiseLevel')}
            checked={override !== null}
            disabled={readOnly}
            onChange={(e) =>
              setOverride(
                e.currentTarget.checked
                  ? { level: above[0] ?? 'enhanced', reason: override?.reason ?? '' }
                  : null,
              )
            }
          />
        )}
        {override && (
          <Group grow align="start">
            <Select
              label={t('vigilance.overrideLevel')}
              value={override.level}
              readOnly={readOnly}
              allowDeselect={false}
              onChange={(level) => level && setOverride({ ...override, level: level as Vigilance })}
              data={(above.includes(override.level) ? above : [override.level, ...above]).map((level) => ({
                value: level,
                label: t(`vigilance.level.${level}`),
              }))}
            />
            <Textarea
              label={t('vigilance.overrideReason')}
              required
              autosize
              minRows={1}
              readOnly={readOnly}
              value={override.reason}
              onChange={(e) => setOverride({ ...override, reason: e.currentTarget.value })}
            />
          </Group>
        )}
        {isAssocie && (
          <Textarea
            label={t('vigilance.notes')}
            description={t('vigilance.notesHint')}
            autosize
            minRows={2}
            value={draft.notes ?? ''}
            onChange={(e) => {
              const notes = e.currentTarget.value;
              setDraft((d) => ({ ...d, notes: notes.trim() === '' ? null : notes }));
            }}
          />
        )}
        {save.error && <ProblemText error={save.error} />}
        {!readOnly && (
          <Group justify="end">
            <Button type="submit" loading={save.isPending}>
              {t('vigilance.saveAssessment')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
};
