import type { Scorecard, ScorecardHistoryResponse } from '@opsfolio/backstage-plugin-common';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartStyle } from '../components/chartStyle';
import { usePalette } from '../components/usePalette';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** The level reached each day as a step: 0 is no level, 1 the first level, and so on up. */
export function LevelHistoryChart(props: { scorecard: Scorecard; days: ScorecardHistoryResponse['days'] }) {
  const { t } = useOpsfolioText();
  const { levels } = props.scorecard;
  const titles = [t('scorecards.history.chart.noLevel'), ...levels.map(l => l.title)];
  const rows = props.days.map(d => ({
    ...d,
    index: d.level === null ? 0 : levels.findIndex(l => l.id === d.level) + 1,
  }));
  const palette = usePalette();
  const style = chartStyle(palette);
  return (
    <div data-testid="opsfolio-level-history-chart" style={{ width: '100%', height: 220 }}>
      <ResponsiveContainer>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" {...style.grid} />
          <XAxis dataKey="day" {...style.axis} tickFormatter={(d: string) => d.slice(5)} />
          <YAxis
            {...style.axis}
            domain={[0, levels.length]}
            ticks={titles.map((_, i) => i)}
            allowDecimals={false}
            width={90}
            tickFormatter={(i: number) => titles[i] ?? ''}
          />
          <Tooltip
            formatter={(value: unknown, _name: unknown, item: { payload?: { passing: number; total: number } }) => [
              t('scorecards.history.chart.tooltip', {
                level: titles[Number(value)],
                passing: item.payload?.passing ?? 0,
                count: item.payload?.total ?? 0,
              }),
              t('scorecards.history.chart.level'),
            ]}
          />
          <Line
            type="stepAfter"
            dataKey="index"
            stroke={palette.tone.info}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
