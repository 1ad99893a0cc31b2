// The metrics GetCostAndUsage accepts, as factors of the model's figure (AmortizedCost): small fixed
// differences, so a client that asks for one metric and reads another is caught.

export const METRICS: Record<string, { factor: number; usage?: true }> = {
  AmortizedCost: { factor: 1 },
  BlendedCost: { factor: 0.98 },
  NetAmortizedCost: { factor: 0.95 },
  NetUnblendedCost: { factor: 0.93 },
  NormalizedUsageAmount: { factor: 12, usage: true },
  UnblendedCost: { factor: 0.98 },
  UsageQuantity: { factor: 7.5, usage: true },
};

/** Amounts go out as decimal strings, as Cost Explorer sends them ("41.2034518"). */
export function formatAmount(amount: number): string {
  const text = amount.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}
