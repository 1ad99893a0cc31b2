import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ExemptionRow, ExemptionsOverviewResponse } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../../api/OpsfolioApi';
import { Text } from '@backstage/ui';
import { usePalette } from '../../components/usePalette';
import type { OpsfolioText } from '../../translation/format';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

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

const COLUMNS = [
  'readinessPage.exemptions.entity',
  'readinessPage.exemptions.owner',
  'readinessPage.exemptions.check',
  'readinessPage.exemptions.reason',
  'readinessPage.exemptions.until',
  'readinessPage.exemptions.approvedBy',
  'readinessPage.exemptions.daysLeft',
] as const;

function ExemptionsTable(props: { rows: ExemptionRow[] }) {
  const palette = usePalette();
  const text = useOpsfolioText();
  const colour: Record<Urgency, string | undefined> = {
    expired: palette.tone.bad,
    soon: palette.tone.warn,
    ok: undefined,
  };
  return (
    <Table size="small" data-testid="opsfolio-exemptions-table">
      <TableHead>
        <TableRow>
          {COLUMNS.map(c => (
            <TableCell key={c} style={{ whiteSpace: 'nowrap' }}>
              {text.t(c)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => {
          const urgency = urgencyOf(row);
          return (
            <TableRow
              key={`${row.entityRef}-${row.scorecardId}-${row.checkId}`}
              data-testid="opsfolio-exemption-row"
              data-entity={row.entityRef}
              data-urgency={urgency}
            >
              <TableCell>
                <EntityRefLink entityRef={row.entityRef} title={row.title} defaultKind="component" />
              </TableCell>
              <TableCell>
                {row.ownerRef ? <EntityRefLink entityRef={row.ownerRef} defaultKind="group" /> : '–'}
              </TableCell>
              <TableCell title={row.exemption.check}>{row.checkTitle}</TableCell>
              <TableCell>{row.exemption.reason}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{row.exemption.until}</TableCell>
              <TableCell>{row.exemption.approvedBy ?? '–'}</TableCell>
              <TableCell
                style={{ whiteSpace: 'nowrap', color: colour[urgency], fontWeight: urgency === 'ok' ? undefined : 500 }}
              >
                {daysLeftText(text, row)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
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
    <InfoCard title={t('readinessPage.exemptions.title')} subheader={t('readinessPage.exemptions.subheader')}>
      <ExemptionsBody state={props.state} />
    </InfoCard>
  );
}
