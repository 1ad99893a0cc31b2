import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { formatAge } from '../components/age';
import { until } from '../oncall/formatOnCall';
import { ProblemText } from '../components/ProblemText';

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
        <Typography variant="body1" data-testid="opsfolio-ownership-owner">
          Owned by <EntityRefLink entityRef={facts.ownerRef} title={facts.ownerTitle} /> ({ownerKind}
          {facts.ownerIsGroup && facts.memberCount !== null ? `, ${facts.memberCount} member${facts.memberCount === 1 ? '' : 's'}` : ''})
        </Typography>
      )}
      {facts.parentChain.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Part of {facts.parentChain.map(p => p.title ?? p.ref).join(' › ')}
        </Typography>
      )}
      {facts.contact && (facts.contact.email || facts.contact.links.length > 0) && (
        <Typography variant="body2" data-testid="opsfolio-ownership-contact">
          Contact:{' '}
          {facts.contact.email && <Link to={`mailto:${facts.contact.email}`}>{facts.contact.email}</Link>}
          {facts.contact.links.map(l => (
            <span key={l.url}>
              {' · '}
              <Link to={l.url}>{l.title ?? l.type ?? l.url}</Link>
            </span>
          ))}
        </Typography>
      )}
      {facts.onCallNow && facts.onCallNow.length > 0 && (
        <Typography variant="body2" data-testid="opsfolio-ownership-oncall">
          On call now: {facts.onCallNow.map(p => `${p.name} (${until(p.until)})`).join(', ')}{' '}
          <Typography variant="caption" color="textSecondary" component="span">
            as read {formatAge(facts.onCallNow[0].readAt)}
          </Typography>
        </Typography>
      )}
      {facts.codeowners && facts.codeowners.status !== 'no-owner' && (
        <Typography variant="body2" data-testid="opsfolio-ownership-codeowners">
          CODEOWNERS:{' '}
          {facts.codeowners.status === 'no-file'
            ? 'none in the repository'
            : `${facts.codeowners.owners.join(', ') || 'nobody'}${facts.codeowners.status === 'agrees' ? ' (agrees)' : ''}`}
          {facts.codeowners.url && (
            <>
              {' · '}
              <Link to={facts.codeowners.url}>file</Link>
            </>
          )}
          {facts.codeowners.error && (
            <Typography variant="caption" color="textSecondary" component="span">
              {' '}
              (last read failed: {facts.codeowners.error})
            </Typography>
          )}
        </Typography>
      )}
      {facts.problems.map(problem => (
        <Box key={`${problem.kind}:${problem.message}`} mt={1} data-testid="opsfolio-ownership-problem" data-kind={problem.kind}>
          <ProblemText>{problem.message}</ProblemText>
          <Typography variant="caption" color="textSecondary">
            {problem.fix}
          </Typography>
        </Box>
      ))}
    </>
  );
}
