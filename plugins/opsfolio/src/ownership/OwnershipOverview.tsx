import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { formatAge } from '../components/age';
import { until } from '../oncall/formatOnCall';
import { ProblemText } from '../components/ProblemText';
import { Box, Text } from '@backstage/ui';

/** The ownership card's body: the owner, how to reach them, who answers now, and what is wrong. */
export function OwnershipOverview() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(() => api.getOwnership(ref), [api, ref.kind, ref.namespace, ref.name]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const facts = value!;
  const ownerKind = facts.ownerRef?.split(':')[0];
  return (
    <>
      {facts.ownerRef && (
        <Text as="p" variant="body-large" data-testid="opsfolio-ownership-owner">
          Owned by <EntityRefLink entityRef={facts.ownerRef} title={facts.ownerTitle} underline="always" /> ({ownerKind}
          {facts.ownerIsGroup && facts.memberCount !== null
            ? `, ${facts.memberCount} member${facts.memberCount === 1 ? '' : 's'}`
            : ''}
          )
        </Text>
      )}
      {facts.parentChain.length > 0 && (
        <Text as="p" color="secondary">
          Part of {facts.parentChain.map(p => p.title ?? p.ref).join(' › ')}
        </Text>
      )}
      {facts.contact && (facts.contact.email || facts.contact.links.length > 0) && (
        <Text as="p" data-testid="opsfolio-ownership-contact">
          Contact: {facts.contact.email && <Link to={`mailto:${facts.contact.email}`} underline="always">{facts.contact.email}</Link>}
          {facts.contact.links.map(l => (
            <span key={l.url}>
              {' · '}
              <Link to={l.url} underline="always">
                {l.title ?? l.type ?? l.url}
              </Link>
            </span>
          ))}
        </Text>
      )}
      {facts.onCallNow && facts.onCallNow.length > 0 && (
        <Text as="p" data-testid="opsfolio-ownership-oncall">
          On call now: {facts.onCallNow.map(p => `${p.name} (${until(p.until)})`).join(', ')}{' '}
          <Text variant="body-small" color="secondary">
            as read {formatAge(facts.onCallNow[0].readAt)}
          </Text>
        </Text>
      )}
      {facts.codeowners && facts.codeowners.status !== 'no-owner' && (
        <Text as="p" data-testid="opsfolio-ownership-codeowners">
          CODEOWNERS:{' '}
          {facts.codeowners.status === 'no-file'
            ? 'none in the repository'
            : `${facts.codeowners.owners.join(', ') || 'nobody'}${
                facts.codeowners.status === 'agrees' ? ' (agrees)' : ''
              }`}
          {facts.codeowners.url && (
            <>
              {' · '}
              <Link to={facts.codeowners.url} underline="always">
                file
              </Link>
            </>
          )}
          {facts.codeowners.error && (
            <Text variant="body-small" color="secondary">
              {' '}
              (last read failed: {facts.codeowners.error})
            </Text>
          )}
        </Text>
      )}
      {facts.problems.map(problem => (
        <Box
          mt="2"
          key={`${problem.kind}:${problem.message}`}
          data-testid="opsfolio-ownership-problem"
          data-kind={problem.kind}
        >
          <ProblemText>{problem.message}</ProblemText>
          <Text variant="body-small" color="secondary">
            {problem.fix}
          </Text>
        </Box>
      ))}
    </>
  );
}
