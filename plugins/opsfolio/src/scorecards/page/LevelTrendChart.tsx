import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { levelColor, NO_LEVEL_COLOR } from '../../components/palette';
import { NO_LEVEL } from './levelColors';
import { chartStyle } from '../../components/chartStyle';
import { usePalette } from '../../components/usePalette';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

/** Entities at each level per day, stacked with "no level" at the bottom so the green grows over grey. */
export function LevelTrendChart(props: { overview: ScorecardOverviewResponse }) {
  const { scorecard, trend } = props.overview;
  const palette = usePalette();
  const { t } = useOpsfolioText();
  if (trend.length === 0) {
    return (
      <Text as="p" color="secondary" data-testid="opsfolio-scorecards-trend">
        {t('readinessPage.trend.empty')}
      </Text>
    );
  }
  const series = [
    { id: NO_LEVEL, name: t('readinessPage.noLevel'), color: NO_LEVEL_COLOR },
    ...scorecard.levels.map((l, i) => ({ id: l.id, name: l.title, color: levelColor(i, scorecard.levels.length) })),
  ];
  // Days missing a level had none there; recharts needs the zero to stack.
  const style = chartStyle(palette);
  const rows = trend.map(d => ({
    day: d.day.slice(5, 10),
    ...Object.fromEntries(series.map(s => [s.id, d.levels[s.id] ?? 0])),
  }));
  return (
    <div data-testid="opsfolio-scorecards-trend" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <AreaChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" {...style.grid} />
          <XAxis dataKey="day" {...style.axis} />
          <YAxis allowDecimals={false} {...style.axis} />
          <Tooltip />
          {/* Lowest level first, as the areas stack, not alphabetically. */}
          <Legend {...style.legend} itemSorter={item => series.findIndex(s => s.id === item.dataKey)} />
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
