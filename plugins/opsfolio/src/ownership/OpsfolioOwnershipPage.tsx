import { ContentHeader, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { OWNERSHIP_PROBLEM_KINDS, type OwnershipProblemKind } from '@opsfolio/backstage-plugin-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { DownloadCsvButton } from '../components/DownloadCsvButton';
import { OpsfolioPage } from '../components/OpsfolioPage';
import { OwnershipIcon } from '../components/pageIcons';
import { Box, Text, ToggleButton } from '@backstage/ui';

const LABELS: Record<OwnershipProblemKind, string> = {
  'no-owner': 'No owner',
  'owner-missing': 'Owner does not exist',
  'owned-by-user': 'Owned by one person',
  'team-without-members': 'Team without members',
  'codeowners-drift': 'CODEOWNERS disagrees',
  'oncall-drift': 'On-call rota disagrees',
  'deployer-drift': 'Deployed by another team',
};

const kindOf = (value: string | null) =>
  (OWNERSHIP_PROBLEM_KINDS as readonly string[]).includes(value ?? '') ? (value as OwnershipProblemKind) : undefined;

function Problems() {
  const api = useApi(opsfolioApiRef);
  const [params, setParams] = useSearchParams();
  const problem = kindOf(params.get('problem'));
  const owner = params.get('owner') ?? undefined;
  const filters = { problem, owner };
  const { value, loading, error } = useAsync(() => api.getOwnershipOverview(filters), [api, problem, owner]);
  const set = (key: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(key, v);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const overview = value!;
  return (
    <>
      <ContentHeader
        title={`${overview.problems.length} ownership problem${overview.problems.length === 1 ? '' : 's'}`}
      >
        <TextField
          select
          size="small"
          variant="outlined"
          label="Owner"
          value={owner ?? ''}
          onChange={e => set('owner', e.target.value)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          style={{ marginRight: 16, minWidth: 200 }}
        >
          <option value="">Every owner</option>
          {overview.byTeam
            .filter(t => t.ownerRef)
            .map(t => (
              <option key={t.ownerRef} value={t.ownerRef}>
                {t.title ?? t.ownerRef}
              </option>
            ))}
        </TextField>
        <DownloadCsvButton
          fetch={() => api.getOwnershipOverviewCsv(filters)}
          fileName="opsfolio-ownership-problems.csv"
        />
      </ContentHeader>
      <Box mb="4" data-testid="opsfolio-ownership-counts">
        {OWNERSHIP_PROBLEM_KINDS.map(kind => (
          <ToggleButton
            key={kind}
            isSelected={problem === kind}
            onChange={selected => set('problem', selected ? kind : undefined)}
            style={{ margin: 4 }}
            data-testid={`opsfolio-ownership-count-${kind}`}
          >
            {`${LABELS[kind]}: ${overview.counts[kind]}`}
          </ToggleButton>
        ))}
      </Box>
      {overview.problems.length === 0 ? (
        <PillarEmptyState title="No ownership problems">
          Every checked entity has an owner that exists, has members and agrees with its rota.
        </PillarEmptyState>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Entity</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Problem</TableCell>
              <TableCell>How to fix it</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {overview.problems.map(p => (
              <TableRow
                key={`${p.entityRef}:${p.problem.kind}:${p.problem.message}`}
                data-testid="opsfolio-ownership-row"
                data-kind={p.problem.kind}
                data-entity={p.entityRef}
              >
                <TableCell>
                  <EntityRefLink entityRef={p.entityRef} title={p.title} />
                </TableCell>
                <TableCell>{p.ownerRef ? <EntityRefLink entityRef={p.ownerRef} /> : '–'}</TableCell>
                <TableCell>
                  <Text as="p">{LABELS[p.problem.kind]}</Text>
                  <Text variant="body-small" color="secondary">
                    {p.problem.message}
                  </Text>
                </TableCell>
                <TableCell>{p.problem.fix}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Text as="p" variant="body-small" color="secondary" style={{ marginTop: 8 }}>
        {overview.entities} entities checked (components, APIs, resources, systems, domains and groups).
      </Text>
    </>
  );
}

/** `/opsfolio/ownership`: where ownership is broken, by problem and by team, with how to fix each. */
export function OpsfolioOwnershipPage() {
  return (
    <OpsfolioPage
      title="Ownership"
      description="Owners that do not exist, people instead of teams, empty teams, and owners that disagree with who runs the code"
      icon={<OwnershipIcon />}
      testId="opsfolio-ownership-page"
    >
      <Problems />
    </OpsfolioPage>
  );
}
