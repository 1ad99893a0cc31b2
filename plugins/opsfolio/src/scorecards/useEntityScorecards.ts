import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';

/** Every scorecard evaluated for the entity on the current page. */
export function useEntityScorecards() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsync(() => api.getEntityScorecards(ref), [api, ref.kind, ref.namespace, ref.name]);
}
