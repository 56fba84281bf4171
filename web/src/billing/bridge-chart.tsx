import { formatCents } from '../format.ts';

export type BridgeStep = { label: string; cents: number; total?: boolean };

const WIDTH = 720;
const HEIGHT = 260;
const TOP = 24;
const BOTTOM = 56;

/**
 * A waterfall of the bridge: the start and end as bars from zero, each movement floating from the
 * running total. Plain SVG: the few rectangles do not justify loading a chart library here.
 */
export const BridgeChart = ({ steps, label }: { steps: BridgeStep[]; label: string }) => {
  let running = 0;
  const bars = steps.map((step) => {
    const low = step.total ? 0 : Math.min(running, running + step.cents);
    const high = step.total ? step.cents : Math.max(running, running + step.cents);
    running = step.total ? step.cents : running + step.cents;
    return { ...step, low, high };
  });
  const max = Math.max(1, ...bars.map((bar) => bar.high));
  const slot = WIDTH / Math.max(1, bars.length);
  const y = (cents: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - cents / max);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={label}>
      <line x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-5)" />
      {bars.map((bar, index) => {
        const x = index * slot + slot * 0.15;
        const color = bar.total
          ? 'var(--mantine-color-grape-6)'
          : bar.cents >= 0
            ? 'var(--mantine-color-teal-6)'
            : 'var(--mantine-color-red-6)';
        return (
          <g key={bar.label}>
            <title>{`${bar.label} : ${formatCents(bar.cents)}`}</title>
            <rect
              x={x}
              y={y(bar.high)}
              width={slot * 0.7}
              height={Math.max(1, y(bar.low) - y(bar.high))}
              fill={color}
            />
            <text x={x + slot * 0.35} y={y(bar.high) - 6} textAnchor="middle" fontSize={11}>
              {formatCents(bar.cents)}
            </text>
            <text x={x + slot * 0.35} y={HEIGHT - BOTTOM + 18} textAnchor="middle" fontSize={11}>
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
