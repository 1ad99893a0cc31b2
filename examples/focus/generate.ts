/**
 * Writes the demo's FOCUS 1.2 sample export: Acme's Google Cloud (USD) and Azure (EUR) spend, daily,
 * from the first day of last month to yesterday. Deterministic: a day's amounts depend only on the day,
 * so running it again later keeps the figures of the days it already had.
 *
 *   npx tsx examples/focus/generate.ts [--today YYYY-MM-DD] [--out path]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COLUMNS = [
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
type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

const GOOGLE: Row = {
  ProviderName: 'Google Cloud', PublisherName: 'Google Cloud', InvoiceIssuerName: 'Google Cloud', BillingCurrency: 'USD',
  PricingCurrency: 'USD', BillingAccountId: '01A2B3-C4D5E6-F7A8B9', BillingAccountName: 'Acme Corp',
  BillingAccountType: 'Billing Account', SubAccountType: 'Project', RegionId: 'europe-west1', RegionName: 'Belgium',
};
const AZURE: Row = {
  ProviderName: 'Microsoft', PublisherName: 'Microsoft', InvoiceIssuerName: 'Microsoft', BillingCurrency: 'EUR',
  PricingCurrency: 'EUR', BillingAccountId: '/providers/Microsoft.Billing/billingAccounts/5e1f7a2c-acme/billingProfiles/ACME-EU',
  BillingAccountName: 'Acme Europe BV', BillingAccountType: 'Billing Profile',
  SubAccountId: '/subscriptions/7d2f0c9e-4b1a-4e8f-9c3d-2a6b5e8f1c04', SubAccountName: 'acme-eu-prod',
  SubAccountType: 'Subscription', RegionId: 'westeurope', RegionName: 'West Europe',
};

/** One daily usage line: its weekday and weekend spend, the unit it is priced in, and its tags. */
interface Usage {
  provider: Row;
  row: Row;
  weekday: number;
  weekend: number;
  unitPrice: number;
  listFactor: number;
  tags: Record<string, string>;
  taxRate?: number;
}

const USAGE: Usage[] = [
  {
    provider: GOOGLE, weekday: 44, weekend: 31, unitPrice: 0.2185, listFactor: 1, taxRate: 0.08,
    tags: { service: 'fraud-scoring', env: 'prod' },
    row: {
      ServiceName: 'Vertex AI', ServiceCategory: 'AI and Machine Learning', SubAccountId: 'acme-fraud-ml', SubAccountName: 'acme-fraud-ml',
      ResourceId: 'projects/acme-fraud-ml/locations/europe-west1/endpoints/fraud-scoring', ResourceName: 'fraud-scoring',
      ResourceType: 'Endpoint', SkuId: '6F4B-A8D2-17C3', SkuPriceId: '6F4B-A8D2-17C3-0001', SkuMeter: 'Online Prediction',
      ChargeDescription: 'Vertex AI: Online prediction, n1-standard-4, europe-west1', PricingUnit: 'Hours', ConsumedUnit: 'Hours',
    },
  },
  {
    provider: GOOGLE, weekday: 57, weekend: 36, unitPrice: 6.25, listFactor: 1, taxRate: 0.08,
    tags: { service: 'events-pipeline', env: 'prod' },
    row: {
      ServiceName: 'BigQuery', ServiceCategory: 'Databases', SubAccountId: 'acme-events', SubAccountName: 'acme-events',
      ResourceId: 'projects/acme-events/datasets/domain_events', ResourceName: 'domain_events', ResourceType: 'Dataset',
      SkuId: '24E6-581D-38E5', SkuPriceId: '24E6-581D-38E5-0002', SkuMeter: 'Analysis',
      ChargeDescription: 'BigQuery: Analysis (on-demand), europe-west1', PricingUnit: 'Tebibytes', ConsumedUnit: 'Tebibytes',
    },
  },
  {
    provider: AZURE, weekday: 11.2, weekend: 9.65, unitPrice: 0.201, listFactor: 1 / 0.85,
    tags: { service: 'account-portal', env: 'prod' },
    row: {
      ServiceName: 'Azure App Service', ServiceCategory: 'Compute', AvailabilityZone: '',
      ResourceId: `${AZURE.SubAccountId}/resourceGroups/rg-identity/providers/Microsoft.Web/serverfarms/asp-account-portal`,
      ResourceName: 'asp-account-portal', ResourceType: 'App Service plan', SkuId: 'DZH318Z0BQ2G', SkuPriceId: 'DZH318Z0BQ2G/000K',
      SkuMeter: 'P1 v3 App', ChargeDescription: 'Azure App Service Premium v3 Plan - P1 v3 App - EU West', PricingUnit: '1 Hour',
      ConsumedUnit: 'Hours',
    },
  },
  {
    // Shared monitoring nobody tagged with a service: the untagged bucket.
    provider: AZURE, weekday: 13.4, weekend: 10.1, unitPrice: 2.52, listFactor: 1 / 0.85,
    tags: { env: 'prod' },
    row: {
      ServiceName: 'Azure Monitor', ServiceCategory: 'Management and Governance',
      ResourceId: `${AZURE.SubAccountId}/resourceGroups/rg-shared/providers/Microsoft.OperationalInsights/workspaces/law-acme-prod`,
      ResourceName: 'law-acme-prod', ResourceType: 'Log Analytics workspace', SkuId: 'DZH318Z0BNVX', SkuPriceId: 'DZH318Z0BNVX/0009',
      SkuMeter: 'Analytics Logs Data Ingestion', ChargeDescription: 'Log Analytics - Analytics Logs Data Ingestion - EU West',
      PricingUnit: '1 GB', ConsumedUnit: 'GB',
    },
  },
];

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().replace('.000Z', 'Z');
const money = (value: number) => value.toFixed(6).replace(/\.?0+$/, '') || '0';

