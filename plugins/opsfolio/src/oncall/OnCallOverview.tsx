import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { OnCallResponse, OnCallShift, OnCallSourceAnswer, PillarSummary } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { SourceFreshness } from '../components/SourceFreshness';
import { hours, onCallWarnings, until } from './formatOnCall';
import { ProblemText } from '../components/ProblemText';
import { Box, Cell, type ColumnConfig, Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { columnHeader } from '../components/tableHeaders';
import { OpsfolioTable } from '../components/OpsfolioTable';

type ShiftRow = OnCallShift & { id: string };

/** Who is on call at each level, lowest first, until when and on which schedule. */
function ShiftsTable(props: { shifts: OnCallShift[] }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const rows = useMemo(() => {
    const levels = [...new Set(props.shifts.map(s => s.level))].sort((a, b) => a - b);
    return levels.flatMap(level =>
      props.shifts.filter(s => s.level === level).map((shift, i) => ({ ...shift, id: `${level}-${i}` }))
    );
  }, [props.shifts]);
  const columns = useMemo(
    (): ColumnConfig<ShiftRow>[] => [
      {
        id: 'level',
        label: '',
        header: columnHeader('level', '', { hidden: true }),
        cell: shift => <Cell>{t('oncall.overview.level', { level: format.number(shift.level) })}</Cell>,
      },
      {
        id: 'person',
        label: '',
        isRowHeader: true,
        header: columnHeader('person', '', { hidden: true, isRowHeader: true }),
        cell: shift => (
          <Cell textValue={shift.person.name}>
            {shift.person.email ? (
              <Link to={`mailto:${shift.person.email}`}>{shift.person.name}</Link>
            ) : (
              shift.person.name
            )}
          </Cell>
        ),
      },
      {
        id: 'until',
        label: '',
        header: columnHeader('until', '', { hidden: true }),
        cell: shift => <Cell>{until(text, shift.end)}</Cell>,
      },
      {
        id: 'schedule',
        label: '',
        header: columnHeader('schedule', '', { hidden: true }),
        cell: shift => (
          <Cell>
            {shift.scheduleUrl ? <Link to={shift.scheduleUrl}>{shift.scheduleName}</Link> : shift.scheduleName ?? ''}
          </Cell>
        ),
      },
    ],
    [text, t, format]
  );
  return (
    <OpsfolioTable
      columnConfig={columns}
      data={rows}
      rowAttributes={item => ({ 'data-testid': `opsfolio-oncall-level-${item.level}` })}
    />
  );
}

function SourceAnswer(props: { answer: OnCallSourceAnswer; response: OnCallResponse }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { answer } = props;
  const onCall = answer.onCall;
  if (!onCall) return <Text as="p">{t('oncall.overview.noData', { source: answer.source })}</Text>;
  return (
    <Box mb="4" data-testid={`opsfolio-oncall-${answer.source}`}>
      {answer.stale && (
        <WarningPanel
          severity="warning"
          title={t('oncall.overview.stale', { source: answer.source, age: format.age(onCall.readAt) })}
          message={answer.error}
        />
      )}
      <Text as="p" weight="bold">
        {onCall.service.url ? <Link to={onCall.service.url}>{onCall.service.name}</Link> : onCall.service.name}
        {onCall.escalationPolicy && (
          <>
            {' · '}
            {onCall.escalationPolicy.url ? (
              <Link to={onCall.escalationPolicy.url}>{onCall.escalationPolicy.name}</Link>
            ) : (
              onCall.escalationPolicy.name
            )}{' '}
            {t('oncall.overview.policyLevels', { count: onCall.escalationPolicy.levels })}
          </>
        )}
      </Text>
      <ShiftsTable shifts={onCall.shifts} />
      {onCallWarnings(text, answer, props.response.drift).map(w => (
        <ProblemText key={w} data-testid="opsfolio-oncall-warning">
          {w}
        </ProblemText>
      ))}
    </Box>
  );
}

/** The on-call card's body: every level now, warnings, and how fast incidents are handled. */
export function OnCallOverview(props: { summary: PillarSummary }) {
  const text = useOpsfolioText();
  const { t } = text;
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(() => api.getOnCall(ref), [api, ref.kind, ref.namespace, ref.name]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const response = value!;
  const times = response.responseTimes.days30;
  return (
    <>
      <SourceFreshness sources={props.summary.sources} />
      {response.sources.length === 0 && <Text as="p">{t('oncall.overview.noSource')}</Text>}
      {response.sources.map(answer => (
        <SourceAnswer key={answer.source} answer={answer} response={response} />
      ))}
      <Text as="p" data-testid="opsfolio-response-times">
        {times.mtta.hours === null
          ? t('oncall.overview.responseTimesUntimed', { count: times.open })
          : t('oncall.overview.responseTimes', {
              count: times.open,
              mtta: hours(text, times.mtta.hours),
              mttr: hours(text, times.mttr.hours),
            })}
      </Text>
    </>
  );
}
