import { Box, Progress, Text } from '@mantine/core';

type Props = { value: number; max: number; label: string; text: string; testId?: string };

/**
 * A bar that counts letters, not percents: assistive technologies read « 1 234 sur 10 000 » from
 * aria-valuenow and aria-valuemax, and the visible text says the same.
 */
export const CountProgress = ({ value, max, label, text, testId }: Props) => {
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : 100;
  const done = value >= max;
  return (
    <Box>
      <Box
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
        data-testid={testId}
      >
        <Progress.Root size="xl" radius="md">
          <Progress.Section
            value={percent}
            withAria={false}
            color={done ? 'teal' : 'grape'}
            animated={!done}
          />
        </Progress.Root>
      </Box>
      <Text size="sm" mt={6} aria-hidden>
        {text}
      </Text>
    </Box>
  );
};
