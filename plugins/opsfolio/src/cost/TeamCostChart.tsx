import { type EntityCostResponse, largestAmount, sumMoney } from '@opsfolio/backstage-plugin-common';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { mainCurrency } from './mainCurrency';
import { chartStyle } from '../components/chartStyle';
import { usePalette } from '../components/usePalette';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** Spend per month in the team's main currency; other currencies are named, never converted or added in. */
export function TeamCostChart(props: { series: EntityCostResponse['series'] }) {
  const palette = usePalette();
  const { t, format } = useOpsfolioText();
  const amounts = props.series.map(p => p.amounts);
  if (largestAmount(sumMoney(amounts)) <= 0) return null;
  const { currency, others } = mainCurrency(amounts);
  // Months with estimated days are a second, lighter series rather than a per-bar colour.
  const rows = props.series.map(p => {
    const amount = p.amounts[currency] ?? 0;
    return { month: format.month(p.period), known: p.estimated ? 0 : amount, estimated: p.estimated ? amount : 0 };
  });
  const style = chartStyle(palette);
  const estimated = props.series.some(p => p.estimated);
  const note = others.length > 0 ? (estimated ? 'othersEstimated' : 'others') : estimated ? 'estimated' : 'plain';
  return (
    <div data-testid="opsfolio-team-cost-chart">
      <div style={{ width: '100%', height: 180 }}>
        <ResponsiveContainer>
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" {...style.grid} />
            <XAxis dataKey="month" {...style.axis} />
            <YAxis {...style.axis} width={70} tickFormatter={(v: number) => format.money({ [currency]: v })} />
            <Tooltip formatter={(v: unknown) => format.money({ [currency]: Number(v) })} />
            <Bar
              dataKey="known"
              name={t('cost.teamChart.spend', { currency })}
              stackId="s"
              fill={palette.tone.info}
              isAnimationActive={false}
            />
            <Bar
              dataKey="estimated"
              name={t('cost.teamChart.estimated', { currency })}
              stackId="s"
              fill={palette.faded.info}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Text as="p" variant="body-small" color="secondary">
        {t(`cost.teamChart.note.${note}`, { currency, others: others.join(t('common.listSeparator')) })}
      </Text>
    </div>
  );
}