/** A number in [0, 1) that depends only on the key (FNV-1a, then one mulberry32 step). */
function noise(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function billing(time: number): Row {
  const d = new Date(time);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { BillingPeriodStart: iso(start), BillingPeriodEnd: iso(end) };
}

/** Only a closed month has an invoice. */
const invoiceOf = (provider: Row, date: string, invoiced: boolean): Row =>
  invoiced ? { InvoiceId: `${provider === AZURE ? 'E' : 'G'}${date.slice(0, 7).replace('-', '')}0042` } : {};

function rowsOf(day: number, closedBefore: number): Row[] {
  const date = iso(day).slice(0, 10);
  const period: Row = { ...billing(day), ChargePeriodStart: iso(day), ChargePeriodEnd: iso(day + DAY) };
  const invoiced = day < closedBefore;
  const rows: Row[] = [];
  for (const u of USAGE) {
    const weekend = [0, 6].includes(new Date(day).getUTCDay());
    const cost = (weekend ? u.weekend : u.weekday) * (0.92 + 0.16 * noise(`${date}/${u.row.ServiceName}`));
    const quantity = cost / u.unitPrice;
    const common = { ...u.provider, ...u.row, ...period, ...invoiceOf(u.provider, date, invoiced), Tags: JSON.stringify(u.tags) };
    rows.push({
      ...common, ChargeCategory: 'Usage', ChargeFrequency: 'Usage-Based', PricingCategory: 'Standard',
      BilledCost: money(cost), EffectiveCost: money(cost), ContractedCost: money(cost), ListCost: money(cost * u.listFactor),
      PricingCurrencyEffectiveCost: money(cost), ContractedUnitPrice: money(u.unitPrice), ListUnitPrice: money(u.unitPrice * u.listFactor),
      PricingCurrencyContractedUnitPrice: money(u.unitPrice), PricingCurrencyListUnitPrice: money(u.unitPrice * u.listFactor),
      PricingQuantity: money(quantity), ConsumedQuantity: money(quantity),
    });
    if (u.taxRate) {
      const tax = money(Number(money(cost)) * u.taxRate);
      rows.push({
        ...common, ChargeCategory: 'Tax', ChargeFrequency: 'Usage-Based', ChargeDescription: `Sales tax: ${u.row.ServiceName}`,
        BilledCost: tax, EffectiveCost: tax, ContractedCost: tax, ListCost: tax, PricingCurrencyEffectiveCost: tax,
        SkuId: '', SkuPriceId: '', SkuMeter: '', PricingUnit: '', ConsumedUnit: '',
      });
    }
  }
  const credit = (usage: Usage, amount: number, description: string): Row => ({
    ...usage.provider, ...usage.row, ...period, ...invoiceOf(usage.provider, date, invoiced), ChargeCategory: 'Credit',
    ChargeFrequency: 'One-Time', ChargeDescription: description, BilledCost: money(amount), EffectiveCost: money(amount),
    ContractedCost: money(amount), ListCost: money(amount), PricingCurrencyEffectiveCost: money(amount),
    SkuId: '', SkuPriceId: '', SkuMeter: '', PricingUnit: '', ConsumedUnit: '', Tags: JSON.stringify(usage.tags),
  });
  if (date.endsWith('-15')) rows.push(credit(USAGE[0], -150, 'Promotional credit: Vertex AI'));
  if (date.endsWith('-20') && invoiced) rows.push(credit(USAGE[3], -25, 'Service credit: Azure Monitor SLA'));
  return rows;
}

const csv = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function main() {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const today = Date.parse(`${arg('--today') ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(today)) throw new Error('--today must be YYYY-MM-DD');
  const out = arg('--out') ?? join(dirname(fileURLToPath(import.meta.url)), 'acme-2026-sample.focus.csv');
  const t = new Date(today);
  const first = Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 1, 1);
  const thisMonth = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1);
  const lines = [COLUMNS.join(',')];
  for (let day = first; day < today; day += DAY) {
    for (const row of rowsOf(day, thisMonth)) lines.push(COLUMNS.map(c => csv(row[c] ?? '')).join(','));
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${out}: ${lines.length - 1} rows, ${iso(first).slice(0, 10)} to ${iso(today - DAY).slice(0, 10)}\n`);
}

main();
