import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../shell/language-switch.tsx';

/** A valid #RRGGBB from the firm, or Lettrine's own colour. */
const accentOf = (color: string | null | undefined) =>
  color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#7a3e9d';

/**
 * The frame of the public pages (signing, verification): no app chrome, the firm's name on its
 * accent colour. Narrow on purpose: a signer is often on a phone.
 */
export const PublicFrame = ({
  firmName,
  accentColor,
  children,
}: {
  firmName?: string;
  accentColor?: string | null;
  children: ReactNode;
}) => (
  <Box mih="100dvh" bg="gray.0" style={{ overflowX: 'hidden' }}>
    <Box component="header" bg={accentOf(accentColor)} c="white" py="sm">
      <Container size="md" px="md">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={700} size="lg" data-testid="firm-name" style={{ overflowWrap: 'anywhere' }}>
            {firmName ?? 'Lettrine'}
          </Text>
          <Box bg="white" style={{ borderRadius: 4, flexShrink: 0 }}>
            <LanguageSwitch />
          </Box>
        </Group>
      </Container>
    </Box>
    <Container size="md" px="md" py="md" component="main" id="main">
      {children}
    </Container>
  </Box>
);
