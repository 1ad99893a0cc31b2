/**
 * A synthetic FOCUS 1.2 export of any size, generated row by row (never held in memory), whose
 * totals are known by construction: every amount is a multiple of 0.25, so sums are exact in any order.
 * Used by the streaming test and the import benchmark.
 */
import { Readable } from 'node:stream';
import { HOUR_MS } from '@opsfolio/backstage-plugin-common';

/** The 57 columns of FOCUS 1.2, in the specification's (alphabetical) order. */
const FOCUS_12_COLUMNS = [
  'AvailabilityZone', 'BilledCost', 'BillingAccountId', 'BillingAccountName', 'BillingAccountType', 'BillingCurrency',
  'BillingPeriodEnd', 'BillingPeriodStart', 'CapacityReservationId', 'CapacityReservationStatus', 'ChargeCategory',
  'ChargeClass', 'ChargeDescription', 'ChargeFrequency', 'ChargePeriodEnd', 'ChargePeriodStart',
  'CommitmentDiscountCategory', 'CommitmentDiscountId', 'CommitmentDiscountName', 'CommitmentDiscountQuantity',
  'CommitmentDiscountStatus', 'CommitmentDiscountType', 'CommitmentDiscountUnit', 'ConsumedQuantity', 'ConsumedUnit',
  'ContractedCost', 'ContractedUnitPrice', 'EffectiveCost', 'InvoiceId', 'InvoiceIssuerName', 'ListCost',
  'ListUnitPrice', 'PricingCategory', 'PricingCurrency', 'PricingCurrencyContractedUnitPrice',
  'PricingCurrencyEffectiveCost', 'PricingCurrencyListUnitPrice', 'PricingQuantity', 'PricingUnit', 'ProviderName',
  'PublisherName', 'RegionId', 'RegionName', 'ResourceId', 'ResourceName', 'ResourceType', 'ServiceCategory',
  'ServiceName', 'ServiceSubcategory', 'SkuId', 'SkuMeter', 'SkuPriceDetails', 'SkuPriceId', 'SubAccountId',
  'SubAccountName', 'SubAccountType', 'Tags',
] as const;

/** Fewer columns, for a quicker test: the ones the import reads and a few it skips over. */
export const LEAN_COLUMNS = [
  'BilledCost', 'BillingAccountId', 'BillingCurrency', 'BillingPeriodEnd', 'ChargeCategory', 'ChargePeriodEnd',
  'ChargePeriodStart', 'EffectiveCost', 'ProviderName', 'RegionId', 'ResourceId', 'ServiceName', 'SubAccountId', 'Tags',
] as const;

const SERVICES = [
  ['Virtual Machines', 'Compute'], ['Storage', 'Storage'], ['Azure Cosmos DB', 'Databases'], ['Azure Monitor', 'Management and Governance'],
  ['Bandwidth', 'Networking'], ['Azure Kubernetes Service', 'Compute'], ['Azure OpenAI Service', 'AI and Machine Learning'],
] as const;
const DAYS = 30;
const TAGS = 41; // tag value 0 is the untagged bucket

/** What row `i` holds: the same function drives the CSV and the expected totals. */
function syntheticRow(i: number) {
  const day = `2026-10-${String((i % DAYS) + 1).padStart(2, '0')}`;
  const hour = String(Math.floor(i / DAYS) % 24).padStart(2, '0');
  const tag = i % TAGS === 0 ? '' : `svc-${i % TAGS}`;
  const category = i % 50 === 0 ? 'Tax' : i % 97 === 0 ? 'Credit' : 'Usage';
  const cost = category === 'Tax' ? 0.25 : category === 'Credit' ? -((i % 8) + 1) / 4 : ((i % 40) + 1) / 4;
  const currency = i % 10 === 3 ? 'EUR' : 'USD';
  const [service, serviceCategory] = SERVICES[i % SERVICES.length];
  return { day, hour, tag, category, cost, currency, service, serviceCategory };
}

