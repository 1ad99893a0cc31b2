import type { WeeklyDeploymentsResponse } from '@opsfolio/backstage-plugin-common';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartStyle } from '../components/chartStyle';
import { usePalette } from '../components/usePalette';
import { useOpsfolioText } from '../translation/useOpsfolioText';

const day = (iso: string) => iso.slice(5, 10);

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
          <Bar
            dataKey="success"
            name={t('deployments.chart.succeeded')}
            stackId="d"
            fill={palette.tone.good}
            isAnimationActive={false}
          />
          <Bar
            dataKey="rollback"
            name={t('deployments.chart.rolledBack')}
            stackId="d"
            fill={palette.tone.warn}
            isAnimationActive={false}
          />
          <Bar
            dataKey="failure"
            name={t('deployments.chart.failed')}
            stackId="d"
            fill={palette.tone.bad}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
