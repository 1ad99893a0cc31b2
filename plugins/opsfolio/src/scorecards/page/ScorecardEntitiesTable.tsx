import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ScorecardOverviewEntity, ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import type { CSSProperties, ReactNode } from 'react';
import { VirtualRows } from '../../components/VirtualRows';
import { LevelChip } from './LevelChip';
import { Text } from '@backstage/ui';
import { ProblemText } from '../../components/ProblemText';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

const ROW_HEIGHT = 44;
const MAX_HEIGHT = 520;
// A grid rather than <table>: absolutely positioned rows cannot sit in a table layout.
const COLUMNS = 'minmax(160px, 2fr) minmax(140px, 1.5fr) 56px 110px 72px minmax(200px, 3fr)';
const HEADINGS = [
  'readinessPage.entities.entity',
  'readinessPage.entities.owner',
  'readinessPage.entities.tier',
  'readinessPage.entities.level',
  'readinessPage.entities.passing',
  'readinessPage.entities.failingChecks',
] as const;

const cell: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', padding: '0 8px' };

function Cell(props: { children?: ReactNode; title?: string }) {
  return (
    <div role="cell" style={cell} title={props.title}>
      {props.children}
    </div>
  );
}

/** Every filtered entity with its level and what fails; only the rows in view are rendered. */
export function ScorecardEntitiesTable(props: { overview: ScorecardOverviewResponse }) {
  const { scorecard, entities } = props.overview;
  const { t } = useOpsfolioText();
  const checkTitles = new Map(scorecard.checks.map(c => [c.id, c.title]));
  const levels = new Map(scorecard.levels.map(l => [l.id, l]));
  const rowStyle: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    borderBottom: '1px solid var(--bui-border-1)',
  };

  const renderRow = (e: ScorecardOverviewEntity, index: number, style: CSSProperties) => {
    const failing = e.failing.map(id => checkTitles.get(id) ?? id).join(', ');
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        style={{ ...style, ...rowStyle }}
        data-testid="opsfolio-scorecards-entity"
        data-entity={e.entityRef}
      >
        <Cell>
          <EntityRefLink entityRef={e.entityRef} title={e.title} defaultKind="component" />
        </Cell>
        <Cell>{e.ownerRef ? <EntityRefLink entityRef={e.ownerRef} defaultKind="group" /> : '–'}</Cell>
        <Cell>{e.tier ?? '–'}</Cell>
        <Cell>
          <LevelChip
            level={e.level === null ? null : levels.get(e.level) ?? { id: e.level, title: e.level }}
            levels={scorecard.levels}
          />
        </Cell>
        <Cell>
          {e.passing}/{e.total}
        </Cell>
        <Cell title={failing}>
          {failing ? (
            <ProblemText small>{failing}</ProblemText>
          ) : (
            <Text color="secondary">{t('readinessPage.entities.noneFailing')}</Text>
          )}
        </Cell>
      </div>
    );
  };

  const header = (
    <div role="row" aria-rowindex={1} style={{ ...rowStyle, height: ROW_HEIGHT, fontWeight: 500 }}>
      {HEADINGS.map(h => (
        <div key={h} role="columnheader" style={cell}>
          <Text style={{ fontWeight: 500 }}>{t(h)}</Text>
        </div>
      ))}
    </div>
  );

  return (
    <VirtualRows
      rows={entities}
      rowHeight={ROW_HEIGHT}
      maxHeight={MAX_HEIGHT}
      rowKey={e => e.entityRef}
      renderRow={renderRow}
      header={header}
      data-testid="opsfolio-scorecards-entities"
    />
  );
}
