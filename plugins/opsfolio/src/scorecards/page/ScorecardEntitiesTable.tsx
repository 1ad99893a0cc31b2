import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, type ColumnConfig, Text } from '@backstage/ui';
import type { ScorecardOverviewEntity, ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { type CSSProperties, type ReactNode, useMemo } from 'react';
import { ProblemText } from '../../components/ProblemText';
import { useOpsfolioText } from '../../translation/useOpsfolioText';
import { LevelChip } from './LevelChip';
import { OpsfolioTable } from '../../components/OpsfolioTable';

const ROW_HEIGHT = 44;
const MAX_HEIGHT = 520;

type EntityRow = ScorecardOverviewEntity & { id: string };

// Rows have one height (the table renders only those in view): a long value is cut short, whole in its title.
const oneLine: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

function Line(props: { children: ReactNode; title?: string }) {
  return (
    <div style={oneLine} title={props.title}>
      {props.children}
    </div>
  );
}

/** Every filtered entity with its level and what fails; Backstage UI's table renders only the rows in view. */
export function ScorecardEntitiesTable(props: { overview: ScorecardOverviewResponse }) {
  const { scorecard, entities } = props.overview;
  const { t } = useOpsfolioText();
  const rows = useMemo(() => entities.map(e => ({ ...e, id: e.entityRef })), [entities]);
  const columns = useMemo((): ColumnConfig<EntityRow>[] => {
    const checkTitles = new Map(scorecard.checks.map(c => [c.id, c.title]));
    const levels = new Map(scorecard.levels.map(l => [l.id, l]));
    const failing = (e: EntityRow) => e.failing.map(id => checkTitles.get(id) ?? id).join(', ');
    return [
      {
        id: 'entity',
        defaultWidth: '2fr',
        label: t('readinessPage.entities.entity'),
        isRowHeader: true,
        cell: e => (
          <Cell>
            <Line>
              <EntityRefLink entityRef={e.entityRef} title={e.title} defaultKind="component" />
            </Line>
          </Cell>
        ),
      },
      {
        id: 'owner',
        defaultWidth: '1.5fr',
        label: t('readinessPage.entities.owner'),
        cell: e => (
          <Cell>
            <Line>{e.ownerRef ? <EntityRefLink entityRef={e.ownerRef} defaultKind="group" /> : '–'}</Line>
          </Cell>
        ),
      },
      { id: 'tier', label: t('readinessPage.entities.tier'), cell: e => <Cell>{e.tier ?? '–'}</Cell> },
      {
        id: 'level',
        label: t('readinessPage.entities.level'),
        cell: e => (
          <Cell>
            <LevelChip
              level={e.level === null ? null : levels.get(e.level) ?? { id: e.level, title: e.level }}
              levels={scorecard.levels}
            />
          </Cell>
        ),
      },
      {
        id: 'passing',
        label: t('readinessPage.entities.passing'),
        cell: e => (
          <Cell>
            {e.passing}/{e.total}
          </Cell>
        ),
      },
      {
        id: 'failing',
        defaultWidth: '3fr',
        label: t('readinessPage.entities.failingChecks'),
        cell: e => (
          <Cell textValue={failing(e)}>
            {failing(e) ? (
              <Line title={failing(e)}>
                <ProblemText small>{failing(e)}</ProblemText>
              </Line>
            ) : (
              <Text color="secondary">{t('readinessPage.entities.noneFailing')}</Text>
            )}
          </Cell>
        ),
      },
    ];
  }, [scorecard, t]);

  return (
    <div data-testid="opsfolio-scorecards-entities">
      <OpsfolioTable
        columnConfig={columns}
        data={rows}
        virtualized={{ rowHeight: ROW_HEIGHT }}
        style={{ maxHeight: MAX_HEIGHT }}
        rowAttributes={item => ({ 'data-testid': 'opsfolio-scorecards-entity', 'data-entity': item.entityRef })}
      />
    </div>
  );
}
