import type { EntityCostResponse } from '@opsfolio/backstage-plugin-common';
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { mainCurrency } from './mainCurrency';

/**
 * Spend per day or month in the main currency; `markers` are deploy days, drawn as lines so a step in
 * cost can be read against the deploy that caused it.
 */
export function CostChart(props: { cost: EntityCostResponse; height?: number; compact?: boolean; markers?: Array<{ day: string; label: string }> }) {
  const { currency } = mainCurrency(props.cost.series.map(p => p.amounts));
  const rows = props.cost.series.map(p => ({ period: p.period, amount: Math.round((p.amounts[currency] ?? 0) * 100) / 100, estimated: p.estimated }));
  return (
    <div data-testid="opsfolio-cost-chart" style={{ width: '100%', height: props.height ?? 240 }}>
      <ResponsiveContainer>
        <AreaChart data={rows} margin={props.compact ? { top: 4, right: 0, bottom: 0, left: 0 } : undefined}>
          {!props.compact && <CartesianGrid strokeDasharray="3 3" />}
          <XAxis dataKey="period" hide={props.compact} tickFormatter={(p: string) => (p.length > 7 ? p.slice(5) : p)} />
          <YAxis hide={props.compact} unit={props.compact ? undefined : ` ${currency}`} width={90} />
          <Tooltip formatter={(value: unknown) => [`${value} ${currency}`, 'Spend']} />
          <Area type="monotone" dataKey="amount" stroke="#1565c0" fill="#90caf9" isAnimationActive={false} />
          {(props.markers ?? []).map(m => (
            <ReferenceLine key={`${m.day}-${m.label}`} x={m.day} stroke="#6a1b9a" strokeDasharray="4 2" label={props.compact ? undefined : { value: m.label, position: 'top', fontSize: 10 }} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
