import { DAY_MS, DORA_DEFINITIONS, type Deployment, type DoraFigure, type DoraMetricId, type DoraResult, type DoraUnit, HOUR_MS } from '@opsfolio/backstage-plugin-common';
import { DEFAULT_DORA_THRESHOLDS, doraBand, type DoraThresholds, unbandedMetrics } from './doraBands';
import { byStart, entityEnvironmentKey } from './rollbacks';
import { environmentKey } from './environments';

const DORA_UNITS: Record<DoraMetricId, DoraUnit> = {
  deploymentFrequency: 'deploysPerDay',
  leadTime: 'hours',
  changeFailureRate: 'ratio',
  recoveryTime: 'hours',
  reworkRate: 'ratio',
};


/** A commit a deployment shipped; `committedAt` is an ISO instant. */
interface DoraCommit {
  sha: string;
  committedAt: string;
}

/** A deployment with the commits it shipped, for lead time. */
export type DoraDeployment = Deployment & {
  /** Commits with their sha: each counts once, at its first successful production deploy. */
  commits?: readonly DoraCommit[];
  /**
   * Commit times only, when shas are unknown: a commit is then identified by its instant, so one already
   * credited to an earlier production deploy (a redeploy, a second region) is not counted again.
   */
  commitTimestamps?: readonly string[];
};

/** The input of {@link computeDora}: one entity's deployments and what is known around them. */
export interface ComputeDoraInput {
  /**
   * The entity's deployments, any environment, with `rollback` set (see `markRollbacks`). Include some
   * history before the window, so commits shipped earlier are not credited to a redeploy in the window.
   */
  deployments: readonly DoraDeployment[];
  /** Matched case-insensitively against `environment`, e.g. `['prod-eu', 'prod-us']`. */
  productionEnvironments: readonly string[];
  /** `from` inclusive, `to` exclusive. */
  window: { from: Date; to: Date };
  /** The entity's production incidents. */
  incidents?: ReadonlyArray<{ startedAt: string }>;
  /** How long after a deploy finishes an incident still counts against it (default 24). */
  incidentWindowHours?: number;
  /** How long after an incident starts a production deploy counts as rework made for it (default 24). */
  reworkWindowHours?: number;
  thresholds?: DoraThresholds;
  /** Lead time needs this many commits, change failure rate this many finished deploys (default 3). */
  minSampleSize?: number;
  /** What the environments are called in the explanations (default `production`; an environment's name when one was asked for). */
  scope?: string;
}

/** When a deploy took effect: its finish, else its start. */
const effectiveAt = (d: Deployment) => Date.parse(d.finishedAt ?? d.startedAt);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const fmt = (n: number) => String(Number(n.toFixed(2)));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Computes the four DORA figures of one entity over a window. Pure. Only deploys to the production
 * environments count; timestamps are compared as instants, so offsets never shift a deploy's day.
 *
 * - Deployment frequency: successful production deploys (rollbacks included) whose finish (else start)
 *   is in the window, per day of the window. Not enough data only when no production deploy was ever
 *   recorded; none in the window is a real 0/day.
 * - Change lead time: median hours from a commit's time to the finish of the first successful production
 *   deploy that shipped it (any production environment), over commits first shipped in the window; zero
 *   or negative durations (merge and automated commits) are left out. Needs `minSampleSize` commits.
 * - Change failure rate: finished production deploys in the window that failed, were rolled back (the
 *   next successful deploy to their environment is a rollback) or were the last production deploy to
 *   finish before an incident that started within `incidentWindowHours` of their finish, divided by all
 *   finished (success or failure) production deploys in the window. Needs `minSampleSize` deploys.
 * - Failed-deployment recovery time: median hours from each failed or rolled-back production deploy in the
 *   window (its finish, else start) to the next successful deploy to the same environment — a fix or the
 *   rollback itself — finishing before the window ends; failures not recovered by then are left out.
 *   Not enough data without a recovered failure.
 * - Deployment rework rate: finished production deploys in the window that were made for an incident —
 *   the deploy names it (`incidentId`), or it started within `reworkWindowHours` after one of the
 *   entity's incidents started — divided by all finished production deploys in the window. Needs
 *   `minSampleSize` deploys. DORA 2024 gives it no bands, so it has none unless the thresholds set them.
 */
