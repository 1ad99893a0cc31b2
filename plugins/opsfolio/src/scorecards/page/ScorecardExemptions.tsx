import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, type ColumnConfig, Text } from '@backstage/ui';
import type { ExemptionRow, ExemptionsOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../../api/OpsfolioApi';
import { OpsfolioCard } from '../../components/OpsfolioCard';
import { usePalette } from '../../components/usePalette';
import type { OpsfolioText } from '../../translation/format';
import { useOpsfolioText } from '../../translation/useOpsfolioText';
import { OpsfolioTable } from '../../components/OpsfolioTable';

type ExemptionsState = { loading: boolean; error?: Error; value?: ExemptionsOverviewResponse };

/** Days before its end from which an exemption is shown as ending soon (as the backend's `expiringIn30Days`). */
const SOON_DAYS = 30;

/**
 * The exemptions of the scorecard shown, for the page's owner filter. The page holds this state (not the section), so
 * reloading the overview for another filter does not fetch the exemptions again; no scorecard yet, no request.
 */
export function useScorecardExemptions(scorecard: string | undefined, owner: string | undefined): ExemptionsState {
  const api = useApi(opsfolioApiRef);
  return useAsync(
    async () => (scorecard ? api.getExemptions(owner ? { scorecard, owner } : { scorecard }) : undefined),
    [api, scorecard, owner]
  );
}

/** The backend's 403: the user may see the page but not the catalog-wide list of exemptions. */
function isForbidden(error: Error): boolean {
  const e = error as Error & { statusCode?: number; response?: { status?: number } };
  return e.statusCode === 403 || e.response?.status === 403 || e.name === 'NotAllowedError';
}

function countsLine({ t, format }: OpsfolioText, counts: ExemptionsOverviewResponse['counts']): string {
  return t('readinessPage.exemptions.counts', {
    active: format.number(counts.active),
    expired: format.number(counts.expired),
    count: counts.expiringIn30Days,
    days: format.number(SOON_DAYS),
  });
}

type Urgency = 'expired' | 'soon' | 'ok';

const urgencyOf = (row: ExemptionRow): Urgency => {
  if (row.exemption.expired) return 'expired';
  return row.daysLeft <= SOON_DAYS ? 'soon' : 'ok';
};

function daysLeftText({ t }: OpsfolioText, row: ExemptionRow): string {
  if (row.exemption.expired) return t('readinessPage.exemptions.expiredAgo', { count: Math.max(1, -row.daysLeft) });
  return row.daysLeft === 0
    ? t('readinessPage.exemptions.lastDay')
    : t('readinessPage.exemptions.days', { count: row.daysLeft });
}

type Item = ExemptionRow & { id: string };

function ExemptionsTable(props: { rows: ExemptionRow[] }) {
  const palette = usePalette();
  const text = useOpsfolioText();
  const { t } = text;
  const items = useMemo(
    () => props.rows.map(row => ({ ...row, id: `${row.entityRef}-${row.scorecardId}-${row.checkId}` })),
    [props.rows]
  );
  const columns = useMemo((): ColumnConfig<Item>[] => {
    const colour: Record<Urgency, string | undefined> = {
      expired: palette.tone.bad,
      soon: palette.tone.warn,
      ok: undefined,
    };
    return [
      {
        id: 'entity',
        label: t('readinessPage.exemptions.entity'),
        isRowHeader: true,
        cell: row => (
          <Cell>
            <EntityRefLink entityRef={row.entityRef} title={row.title} defaultKind="component" />
          </Cell>
        ),
      },
      {
        id: 'owner',
        label: t('readinessPage.exemptions.owner'),
        cell: row => <Cell>{row.ownerRef ? <EntityRefLink entityRef={row.ownerRef} defaultKind="group" /> : '–'}</Cell>,
      },
      {
        id: 'check',
        label: t('readinessPage.exemptions.check'),
        cell: row => (
          <Cell>
            <span title={row.exemption.check}>{row.checkTitle}</span>
          </Cell>
        ),
      },
      { id: 'reason', label: t('readinessPage.exemptions.reason'), cell: row => <Cell>{row.exemption.reason}</Cell> },
      {
        id: 'until',
        label: t('readinessPage.exemptions.until'),
        cell: row => <Cell style={{ whiteSpace: 'nowrap' }}>{row.exemption.until}</Cell>,
      },
      {
        id: 'approvedBy',
        label: t('readinessPage.exemptions.approvedBy'),
        cell: row => <Cell>{row.exemption.approvedBy ?? '–'}</Cell>,
      },
      {
        id: 'daysLeft',
        label: t('readinessPage.exemptions.daysLeft'),
        cell: row => {
          const urgency = urgencyOf(row);
          return (
            <Cell
              style={{ whiteSpace: 'nowrap', color: colour[urgency], fontWeight: urgency === 'ok' ? undefined : 500 }}
            >
              {daysLeftText(text, row)}
            </Cell>
          );
        },
      },
    ];
  }, [palette, text, t]);
  return (
    <div data-testid="opsfolio-exemptions-table">
      <OpsfolioTable
        columnConfig={columns}
        data={items}
        rowAttributes={item => ({
          'data-testid': 'opsfolio-exemption-row',
          'data-entity': item.entityRef,
          'data-urgency': urgencyOf(item),
        })}
      />
    </div>
  );
}

function ExemptionsBody(props: { state: ExemptionsState }) {
  const { loading, error, value } = props.state;
  const text = useOpsfolioText();
  const { t } = text;
  if (loading) return <Progress />;
  if (error) {
    if (!isForbidden(error)) return <ResponseErrorPanel error={error} />;
    return (
      <Text as="p" color="secondary" data-testid="opsfolio-exemptions-denied">
        {t('readinessPage.exemptions.denied')}
      </Text>
    );
  }
  if (!value) return <Progress />;
  if (value.exemptions.length === 0) {
    return (
      <Text as="p" color="secondary" data-testid="opsfolio-exemptions-empty">
        {t('readinessPage.exemptions.empty', {
          file: <code>catalog-info.yaml</code>,
          annotation: <code>opsfolio.io/exemptions</code>,
        })}
      </Text>
    );
  }
  return (
    <>
      <Text as="p" style={{ marginBottom: 'var(--bui-space-2)' }} data-testid="opsfolio-exemptions-counts">
        {countsLine(text, value.counts)}
      </Text>
      <ExemptionsTable rows={value.exemptions} />
    </>
  );
}

/** Exemption debt of the scorecard shown: every exemption with its reason and end, soonest to end first. */
export function ScorecardExemptions(props: { state: ExemptionsState }) {
  const { t } = useOpsfolioText();
  return (
    <OpsfolioCard title={t('readinessPage.exemptions.title')} subheader={t('readinessPage.exemptions.subheader')}>
      <ExemptionsBody state={props.state} />
    </OpsfolioCard>
  );
}
