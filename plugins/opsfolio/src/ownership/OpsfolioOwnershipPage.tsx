import { ContentHeader, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  OWNERSHIP_PROBLEM_KINDS,
  type OwnershipOverviewResponse,
  type OwnershipProblemKind,
} from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { DownloadCsvButton } from '../components/DownloadCsvButton';
import { OpsfolioPage } from '../components/OpsfolioPage';
import { OwnershipIcon } from '../components/pageIcons';
import { Box, Cell, type ColumnConfig, Text, ToggleButton } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OpsfolioSelect } from '../components/OpsfolioSelect';
import { OpsfolioTable } from '../components/OpsfolioTable';

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

type ProblemRow = OwnershipOverviewResponse['problems'][number] & { id: string };

/** Each problem: the entity, its owner, what is wrong and how to fix it. */
function ProblemsTable(props: { problems: OwnershipOverviewResponse['problems'] }) {
  const { t } = useOpsfolioText();
  const rows = useMemo(
    () => props.problems.map(p => ({ ...p, id: `${p.entityRef}:${p.problem.kind}:${p.problem.message}` })),
    [props.problems]
  );
  const columns = useMemo((): ColumnConfig<ProblemRow>[] => {
    // A kind a newer backend added: as the API names it.
    const label = (kind: OwnershipProblemKind) => (LABELS[kind] ? t(`ownership.problemKind.${LABELS[kind]}`) : kind);
    return [
      {
        id: 'entity',
        label: t('ownership.page.column.entity'),
        isRowHeader: true,
        cell: p => (
          <Cell textValue={p.title ?? p.entityRef}>
            <EntityRefLink entityRef={p.entityRef} title={p.title} />
          </Cell>
        ),
      },
      {
        id: 'owner',
        label: t('ownership.page.column.owner'),
        cell: p => <Cell textValue={p.ownerRef}>{p.ownerRef ? <EntityRefLink entityRef={p.ownerRef} /> : '–'}</Cell>,
      },
      {
        id: 'problem',
        label: t('ownership.page.column.problem'),
        cell: p => (
          <Cell textValue={label(p.problem.kind)}>
            <Text as="p">{label(p.problem.kind)}</Text>
            <Text variant="body-small" color="secondary">
              {p.problem.message}
            </Text>
          </Cell>
        ),
      },
      { id: 'fix', label: t('ownership.page.column.fix'), cell: p => <Cell>{p.problem.fix}</Cell> },
    ];
  }, [t]);
  return (
    <OpsfolioTable
      columnConfig={columns}
      data={rows}
      rowAttributes={item => ({
        'data-testid': 'opsfolio-ownership-row',
        'data-kind': item.problem.kind,
        'data-entity': item.entityRef,
      })}
    />
  );
}

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
        <OpsfolioSelect
          label={t('ownership.page.ownerFilter')}
          value={owner ?? ''}
          choices={[
            { value: '', label: t('ownership.page.everyOwner') },
            ...overview.byTeam
              .filter(team => team.ownerRef)
              .map(team => ({ value: team.ownerRef, label: team.title ?? team.ownerRef })),
          ]}
          onChange={v => set('owner', v)}
          data-testid="opsfolio-ownership-filter-owner"
          style={{ marginRight: 16, minWidth: 200 }}
        />
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
        <ProblemsTable problems={overview.problems} />
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
