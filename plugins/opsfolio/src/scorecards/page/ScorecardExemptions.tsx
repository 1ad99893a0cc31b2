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

type ExemptionsState = { loading: boolean; error?: Error; value?: ExemptionsOverviewResponse };

/** Said instead of the table when the permission policy does not allow listing exemptions. */
const EXEMPTIONS_DENIED = 'Listing exemptions needs the opsfolio.exemptions.read permission.';

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

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

function countsLine(counts: ExemptionsOverviewResponse['counts']): string {
  const soon = counts.expiringIn30Days;
  return `${counts.active} active, ${counts.expired} expired, ${soon} ${
    soon === 1 ? 'ends' : 'end'
  } within ${SOON_DAYS} days`;
}

type Urgency = 'expired' | 'soon' | 'ok';

const urgencyOf = (row: ExemptionRow): Urgency => {
  if (row.exemption.expired) return 'expired';
  return row.daysLeft <= SOON_DAYS ? 'soon' : 'ok';
};

function daysLeftText(row: ExemptionRow): string {
  if (row.exemption.expired) return `expired ${days(Math.max(1, -row.daysLeft))} ago`;
  return row.daysLeft === 0 ? 'last day today' : days(row.daysLeft);
}

function ExemptionsTable(props: { rows: ExemptionRow[] }) {
  const palette = usePalette();
  const colour: Record<Urgency, string | undefined> = {
    expired: palette.tone.bad,
    soon: palette.tone.warn,
    ok: undefined,
  };
  return (
    <Table size="small" data-testid="opsfolio-exemptions-table">
      <TableHead>
        <TableRow>
          {['Entity', 'Owner', 'Check', 'Reason', 'Until', 'Approved by', 'Days left'].map(c => (
            <TableCell key={c} style={{ whiteSpace: 'nowrap' }}>
              {c}
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
                {daysLeftText(row)}
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
  if (loading) return <Progress />;
  if (error) {
    if (!isForbidden(error)) return <ResponseErrorPanel error={error} />;
    return (
      <Text as="p" color="secondary" data-testid="opsfolio-exemptions-denied">
        {EXEMPTIONS_DENIED}
      </Text>
    );
  }
  if (!value) return <Progress />;
  if (value.exemptions.length === 0) {
    return (
      <Text as="p" color="secondary" data-testid="opsfolio-exemptions-empty">
        No exemptions. Teams add them to an entity&apos;s <code>catalog-info.yaml</code> under the{' '}
        <code>opsfolio.io/exemptions</code> annotation, with a reason and an end date.
      </Text>
    );
  }
  return (
    <>
      <Text as="p" style={{ marginBottom: 'var(--bui-space-2)' }} data-testid="opsfolio-exemptions-counts">
        {countsLine(value.counts)}
      </Text>
      <ExemptionsTable rows={value.exemptions} />
    </>
  );
}

/** Exemption debt of the scorecard shown: every exemption with its reason and end, soonest to end first. */
export function ScorecardExemptions(props: { state: ExemptionsState }) {
  return (
    <InfoCard title="Exemptions" subheader="Checks that count as passing because a team was granted time">
      <ExemptionsBody state={props.state} />
    </InfoCard>
  );
}
