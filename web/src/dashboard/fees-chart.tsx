import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { formatCents } from '../format.ts';

type Props = { data: { domain: string; euros: number }[]; label: string; series: string };

/** Loaded on its own (React.lazy): the chart library weighs more than the rest of the app. */
export const FeesChart = ({ data, label, series }: Props) => (
  <BarChart
    h={220}
    data={data}
    dataKey="domain"
    series={[{ name: 'euros', label: series, color: 'grape.6' }]}
    valueFormatter={(value) => formatCents(Math.round(value * 100))}
    yAxisProps={{ width: 90 }}
    role="figure"
    aria-label={label}
  />
);
