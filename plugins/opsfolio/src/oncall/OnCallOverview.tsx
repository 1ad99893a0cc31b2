import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, Progress, ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import type { OnCallResponse, OnCallSourceAnswer, PillarSummary } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { SourceFreshness } from '../components/SourceFreshness';
import { hours, onCallWarnings, until } from './formatOnCall';
import { ProblemText } from '../components/ProblemText';
import { Box, Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

function SourceAnswer(props: { answer: OnCallSourceAnswer; response: OnCallResponse }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { answer } = props;
  const onCall = answer.onCall;
  if (!onCall) return <Text as="p">{t('oncall.overview.noData', { source: answer.source })}</Text>;
  const levels = [...new Set(onCall.shifts.map(s => s.level))].sort((a, b) => a - b);
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
      <Table size="small">
        <TableBody>
          {levels.flatMap(level =>
            onCall.shifts
              .filter(s => s.level === level)
              .map((shift, i) => (
                <TableRow key={`${level}-${i}`} data-testid={`opsfolio-oncall-level-${level}`}>
                  <TableCell>{t('oncall.overview.level', { level: format.number(level) })}</TableCell>
                  <TableCell>
                    {shift.person.email ? (
                      <Link to={`mailto:${shift.person.email}`}>{shift.person.name}</Link>
                    ) : (
                      shift.person.name
                    )}
                  </TableCell>
                  <TableCell>{until(text, shift.end)}</TableCell>
                  <TableCell>
                    {shift.scheduleUrl ? (
                      <Link to={shift.scheduleUrl}>{shift.scheduleName}</Link>
                    ) : (
                      shift.scheduleName ?? ''
                    )}
                  </TableCell>
                </TableRow>
              ))
          )}
        </TableBody>
      </Table>
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
