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
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** The message key of each problem kind's label. */
const LABELS = {
  'no-owner': 'noOwner',
  'owner-missing': 'ownerMissing',
  'owned-by-user': 'ownedByUser',
  'team-without-members': 'teamWithoutMembers',
  'codeowners-drift': 'codeownersDrift',
  'oncall-drift': 'oncallDrift',
  'deployer-drift': 'deployerDrift',
} as const satisfies Record<OwnershipProblemKind, string>;

const kindOf = (value: string | null) =>
  (OWNERSHIP_PROBLEM_KINDS as readonly string[]).includes(value ?? '') ? (value as OwnershipProblemKind) : undefined;

function Problems() {
  const { t, format } = useOpsfolioText();
  // A kind a newer backend added: as the API names it.
  const label = (kind: OwnershipProblemKind) => (LABELS[kind] ? t(`ownership.problemKind.${LABELS[kind]}`) : kind);
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
      <ContentHeader title={t('ownership.page.problems', { count: overview.problems.length })}>
        <TextField
          select
          size="small"
          variant="outlined"
          label={t('ownership.page.ownerFilter')}
          value={owner ?? ''}
          onChange={e => set('owner', e.target.value)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          style={{ marginRight: 16, minWidth: 200 }}
        >
          <option value="">{t('ownership.page.everyOwner')}</option>
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
            {t('ownership.page.kindCount', { kind: label(kind), value: format.number(overview.counts[kind]) })}
          </ToggleButton>
        ))}
      </Box>
      {overview.problems.length === 0 ? (
        <PillarEmptyState title={t('ownership.page.emptyTitle')}>{t('ownership.page.emptyBody')}</PillarEmptyState>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('ownership.page.column.entity')}</TableCell>
              <TableCell>{t('ownership.page.column.owner')}</TableCell>
              <TableCell>{t('ownership.page.column.problem')}</TableCell>
              <TableCell>{t('ownership.page.column.fix')}</TableCell>
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
                  <Text as="p">{label(p.problem.kind)}</Text>
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
        {t('ownership.page.checked', { count: overview.entities })}
      </Text>
    </>
  );
}

/** `/opsfolio/ownership`: where ownership is broken, by problem and by team, with how to fix each. */
export function OpsfolioOwnershipPage() {
  const { t } = useOpsfolioText();
  return (
    <OpsfolioPage
      title={t('ownership.page.title')}
      description={t('ownership.page.description')}
      icon={<OwnershipIcon />}
      testId="opsfolio-ownership-page"
    >
      <Problems />
    </OpsfolioPage>
  );
}
