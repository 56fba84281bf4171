import {
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { Service } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { isUnusual, type SettingsDraft } from './settings-draft.ts';

type Props = {
  draft: SettingsDraft;
  set: (changes: Partial<SettingsDraft>) => void;
  services: Service[];
  errors: Record<string, string>;
  askConfirmation: boolean;
};

/** R-D3: a coefficient or an index formula, the rounding, and the missions left at their price. */
export const RevaluationFields = ({ draft, set, services, errors, askConfirmation }: Props) => {
  const t = useT();
  const unusual = draft.method === 'coefficient' && isUnusual(draft.coefficient);
  return (
    <Fieldset legend={t('campaign.revaluation')}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('campaign.method')}
          value={draft.method}
          onChange={(value) => set({ method: value as SettingsDraft['method'] })}
          data={[
            { value: 'coefficient', label: t('campaign.method.coefficient') },
            { value: 'index', label: t('campaign.method.index') },
          ]}
          w="fit-content"
        />
        <Group align="flex-start" gap="sm">
          {draft.method === 'coefficient' ? (
            <TextInput
              label={t('catalogue.coefficient')}
              description={t('campaign.coefficientHint')}
              value={draft.coefficient}
              onChange={(event) => set({ coefficient: event.currentTarget.value })}
              error={errors.coefficient}
              inputMode="decimal"
              w={180}
              required
            />
          ) : (
            <>
              <TextInput
                label={t('campaign.referenceIndex')}
                value={draft.referenceIndex}
                onChange={(event) => set({ referenceIndex: event.currentTarget.value })}
                error={errors.referenceIndex}
                inputMode="decimal"
                w={180}
                required
              />
              <TextInput
                label={t('campaign.newIndex')}
                value={draft.newIndex}
                onChange={(event) => set({ newIndex: event.currentTarget.value })}
                error={errors.newIndex}
                inputMode="decimal"
                w={180}
                required
              />
            </>
          )}
          <NativeSelect
            label={t('catalogue.rounding')}
            value={draft.rounding}
            onChange={(event) => set({ rounding: event.currentTarget.value as SettingsDraft['rounding'] })}
            data={[
              { value: 'cent', label: t('catalogue.roundCent') },
              { value: 'euro', label: t('catalogue.roundEuro') },
            ]}
            w={200}
          />
        </Group>
        {draft.method === 'index' && (
          <Text size="xs" c="dimmed">
            {t('campaign.indexHint')}
          </Text>
        )}
        {(unusual || askConfirmation || draft.confirmUnusualCoefficient) && (
          <Checkbox
            label={t('catalogue.confirmUnusual')}
            checked={draft.confirmUnusualCoefficient}
            onChange={(event) => set({ confirmUnusualCoefficient: event.currentTarget.checked })}
            error={errors.confirm}
          />
        )}
        <MultiSelect
          label={t('campaign.excludedServices')}
          description={t('campaign.excludedServicesHint')}
          data={services.map((service) => ({
            value: service.id,
            label: `${service.code} — ${service.label}`,
          }))}
          value={draft.excludedServiceIds}
          onChange={(excludedServiceIds) => set({ excludedServiceIds })}
          searchable
          clearable
        />
      </Stack>
    </Fieldset>
  );
};
