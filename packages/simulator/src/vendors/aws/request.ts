import { createHash } from 'node:crypto';
import { monthStart, parseDay } from '../../data/cost';
import { AwsError, validation } from './errors';
import { checkExpression, type Expression } from './filter';
import { METRICS } from './metrics';

// GetCostAndUsage input, checked as Cost Explorer checks it: a ValidationException names what is wrong.

type Granularity = 'DAILY' | 'MONTHLY';
type GroupType = 'DIMENSION' | 'TAG' | 'COST_CATEGORY';

export interface GroupDefinition {
  Type: GroupType;
  Key: string;
}

export interface CostQuery {
  /** day indexes; `end` is exclusive */
  start: number;
  end: number;
  granularity: Granularity;
  metrics: string[];
  groupBy: GroupDefinition[];
  filter?: Expression;
  /** the request without its NextPageToken: a token is only valid for the request that produced it */
  fingerprint: string;
}

/** Dimensions the simulator can group by (its lines have one account and only Usage records). */
const GROUP_DIMENSIONS = ['SERVICE', 'LINKED_ACCOUNT', 'RECORD_TYPE'];
/** Daily and monthly data reach back to the first of the month 12 months before this one (13 months). */
const HISTORY_MONTHS = 12;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseCostAndUsage(body: Record<string, unknown>, today: number): CostQuery {
  const period = body.TimePeriod;
  if (!isObject(period)) throw validation(period, 'timePeriod', 'Member must not be null');
  const start = dayOf(period.Start, 'timePeriod.start');
  const end = dayOf(period.End, 'timePeriod.end');
  if (start >= end) {
    throw new AwsError('ValidationException', 'Start date (and hour) should be before end date (and hour)');
  }

  const granularity = body.Granularity;
  if (granularity === 'HOURLY') {
    throw new AwsError('ValidationException', 'Hourly granularity is not enabled for this account');
  }
  if (granularity !== 'DAILY' && granularity !== 'MONTHLY') {
    throw validation(granularity, 'granularity', 'Member must satisfy enum value set: [DAILY, MONTHLY, HOURLY]');
  }
  if (start < monthStart(today, -HISTORY_MONTHS)) {
    throw new AwsError(
      'ValidationException',
      `start date is too old for ${granularity.toLowerCase()} granularity, max months for data available is ${HISTORY_MONTHS} months`,
    );
  }

  const metrics = body.Metrics;
  if (!Array.isArray(metrics) || metrics.length === 0) {
    throw validation(metrics, 'metrics', 'Member must have length greater than or equal to 1');
  }
  for (const metric of metrics) {
    if (typeof metric !== 'string' || !(metric in METRICS)) {
      throw new AwsError(
        'ValidationException',
        `Metric ${String(metric)} is not valid. Valid values are: ${Object.keys(METRICS).join(', ')}`,
      );
    }
  }

  const token = body.NextPageToken;
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw validation(token, 'nextPageToken', 'Member must be a string');
  }
  const { NextPageToken: _ignored, ...rest } = body;
  return {
    start,
    end,
    granularity,
    metrics: metrics as string[],
    groupBy: groupsOf(body.GroupBy),
    ...(body.Filter !== undefined && body.Filter !== null ? { filter: checkExpression(body.Filter, 'filter') } : {}),
    fingerprint: createHash('sha256').update(canonical(rest)).digest('hex').slice(0, 16),
  };
}

function dayOf(value: unknown, path: string): number {
  const day = typeof value === 'string' ? parseDay(value) : undefined;
  if (value === undefined || value === null) throw validation(value, path, 'Member must not be null');
  if (day === undefined) {
    throw validation(value, path, 'Member must satisfy regular expression pattern: (\\d{4}-\\d{2}-\\d{2})(T\\d{2}:\\d{2}:\\d{2}Z)?');
  }
  return day;
}

function groupsOf(value: unknown): GroupDefinition[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validation(value, 'groupBy', 'Member must be a list');
  if (value.length > 2) {
    throw new AwsError('ValidationException', 'You can only group by up to two different groups');
  }
  const groups = value.map((group, i): GroupDefinition => {
    const path = `groupBy.${i + 1}.member`;
    if (!isObject(group)) throw validation(group, path, 'Member must be a structure');
    if (group.Type !== 'DIMENSION' && group.Type !== 'TAG' && group.Type !== 'COST_CATEGORY') {
      throw validation(group.Type, `${path}.type`, 'Member must satisfy enum value set: [DIMENSION, TAG, COST_CATEGORY]');
    }
    if (typeof group.Key !== 'string' || group.Key === '') {
      throw validation(group.Key, `${path}.key`, 'Member must have length greater than or equal to 1');
    }
    if (group.Type === 'DIMENSION' && !GROUP_DIMENSIONS.includes(group.Key)) {
      throw new AwsError(
        'ValidationException',
        `Group by dimension ${group.Key} is not simulated; use one of ${GROUP_DIMENSIONS.join(', ')}`,
      );
    }
    return { Type: group.Type, Key: group.Key };
  });
  if (groups.length === 2 && groups[0]!.Type === groups[1]!.Type && groups[0]!.Key === groups[1]!.Key) {
    throw new AwsError('ValidationException', 'Duplicate group by key: each group must be different');
  }
  return groups;
}

/** JSON with sorted keys, so the same request always has the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
