import type { WeeklyDeploymentsResponse } from '@opsfolio/backstage-plugin-common';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const day = (iso: string) => iso.slice(5, 10);

/** Production deploys per week, failures and rollbacks stacked on the successes. */
export function DeploysPerWeekChart(props: { data: WeeklyDeploymentsResponse }) {
  const rows = props.data.weeks.map(w => ({ ...w, week: day(w.weekStart) }));
  return (
    <div data-testid="opsfolio-deploys-per-week" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="success" name="Succeeded" stackId="d" fill="#2e7d32" isAnimationActive={false} />
          <Bar dataKey="rollback" name="Rolled back to" stackId="d" fill="#ef6c00" isAnimationActive={false} />
          <Bar dataKey="failure" name="Failed" stackId="d" fill="#c62828" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
