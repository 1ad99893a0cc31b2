import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EntityScorecardsResponse } from '@opsfolio/backstage-plugin-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useMountedState from 'react-use/esm/useMountedState';
import { opsfolioApiRef } from '../api/OpsfolioApi';

/** Every scorecard evaluated for the entity on the current page. */
export function useEntityScorecards() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsync(() => api.getEntityScorecards(ref), [api, ref.kind, ref.namespace, ref.name]);
}

/**
 * "Evaluate now": evaluates the entity's scorecards on the backend (stored like a scheduled run). `value` is the
 * latest answer, kept through a later failure, to show in place of the loaded results. The state belongs to one
 * entity: key the component that uses it by the entity.
 */
export function useEvaluateEntityScorecards() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const isMounted = useMountedState();
  const [state, setState] = useState<{ running: boolean; value?: EntityScorecardsResponse; error?: Error }>({ running: false });
  const evaluate = async () => {
    setState(s => ({ ...s, running: true, error: undefined }));
    try {
      const value = await api.refreshEntityScorecards(getCompoundEntityRef(entity));
      if (isMounted()) setState({ running: false, value });
    } catch (e) {
      if (isMounted()) setState(s => ({ ...s, running: false, error: e instanceof Error ? e : new Error(String(e)) }));
    }
  };
  return { ...state, evaluate };
}
