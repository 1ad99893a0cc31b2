/**
 * A regression as a pipeline causes one: failed production deploys pushed with the CI token make a team's service
 * fail `change-failure-rate`, a Gold check it passed. Shared by the demo's notification steps and the replicas test.
 */

/** The demo organisation's team the demo user (Ada Okafor) is in. */
const REGRESSION_TEAM = 'group:default/team-payments';
export const REGRESSION_SCORECARD = 'production-readiness';
export const REGRESSION_CHECK = 'change-failure-rate';
/** The failure rate the pushed deploys take the service to: well past the high band's 10 %. */
const TARGET_RATE = 0.3;

interface Readiness {
  scorecard: { id: string; title: string; checks: Array<{ id: string; title: string; fix: { text: string } }> };
  applicable: boolean;
  level: { id: string } | null;
  results: Array<{ checkId: string; state: string }>;
}

/** A JSON GET under `/api` of whichever backend the test talks to. */
export type ApiGet = <T>(path: string) => Promise<T>;

const readinessOf = async (get: ApiGet, name: string) =>
  (await get<{ scorecards: Readiness[] }>(`/opsfolio/entities/component/default/${name}/scorecards`)).scorecards.find(
    s => s.scorecard.id === REGRESSION_SCORECARD
  );

export const regressionCheckState = async (get: ApiGet, name: string) =>
  (await readinessOf(get, name))?.results.find(r => r.checkId === REGRESSION_CHECK)?.state;

/**
 * The team's service to regress: one passing the check, payments-api (the Gold showcase) left alone, one below Gold
 * first so that only the check changes and no level drops with it. Throws when there is none.
 */
export async function serviceToRegress(get: ApiGet) {
  const owned = await get<Array<{ metadata: { name: string; title?: string } }>>(
    `/catalog/entities?filter=kind=component,relations.ownedBy=${REGRESSION_TEAM}&fields=metadata.name,metadata.title`
  );
  const candidates: Array<{ name: string; title: string; gold: boolean }> = [];
  for (const { metadata } of owned.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    if (metadata.name === 'payments-api') continue;
    const result = await readinessOf(get, metadata.name);
    if (!result?.applicable || result.results.find(r => r.checkId === REGRESSION_CHECK)?.state !== 'pass') continue;
    candidates.push({ name: metadata.name, title: metadata.title ?? metadata.name, gold: result.level?.id === 'gold' });
  }
  const service = candidates.sort((a, b) => Number(a.gold) - Number(b.gold))[0];
  if (!service) throw new Error(`no service of ${REGRESSION_TEAM} but payments-api passes ${REGRESSION_CHECK}`);
  const check = (await readinessOf(get, service.name))!.scorecard.checks.find(c => c.id === REGRESSION_CHECK)!;
  return { ...service, ref: `component:default/${service.name}`, check };
}

/** The push body: enough failed production deploys over the last minutes to take the failure rate to TARGET_RATE. */
export async function failedDeploys(get: ApiGet, name: string, actor: string) {
  const dora = await get<{ environments: string[]; figures: { changeFailureRate: { value: number | null; sampleSize: number } } }>(
    `/opsfolio/entities/component/default/${name}/dora`
  );
  const { value, sampleSize } = dora.figures.changeFailureRate;
  const failing = Math.round((value ?? 0) * sampleSize);
  const count = Math.max(1, Math.ceil((TARGET_RATE * sampleSize - failing) / (1 - TARGET_RATE)));
  const run = `${actor}-regression-${Date.now()}`;
  const now = Date.now();
  const deployments = Array.from({ length: count }, (_, i) => ({
    entityRef: `component:default/${name}`,
    environment: dora.environments[0] ?? 'production',
    version: `${run}-${i}`,
    status: 'failure',
    startedAt: new Date(now - (count - i) * 120_000 - 60_000).toISOString(),
    finishedAt: new Date(now - (count - i) * 120_000).toISOString(),
    externalId: `${run}-${i}`,
    actor,
  }));
  return { deployments };
}
