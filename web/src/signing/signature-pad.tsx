import { Box, Button, Group, Input, Text } from '@mantine/core';
import { type PointerEvent, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';

const WIDTH = 600;
const HEIGHT = 200;

type Props = { onChange: (pngBase64: string | null) => void; error?: string };

/**
 * An optional drawn signature: a canvas of fixed resolution scaled to its box, drawn with pointer
 * events (finger, pen or mouse), exported as PNG base64 after each stroke.
 */
export const SignaturePad = ({ onChange, error }: Props) => {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [hasInk, setHasInk] = useState(false);
  const pointOf = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * WIDTH) / box.width,
      y: ((event.clientY - box.top) * HEIGHT) / box.height,
    };
  };
  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    last.current = pointOf(event);
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    const from = last.current;
    const context = canvas.current?.getContext('2d');
    if (!from || !context) return;
    const to = pointOf(event);
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.strokeStyle = '#1a1a2e';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    last.current = to;
    setHasInk(true);
  };
  const up = () => {
    if (!last.current) return;
    last.current = null;
    if (hasInk && canvas.current) onChange(canvas.current.toDataURL('image/png').split(',')[1] ?? null);
  };
  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    setHasInk(false);
    onChange(null);
  };
  return (
    <Input.Wrapper
      label={t('signing.drawLabel')}
      description={t('signing.drawHint')}
      error={error}
      id="signature-pad"
    >
      <Box mt={4} maw={WIDTH}>
        <Box
          style={{
            border: `1px ${error ? 'solid var(--mantine-color-red-6)' : 'dashed var(--mantine-color-gray-5)'}`,
            borderRadius: 4,
            background: 'white',
          }}
        >
          <canvas
            ref={canvas}
            width={WIDTH}
            height={HEIGHT}
            data-testid="signature-canvas"
            aria-label={t('signing.drawLabel')}
            role="img"
            style={{
              display: 'block',
              width: '100%',
              height: 'auto',
              touchAction: 'none',
              cursor: 'crosshair',
            }}
            onPointerDown={down}
            onPointerMove={move}
            onPointerUp={up}
            onPointerCancel={up}
            onPointerLeave={up}
          />
        </Box>
        {/* Under the pad's own right edge, and big enough for a thumb. */}
        <Group justify="space-between" mt={4} mih={42} wrap="nowrap">
          <Text size="xs" c="dimmed" aria-live="polite">
            {hasInk ? t('signing.drawn') : t('signing.notDrawn')}
          </Text>
          {hasInk && (
            <Button variant="subtle" size="md" onClick={clear}>
              {t('signing.clear')}
            </Button>
          )}
        </Group>
      </Box>
    </Input.Wrapper>
  );
};
