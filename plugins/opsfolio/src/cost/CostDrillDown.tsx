import { parseEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { EntityCostResponse } from '@opsfolio/backstage-plugin-common';
import { useEffect, useRef, useState } from 'react';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { CostError } from './CostAccess';
import { spendByEntity } from './costMoney';
import { ProblemText } from '../components/ProblemText';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** One opened row's services: loading, failed, or loaded. */
export type DrillDown =
  | { state: 'loading' }
  | { state: 'failed'; error: Error }
  | { state: 'loaded'; cost: EntityCostResponse };

const LOADING: DrillDown = { state: 'loading' };

/**
 * The services behind the opened rows of the overview, by row key: each loaded when its row is opened. A closed
 * row is forgotten, so opening it again loads it afresh.
 */
export function useCostDrillDowns(entityRefs: readonly string[]): (entityRef: string) => DrillDown {
  const api = useApi(opsfolioApiRef);
  const [results, setResults] = useState<Record<string, DrillDown>>({});
  // The request of each open row, so that an answer for a row closed (or closed and opened again) meanwhile is dropped.
  const requests = useRef(new Map<string, object>());
  const open = entityRefs.join('\n');
  useEffect(() => {
    const refs = new Set(open ? open.split('\n') : []);
    const closed = [...requests.current.keys()].filter(ref => !refs.has(ref));
    closed.forEach(ref => requests.current.delete(ref));
    if (closed.length) {
      setResults(prev => Object.fromEntries(Object.entries(prev).filter(([ref]) => refs.has(ref))));
    }
    for (const ref of refs) {
      if (requests.current.has(ref)) continue;
      const request = {};
      requests.current.set(ref, request);
      const settle = (result: DrillDown) => {
        if (requests.current.get(ref) === request) setResults(prev => ({ ...prev, [ref]: result }));
      };
      api.getEntityCost(parseEntityRef(ref), { granularity: 'month' }).then(
        cost => settle({ state: 'loaded', cost }),
        error => settle({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) })
      );
    }
  }, [api, open]);
  return entityRef => results[entityRef] ?? LOADING;
}

/** The services of a loaded drill-down with their spend over its window; none until it has loaded. */
export const drillDownServices = (drillDown: DrillDown) =>
  drillDown.state === 'loaded' ? spendByEntity(drillDown.cost) : [];

/** The line above an opened row's services: loading, the error, or what the amounts are (or that there are none). */
export function DrillDownHead(props: { drillDown: DrillDown }) {
  const { t, format } = useOpsfolioText();
  const { drillDown } = props;
  if (drillDown.state === 'loading') return <Progress />;
  if (drillDown.state === 'failed') return <CostError error={drillDown.error} />;
  const { cost } = drillDown;
  return (
    <div data-testid="opsfolio-cost-drilldown">
      {cost.tagProblem && <ProblemText>{cost.tagProblem}</ProblemText>}
      {spendByEntity(cost).length === 0 ? (
        <Text as="p" color="secondary">
          {t('cost.drillDown.noCostTag')}
        </Text>
      ) : (
        <Text variant="body-small" color="secondary">
          {t('cost.drillDown.since', { month: format.month(cost.from) })}
        </Text>
      )}
    </div>
  );
}
