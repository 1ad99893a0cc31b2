import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Box, Text } from '@backstage/ui';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { ReactNode } from 'react';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { useCostAccess } from './useCostAccess';

/** A 403 from the backend: its policy said no although the frontend's check said yes. */
function isNotAllowed(error: unknown): boolean {
  const e = error as { statusCode?: number; name?: string; cause?: { name?: string } } | undefined;
  return e?.statusCode === 403 || e?.name === 'NotAllowedError' || e?.cause?.name === 'NotAllowedError';
}

/** Not an error: the install's permission policy keeps spend from this user. */
function CostNotAllowed() {
  const { t } = useOpsfolioText();
  return (
    <Box data-testid="opsfolio-cost-not-allowed">
      <Text as="p">{t('cost.access.denied')}</Text>
      <Text as="p" color="secondary">
        {t('cost.access.askAdministrators')}
      </Text>
    </Box>
  );
}

/** The backend's 403 as the permission message, anything else as an error. */
export function CostError(props: { error: Error }) {
  return isNotAllowed(props.error) ? <CostNotAllowed /> : <ResponseErrorPanel error={props.error} />;
}

/** On an entity page: renders (and so fetches) its children only when the user may read this entity's cost. */
export function CostPermissionGate(props: { children: ReactNode }) {
  const { entity } = useEntity();
  const { loading, allowed } = useCostAccess(stringifyEntityRef(entity));
  if (loading) return <Progress />;
  return allowed ? <>{props.children}</> : <CostNotAllowed />;
}
