import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { frenchDayProblem, parseFrenchDay } from './french-date.ts';

/**
 * Every date of the app (issue 18): typed JJ/MM/AAAA or picked, and a day that does not exist
 * (31/02/2027) refused with a message instead of silently becoming 03/03/2027. A refused text
 * empties the value, so the form never sends a day the user did not mean.
 */
export const DateField = ({ onChange, onBlur, error, ...props }: DateInputProps) => {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      {...props}
      dateParser={(text) => parseFrenchDay(text) ?? null}
      onChange={(value) => {
        setProblem(null);
        onChange?.(value);
      }}
      onBlur={(event) => {
        const text = event.currentTarget.value;
        const refused = frenchDayProblem(text);
        setProblem(
          refused === 'impossible'
            ? t('date.impossible', { text: text.trim() })
            : refused === 'format'
              ? t('date.format')
              : null,
        );
        if (refused) onChange?.(null);
        onBlur?.(event);
      }}
      error={problem ?? error}
    />
  );
};
