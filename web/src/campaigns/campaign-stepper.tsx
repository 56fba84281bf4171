import { Stepper } from '@mantine/core';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { STEPS, type Step } from './labels.ts';

type Props = { current: Step; viewed: Step; onView: (step: Step) => void };

/**
 * Sélection → Aperçu → Génération → Envoi → Suivi. The campaign's status sets the current step; the
 * steps it has passed can be opened again to read them.
 */
export const CampaignStepper = ({ current, viewed, onView }: Props) => {
  const t = useT();
  const reached = STEPS.indexOf(current);
  return (
    <Stepper
      active={STEPS.indexOf(viewed)}
      onStepClick={(index) => {
        const step = STEPS[index];
        if (step && index <= reached) onView(step);
      }}
      size="sm"
      iconSize={32}
      wrap
      aria-label={t('campaign.steps')}
    >
      {STEPS.map((step, index) => (
        <Stepper.Step
          key={step}
          label={t(`campaign.step.${step}` as MessageKey)}
          allowStepSelect={index <= reached}
          aria-current={step === viewed ? 'step' : undefined}
        />
      ))}
    </Stepper>
  );
};
