import { Text } from '@backstage/ui';
import { addDays, eachDay, type CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartStyle } from '../components/chartStyle';
import { usePalette } from '../components/usePalette';
import { useOpsfolioText } from '../translation/useOpsfolioText';

type Row = { day: string; done?: number; total?: number };

/**
 * Every day from the first snapshot to the target date (or the last snapshot, when later): the days still ahead have
 * no figures, so the target date and the milestones to come have a place on the axis.
 */
function rowsOf(progress: CampaignProgressResponse): Row[] {
  const { burnUp, campaign } = progress;
  const byDay = new Map(burnUp.map(b => [b.day, b]));
  const last = [burnUp[burnUp.length - 1].day, campaign.targetDate].sort()[1];
  return eachDay(burnUp[0].day, addDays(last, 1)).map(day => {
    const snapshot = byDay.get(day);
    return snapshot ? { day, done: snapshot.done, total: snapshot.total } : { day };
  });
}

/** Entities done per day against the entities in scope, with the milestones and the target date marked. */
export function CampaignBurnUpChart(props: { progress: CampaignProgressResponse }) {
  const { progress } = props;
  const palette = usePalette();
  const { t, format } = useOpsfolioText();
  if (progress.burnUp.length === 0) {
    return (
      <Text as="p" color="secondary" data-testid="opsfolio-campaign-burnup">
        {t('campaigns.detail.burnUp.empty')}
      </Text>
    );
  }
  const style = chartStyle(palette);
  const rows = rowsOf(progress);
  const onAxis = new Set(rows.map(r => r.day));
  return (
    <div data-testid="opsfolio-campaign-burnup" style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer>
        <ComposedChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" {...style.grid} />
          <XAxis dataKey="day" {...style.axis} tickFormatter={(day: string) => format.dayMonth(day)} />
          <YAxis allowDecimals={false} {...style.axis} />
          <Tooltip labelFormatter={day => format.day(String(day))} />
          <Legend {...style.legend} />
          <Area
            type="stepAfter"
            dataKey="done"
            name={t('campaigns.detail.burnUp.done')}
            stroke={palette.tone.good}
            fill={palette.tone.good}
            fillOpacity={0.3}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="total"
            name={t('campaigns.detail.burnUp.total')}
            stroke={palette.chartText}
            strokeDasharray="4 2"
            dot={false}
            isAnimationActive={false}
          />
          {/* A milestone is a point to be above on its date: its share of the entities in scope now. */}
          {progress.milestones
            .filter(m => onAxis.has(m.date))
            .map(m => (
              <ReferenceDot
                key={m.date}
                x={m.date}
                y={m.needed}
                r={5}
                fill={m.status === 'missed' ? palette.tone.bad : palette.tone.info}
                stroke="none"
                label={{ value: format.percent(m.share, 0), position: 'top', fontSize: 10, fill: palette.chartText }}
              />
            ))}
          <ReferenceLine
            x={progress.campaign.targetDate}
            stroke={palette.marker}
            strokeDasharray="4 2"
            label={{
              value: t('campaigns.detail.burnUp.target'),
              position: 'top',
              fontSize: 10,
              fill: palette.chartText,
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
