import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { PillarId, PillarSummary } from '@opsfolio/backstage-plugin-common';
import type { ReactNode } from 'react';
import { PillarEmptyState } from './PillarEmptyState';
import { useEntitySummary } from './useEntitySummary';
import { OpsfolioCard } from './OpsfolioCard';

export interface PillarCardProps {
  title: string;
  pillar: PillarId;
  /** What the card says when the entity lacks the pillar's annotation. */
  notConfigured: string;
  /** A line under it, for pillars that can be set up without an annotation. */
  notConfiguredHint?: string;
  /** The card body once the pillar is configured. */
  children: (summary: PillarSummary) => ReactNode;
}

/** Loading, error and "not configured" states shared by every Opsfolio entity card. */
export function PillarCard(props: PillarCardProps) {
  const { value, loading, error } = useEntitySummary();
  let body: ReactNode;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) {
    const summary = value.pillars[props.pillar];
    body = summary.configured ? (
      props.children(summary)
    ) : (
      <PillarEmptyState title={props.notConfigured} fix={summary.fix}>
        {props.notConfiguredHint}
      </PillarEmptyState>
    );
  }
  return (
    <OpsfolioCard title={props.title}>
      <div data-testid={`opsfolio-card-${props.pillar}`}>{body}</div>
    </OpsfolioCard>
  );
}
