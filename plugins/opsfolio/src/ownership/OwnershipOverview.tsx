import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { until } from '../oncall/formatOnCall';
import { ProblemText } from '../components/ProblemText';
import { Box, Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** The ownership card's body: the owner, how to reach them, who answers now, and what is wrong. */
export function OwnershipOverview() {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(() => api.getOwnership(ref), [api, ref.kind, ref.namespace, ref.name]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const facts = value!;
  const ownerKind = facts.ownerRef?.split(':')[0];
  const ownerLink = (ownerRef: string) => (
    <EntityRefLink entityRef={ownerRef} title={facts.ownerTitle} underline="always" />
  );
  const codeownersText = (codeowners: NonNullable<typeof facts.codeowners>) => {
    if (codeowners.status === 'no-file') return t('ownership.overview.codeownersNoFile');
    const owners = codeowners.owners.join(', ') || t('ownership.overview.codeownersNobody');
    return codeowners.status === 'agrees' ? t('ownership.overview.codeownersAgrees', { owners }) : owners;
  };
  return (
    <>
      {facts.ownerRef && ownerKind && (
        <Text as="p" variant="body-large" data-testid="opsfolio-ownership-owner">
          {facts.ownerIsGroup && facts.memberCount !== null
            ? t('ownership.overview.ownedByMembers', {
                owner: ownerLink(facts.ownerRef),
                kind: ownerKind,
                count: facts.memberCount,
              })
            : t('ownership.overview.ownedBy', { owner: ownerLink(facts.ownerRef), kind: ownerKind })}
        </Text>
      )}
      {facts.parentChain.length > 0 && (
        <Text as="p" color="secondary">
          {t('ownership.overview.partOf', { chain: facts.parentChain.map(p => p.title ?? p.ref).join(' › ') })}
        </Text>
      )}
      {facts.contact && (facts.contact.email || facts.contact.links.length > 0) && (
        <Text as="p" data-testid="opsfolio-ownership-contact">
          {t('ownership.overview.contact', {
            details: (
              <>
                {facts.contact.email && (
                  <Link to={`mailto:${facts.contact.email}`} underline="always">
                    {facts.contact.email}
                  </Link>
                )}
                {facts.contact.links.map(l => (
                  <span key={l.url}>
                    {' · '}
                    <Link to={l.url} underline="always">
                      {l.title ?? l.type ?? l.url}
                    </Link>
                  </span>
                ))}
              </>
            ),
          })}
        </Text>
      )}
      {facts.onCallNow && facts.onCallNow.length > 0 && (
        <Text as="p" data-testid="opsfolio-ownership-oncall">
          {t('ownership.overview.onCallNow', {
            people: facts.onCallNow
              .map(p => t('oncall.shift.person', { name: p.name, until: until(text, p.until) }))
              .join(', '),
            readAt: (
              <Text variant="body-small" color="secondary">
                {t('ownership.overview.asRead', { age: format.age(facts.onCallNow[0].readAt) })}
              </Text>
            ),
          })}
        </Text>
      )}
      {facts.codeowners && facts.codeowners.status !== 'no-owner' && (
        <Text as="p" data-testid="opsfolio-ownership-codeowners">
          {t('ownership.overview.codeowners', { owners: codeownersText(facts.codeowners) })}
          {facts.codeowners.url && (
            <>
              {' · '}
              <Link to={facts.codeowners.url} underline="always">
                {t('ownership.overview.codeownersFile')}
              </Link>
            </>
          )}
          {facts.codeowners.error && (
            <Text variant="body-small" color="secondary">
              {' '}
              {t('ownership.overview.codeownersReadFailed', { error: facts.codeowners.error })}
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
