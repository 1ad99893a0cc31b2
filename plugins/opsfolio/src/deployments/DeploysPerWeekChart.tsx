import type { WeeklyDeploymentsResponse } from '@opsfolio/backstage-plugin-common';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartStyle } from '../components/chartStyle';
import { usePalette } from '../components/usePalette';
import { useOpsfolioText } from '../translation/useOpsfolioText';

const day = (iso: string) => iso.slice(5, 10);

// Stacked in this order: successes at the bottom.
const SERIES = [
  { key: 'success', name: 'deployments.chart.succeeded', tone: 'good' },
  { key: 'rollback', name: 'deployments.chart.rolledBack', tone: 'warn' },
  { key: 'failure', name: 'deployments.chart.failed', tone: 'bad' },
] as const;

/** Production deploys per week, failures and rollbacks stacked on the successes. */
export function DeploysPerWeekChart(props: { data: WeeklyDeploymentsResponse }) {
  const rows = props.data.weeks.map(w => ({ ...w, week: day(w.weekStart) }));
  const palette = usePalette();
  const { t } = useOpsfolioText();
  const style = chartStyle(palette);
  return (
    <div data-testid="opsfolio-deploys-per-week" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" {...style.grid} />
          <XAxis dataKey="week" {...style.axis} />
          <YAxis allowDecimals={false} {...style.axis} />
          <Tooltip />
          <Legend {...style.legend} />
          {SERIES.map(series => (
            <Bar
              key={series.key}
              dataKey={series.key}
              name={t(series.name)}
              stackId="d"
              fill={palette.tone[series.tone]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
