import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { PillarCard } from '../components/PillarCard';

/** Who owns the entity. @public */
export function EntityOwnershipCard() {
  return (
    <PillarCard title="Ownership" pillar="ownership" notConfigured="This entity has no owner">
      {summary => {
        const owner = parseEntityRef(summary.found['spec.owner'], { defaultKind: 'group' });
        return (
          <Typography variant="body1">
            Owned by <EntityRefLink entityRef={owner} /> ({owner.kind.toLocaleLowerCase('en-US')})
          </Typography>
        );
      }}
    </PillarCard>
  );
}