/** Totals by construction, without any CSV: per currency, and the number of distinct daily keys. */
export function syntheticTotals(rows: number) {
  const byCurrency: Record<string, number> = {};
  const keys = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const r = syntheticRow(i);
    byCurrency[r.currency] = (byCurrency[r.currency] ?? 0) + r.cost;
    keys.add(`${r.day}|${r.tag}|${r.service}|${r.currency}`);
  }
  return { byCurrency, keys: keys.size };
}

const csv = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function line(i: number, columns: readonly string[]): string {
  const r = syntheticRow(i);
  const start = `${r.day}T${r.hour}:00:00Z`;
  const end = new Date(Date.parse(start) + HOUR_MS).toISOString().replace('.000Z', 'Z');
  const cost = String(r.cost);
  const resource = `/subscriptions/5f1c2d3e-0000-4000-8000-00000000${String(i % 997).padStart(4, '0')}/resourceGroups/rg-${r.tag || 'shared'}/providers/Microsoft.Compute/virtualMachines/vm-${i % 997}`;
  const tags = r.tag ? `{"service":"${r.tag}","env":"prod","cost-center":"cc-${i % 13}"}` : '{"env":"prod"}';
  const usage = r.category === 'Usage';
  const values: Record<string, string> = {
    AvailabilityZone: usage ? 'westeurope-1' : '', BilledCost: cost, BillingAccountId: '/providers/Microsoft.Billing/billingAccounts/acme-ea',
    BillingAccountName: 'Acme Corp', BillingAccountType: 'Billing Profile', BillingCurrency: r.currency,
    BillingPeriodEnd: '2026-11-01T00:00:00Z', BillingPeriodStart: '2026-10-01T00:00:00Z', ChargeCategory: r.category,
    ChargeDescription: `${r.service} ${r.category.toLowerCase()} charge`, ChargeFrequency: usage ? 'Usage-Based' : 'One-Time',
    ChargePeriodEnd: end, ChargePeriodStart: start, ConsumedQuantity: usage ? '1' : '', ConsumedUnit: usage ? 'Hours' : '',
    ContractedCost: cost, ContractedUnitPrice: usage ? cost : '', EffectiveCost: cost, InvoiceIssuerName: 'Microsoft',
    ListCost: cost, ListUnitPrice: usage ? cost : '', PricingCategory: usage ? 'Standard' : '', PricingCurrency: r.currency,
    PricingCurrencyEffectiveCost: cost, PricingQuantity: usage ? '1' : '', PricingUnit: usage ? 'Hours' : '',
    ProviderName: 'Microsoft', PublisherName: 'Microsoft', RegionId: 'westeurope', RegionName: 'West Europe',
    ResourceId: usage ? resource : '', ResourceName: usage ? `vm-${i % 997}` : '', ResourceType: usage ? 'Virtual machine' : '',
    ServiceCategory: r.serviceCategory, ServiceName: r.service, SkuId: usage ? `DZH318Z0BQ4${i % 7}` : '',
    SkuPriceId: usage ? `DZH318Z0BQ4${i % 7}/0003` : '', SubAccountId: '/subscriptions/5f1c2d3e-0000-4000-8000-000000000001',
    SubAccountName: 'acme-prod', SubAccountType: 'Subscription', Tags: tags,
  };
  return columns.map(c => csv(values[c] ?? '')).join(',');
}

/** The export as text chunks of about 1,000 rows each. */
export function* syntheticFocusChunks(rows: number, columns: readonly string[] = FOCUS_12_COLUMNS): Generator<string> {
  yield `${columns.join(',')}\n`;
  for (let i = 0; i < rows; i += 1000) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(rows, i + 1000); j++) lines.push(line(j, columns));
    yield `${lines.join('\n')}\n`;
  }
}

/** The export as a Readable, generated as it is read. */
export const syntheticFocus = (rows: number, columns?: readonly string[]) =>
  Readable.from(syntheticFocusChunks(rows, columns), { objectMode: false });