export function computeDora(input: ComputeDoraInput): DoraResult {
  const {
    window,
    thresholds = DEFAULT_DORA_THRESHOLDS,
    minSampleSize = 3,
    incidentWindowHours = 24,
    reworkWindowHours = 24,
  } = input;
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new TypeError('computeDora: the window needs valid dates');
  const days = (to - from) / DAY_MS;
  const inWindow = (t: number) => t >= from && t < to;

  const environments = [
    ...new Map(input.productionEnvironments.map(e => [environmentKey(e), e.trim()])).entries(),
  ].filter(([key]) => key);
  const production = new Set(environments.map(([key]) => key));
  const envList = environments.map(([, name]) => name).join(', ') || 'none configured';
  const scope = input.scope ?? 'production';

  const figure = (metric: DoraMetricId, sampleSize: number, value: number | null, explanation: string) => {
    const band = value === null ? undefined : doraBand(metric, value, thresholds);
    return {
      metric,
      value,
      unit: DORA_UNITS[metric],
      ...(band ? { band } : {}),
      definition: DORA_DEFINITIONS[metric],
      sampleSize,
      enoughData: value !== null,
      explanation,
    } satisfies DoraFigure;
  };
  const result = (figures: DoraResult['figures']): DoraResult => ({
    window: { from: window.from.toISOString(), to: window.to.toISOString(), days },
    environments: environments.map(([, name]) => name),
    figures,
    thresholdsSource: thresholds.source,
    unbanded: unbandedMetrics(thresholds),
  });

  if (!(days > 0)) {
    const empty = 'The window is empty: it must end after it starts.';
    return result({
      deploymentFrequency: figure('deploymentFrequency', 0, null, empty),
      leadTime: figure('leadTime', 0, null, empty),
      changeFailureRate: figure('changeFailureRate', 0, null, empty),
      recoveryTime: figure('recoveryTime', 0, null, empty),
      reworkRate: figure('reworkRate', 0, null, empty),
    });
  }

  // Production deploys with a usable time, in deploy order per environment.
  const prod = input.deployments
    .filter(d => production.has(environmentKey(d.environment)))
    .filter(d => !Number.isNaN(Date.parse(d.startedAt)) && !Number.isNaN(effectiveAt(d)))
    .sort(byStart);
  const succeeded = prod.filter(d => d.status === 'success');
  const finished = prod.filter(d => d.status === 'success' || d.status === 'failure');

  // Deployment frequency.
  const shipped = succeeded.filter(d => inWindow(effectiveAt(d)));
  const perDay = shipped.length / days;
  const deploymentFrequency =
    prod.length === 0
      ? figure('deploymentFrequency', 0, null, `No deploys to the ${scope} environments (${envList}) are recorded.`)
      : figure(
          'deploymentFrequency',
          shipped.length,
          perDay,
          `${plural(shipped.length, `successful ${scope} deploy`)} finished in ${fmt(days)} days, ` +
            `${fmt(perDay)} per day (rollbacks count; failed, cancelled and unfinished deploys do not).`,
        );

  // Change lead time: each commit once, at its first successful production deploy.
  const seen = new Set<string>();
  const leadTimes: number[] = [];
  let nonPositive = 0;
  for (const d of [...succeeded].sort((a, b) => effectiveAt(a) - effectiveAt(b))) {
    const commits = [
      ...(d.commits ?? []).map(c => ({ id: `sha:${c.sha}`, at: Date.parse(c.committedAt) })),
      ...(d.commitTimestamps ?? []).map(t => ({ id: `at:${Date.parse(t)}`, at: Date.parse(t) })),
    ];
    for (const commit of commits) {
      if (seen.has(commit.id)) continue;
      seen.add(commit.id);
      const hours = (effectiveAt(d) - commit.at) / HOUR_MS;
      if (!inWindow(effectiveAt(d)) || Number.isNaN(hours)) continue;
      if (hours > 0) leadTimes.push(hours);
      else nonPositive += 1;
    }
  }
  const leftOut = nonPositive ? `; ${plural(nonPositive, 'commit')} with zero or negative durations left out` : '';
  const leadTime =
    leadTimes.length < minSampleSize
      ? figure(
          'leadTime',
          leadTimes.length,
          null,
          `Only ${plural(leadTimes.length, 'commit')} with a known commit time first shipped to ${scope} ` +
            `in the window; ${minSampleSize} needed${leftOut}.`,
        )
      : figure(
          'leadTime',
          leadTimes.length,
          median(leadTimes),
          `Median hours from commit to the finish of the first successful ${scope} deploy that shipped it, ` +
            `over ${plural(leadTimes.length, 'commit')}${leftOut}.`,
        );

  // Rolled back: the next successful deploy to the same environment is a rollback.
  const rolledBack = new Set<Deployment>();
  const lastSuccess = new Map<string, Deployment>();
  for (const d of succeeded) {
    const previous = lastSuccess.get(entityEnvironmentKey(d));
    if (d.rollback && previous) rolledBack.add(previous);
    lastSuccess.set(entityEnvironmentKey(d), d);
  }
  // Incidents count against the last production deploy to finish before them, within the incident window.
  const byFinish = [...finished].sort((a, b) => effectiveAt(a) - effectiveAt(b));
  const incidentLinked = new Set<Deployment>();
  // An incident exactly at a deploy's finish counts against that deploy.
  for (const incident of input.incidents ?? []) {
    const at = Date.parse(incident.startedAt);
    const last = byFinish.filter(d => effectiveAt(d) <= at).pop();
    if (last && at - effectiveAt(last) < incidentWindowHours * HOUR_MS) incidentLinked.add(last);
  }

  // Change failure rate.
  const counted = finished.filter(d => inWindow(effectiveAt(d)));
  const failedCount = counted.filter(d => d.status === 'failure').length;
  const rolledBackCount = counted.filter(d => rolledBack.has(d)).length;
  const incidentCount = counted.filter(d => incidentLinked.has(d)).length;
  const failing = counted.filter(d => d.status === 'failure' || rolledBack.has(d) || incidentLinked.has(d));
  const changeFailureRate =
    counted.length < minSampleSize
      ? figure(
          'changeFailureRate',
          counted.length,
          null,
          `Only ${plural(counted.length, `finished ${scope} deploy`)} in the window; ${minSampleSize} needed.`,
        )
      : figure(
          'changeFailureRate',
          counted.length,
          failing.length / counted.length,
          `${failing.length} of ${plural(counted.length, `finished ${scope} deploy`)} failed (${failedCount}), ` +
            `were rolled back (${rolledBackCount}) or were followed within ${fmt(incidentWindowHours)} h by an ` +
            `incident (${incidentCount}), each counted once; pending, in-progress and cancelled deploys left out.`,
        );

  // Failed-deployment recovery time.
  const failures = finished.filter(d => inWindow(effectiveAt(d)) && (d.status === 'failure' || rolledBack.has(d)));
  const recoveries: number[] = [];
  for (const failure of failures) {
    const at = effectiveAt(failure);
    const recovery = succeeded
      .filter(d => entityEnvironmentKey(d) === entityEnvironmentKey(failure) && effectiveAt(d) > at && effectiveAt(d) < to)
      .sort((a, b) => effectiveAt(a) - effectiveAt(b))[0];
    if (recovery) recoveries.push((effectiveAt(recovery) - at) / HOUR_MS);
  }
  const unrecovered = failures.length - recoveries.length;
  const stillOpen = unrecovered ? `; ${unrecovered} still unrecovered at the window end left out` : '';
  const recoveryTime =
    failures.length === 0
      ? figure('recoveryTime', 0, null, 'No failed deployments in the window.')
      : recoveries.length === 0
        ? figure(
            'recoveryTime',
            0,
            null,
            `${plural(failures.length, `failed or rolled-back ${scope} deploy`)} in the window, ` +
              `none recovered before its end.`,
          )
        : figure(
            'recoveryTime',
            recoveries.length,
            median(recoveries),
            `Median hours from ${plural(recoveries.length, `failed or rolled-back ${scope} deploy`)} to the ` +
              `next successful deploy to the same environment (a fix or the rollback itself)${stillOpen}.`,
          );

  // Deployment rework rate: over the same deploys as the change failure rate.
  const incidentStarts = (input.incidents ?? []).map(i => Date.parse(i.startedAt)).filter(t => !Number.isNaN(t));
  const followsIncident = (d: Deployment) => {
    const at = Date.parse(d.startedAt);
    return incidentStarts.some(start => at >= start && at - start < reworkWindowHours * HOUR_MS);
  };
  const named = counted.filter(d => d.incidentId).length;
  const rework = counted.filter(d => d.incidentId || followsIncident(d));
  const reworkRate =
    counted.length < minSampleSize
      ? figure(
          'reworkRate',
          counted.length,
          null,
          `Only ${plural(counted.length, `finished ${scope} deploy`)} in the window; ${minSampleSize} needed.`,
        )
      : figure(
          'reworkRate',
          counted.length,
          rework.length / counted.length,
          `${rework.length} of ${plural(counted.length, `finished ${scope} deploy`)} were made for an incident: ` +
            `${named} named one, ${rework.length - named} started within ${fmt(reworkWindowHours)} h after an ` +
            `incident on this entity began.${thresholds.reworkRate?.length ? '' : ` No band: ${thresholds.source} gives this metric none.`}`,
        );

  return result({ deploymentFrequency, leadTime, changeFailureRate, recoveryTime, reworkRate });
}
