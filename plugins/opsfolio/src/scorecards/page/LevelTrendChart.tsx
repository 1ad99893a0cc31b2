import Typography from '@material-ui/core/Typography';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { NO_LEVEL, NO_LEVEL_COLOR, levelColor } from './levelColors';

/** Entities at each level per day, stacked with "no level" at the bottom so the green grows over grey. */
export function LevelTrendChart(props: { overview: ScorecardOverviewResponse }) {
  const { scorecard, trend } = props.overview;
  if (trend.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" data-testid="opsfolio-scorecards-trend">
        No daily snapshots yet: the trend starts after the first day of evaluations.
      </Typography>
    );
  }
  const series = [
    { id: NO_LEVEL, name: 'No level', color: NO_LEVEL_COLOR },
    ...scorecard.levels.map((l, i) => ({ id: l.id, name: l.title, color: levelColor(i, scorecard.levels.length) })),
  ];
  // Days missing a level had none there; recharts needs the zero to stack.
  const rows = trend.map(d => ({ day: d.day.slice(5, 10), ...Object.fromEntries(series.map(s => [s.id, d.levels[s.id] ?? 0])) }));
  return (
    <div data-testid="opsfolio-scorecards-trend" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <AreaChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          {/* Lowest level first, as the areas stack, not alphabetically. */}
          <Legend itemSorter={item => series.findIndex(s => s.id === item.dataKey)} />
          {series.map(s => (
            <Area
              key={s.id}
              type="monotone"
              dataKey={s.id}
              name={s.name}
              stackId="levels"
              stroke={s.color}
              fill={s.color}
              fillOpacity={0.8}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
