import type { EntityCostResponse } from '@opsfolio/backstage-plugin-common';
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { mainCurrency } from './mainCurrency';
import { chartStyle } from '../components/chartStyle';
import { usePalette } from '../components/usePalette';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/**
 * Spend per day or month in the main currency; `markers` are deploy days, drawn as lines so a step in
 * cost can be read against the deploy that caused it.
 */
export function CostChart(props: {
  cost: EntityCostResponse;
  height?: number;
  compact?: boolean;
  markers?: Array<{ day: string; label: string }>;
}) {
  const { currency } = mainCurrency(props.cost.series.map(p => p.amounts));
  const rows = props.cost.series.map(p => ({
    period: p.period,
    amount: Math.round((p.amounts[currency] ?? 0) * 100) / 100,
    estimated: p.estimated,
  }));
  const palette = usePalette();
  const style = chartStyle(palette);
  const { t, format } = useOpsfolioText();
  // Amounts as the chart had them (no grouping, up to cents), in the app's digits and decimal mark.
  const amountFormat = new Intl.NumberFormat(format.locale, { useGrouping: false, maximumFractionDigits: 2 });
  const amount = (value: unknown) => amountFormat.format(Number(value));
  return (
    <div data-testid="opsfolio-cost-chart" style={{ width: '100%', height: props.height ?? 240 }}>
      <ResponsiveContainer>
        <AreaChart data={rows} margin={props.compact ? { top: 4, right: 0, bottom: 0, left: 0 } : undefined}>
          {!props.compact && <CartesianGrid strokeDasharray="3 3" {...style.grid} />}
          <XAxis
            dataKey="period"
            {...style.axis}
            hide={props.compact}
            tickFormatter={(p: string) => (p.length > 7 ? p.slice(5) : p)}
          />
          <YAxis
            {...style.axis}
            hide={props.compact}
            unit={props.compact ? undefined : ` ${currency}`}
            width={90}
            tickFormatter={amount}
          />
          <Tooltip
            formatter={(value: unknown) => [
              t('cost.chart.amount', { amount: amount(value), currency }),
              t('cost.chart.spend'),
            ]}
          />
          <Area
            type="monotone"
            dataKey="amount"
            stroke={palette.tone.info}
            fill={palette.faded.info}
            isAnimationActive={false}
          />
          {(props.markers ?? []).map(m => (
            <ReferenceLine
              key={`${m.day}-${m.label}`}
              x={m.day}
              stroke={palette.marker}
              strokeDasharray="4 2"
              label={
                props.compact ? undefined : { value: m.label, position: 'top', fontSize: 10, fill: palette.chartText }
              }
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
