import { getCompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { ANNOTATIONS, type TeamOnCallService } from '@opsfolio/backstage-plugin-common';
import { Fragment } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { hours, onCallWarnings, until } from './formatOnCall';
import { ProblemText } from '../components/ProblemText';
import { Text } from '@backstage/ui';
import { PaletteScope } from '../components/PaletteScope';
import { useOpsfolioText } from '../translation/useOpsfolioText';

const ON_CALL_ANNOTATIONS = [
  ANNOTATIONS.pagerdutyServiceId,
  ANNOTATIONS.pagerdutyIntegrationKey,
  ANNOTATIONS.opsgenieTeam,
];

/** Level 1 now, with who backs them up: the first thing a manager checks is that someone answers. */
function Responders(props: { service: TeamOnCallService }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { service } = props;
  if (service.sources.length === 0)
    return (
      <Text as="p" color="secondary">
        {t('oncall.team.notMapped')}
      </Text>
    );
  return (
    <>
      {service.sources.map(answer => {
        const onCall = answer.onCall;
        if (!onCall)
          return (
            <ProblemText key={answer.source}>
              {t('oncall.team.sourceProblem', {
                source: answer.source,
                problem: answer.error ?? t('oncall.team.noData'),
              })}
            </ProblemText>
          );
        const levels = [...new Set(onCall.shifts.map(s => s.level))].sort((a, b) => a - b);
        return (
          <div key={answer.source}>
            {levels.map(level => (
              <Text as="p" key={level} data-testid={`opsfolio-team-oncall-level-${level}`}>
                {t('oncall.team.level', {
                  level: format.number(level),
                  people: onCall.shifts
                    .filter(s => s.level === level)
                    .map(s => t('oncall.shift.person', { name: s.person.name, until: until(text, s.end) }))
                    .join(', '),
                })}
              </Text>
            ))}
            {answer.stale && (
              <ProblemText small>
                {t('oncall.team.unreachable', { source: answer.source, age: format.age(onCall.readAt) })}
              </ProblemText>
            )}
          </div>
        );
      })}
    </>
  );
}

function ServiceRow(props: { service: TeamOnCallService; showOwner: boolean }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { service } = props;
  const warnings = service.sources.flatMap((answer, i) =>
    onCallWarnings(text, answer, i === 0 ? service.drift : undefined)
  );
  const times = service.responseTimes30d;
  return (
    <TableRow data-testid="opsfolio-team-oncall-row">
      <TableCell>
        <EntityRefLink entityRef={service.entityRef} title={service.title} />
        {props.showOwner && (
          <Text as="p" variant="body-small" color="secondary">
            {parseEntityRef(service.ownerRef).name}
          </Text>
        )}
      </TableCell>
      <TableCell>
        <Responders service={service} />
      </TableCell>
      <TableCell>{format.number(times.open)}</TableCell>
      <TableCell>{times.mtta.hours === null ? '–' : hours(text, times.mtta.hours)}</TableCell>
      <TableCell>
        {warnings.length === 0
          ? service.sources.length
            ? t('oncall.team.noWarnings')
            : ''
          : warnings.map(w => (
              <ProblemText key={w} data-testid="opsfolio-team-oncall-warning">
                {w}
              </ProblemText>
            ))}
      </TableCell>
    </TableRow>
  );
}

/** On a Group page: every service the team and its sub-teams own, who answers for each now, and what is wrong. */
export function EntityTeamOnCallCard() {
  const { t } = useOpsfolioText();
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(() => api.getTeamOnCall(ref), [api, ref.kind, ref.namespace, ref.name]);
  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value!.services.length === 0) {
    body = (
      <PillarEmptyState title={t('oncall.team.emptyTitle')}>
        {t('oncall.team.emptyBody', { field: <code>spec.owner</code> })}
      </PillarEmptyState>
    );
  } else {
    const services = value!.services;
    const unmapped = services.filter(s => s.sources.length === 0).length;
    body = (
      <>
        <Text as="p" style={{ marginBottom: 'var(--bui-space-2)' }}>
          {unmapped > 0
            ? t('oncall.team.rotasUnmapped', {
                count: services.length,
                mapped: services.length - unmapped,
                annotations: (
                  <>
                    {ON_CALL_ANNOTATIONS.map((a, i) => (
                      <Fragment key={a}>
                        {i > 0 && t('oncall.team.or')}
                        <code>{a}</code>
                      </Fragment>
                    ))}
                  </>
                ),
              })
            : t('oncall.team.rotas', { count: services.length, mapped: services.length - unmapped })}
        </Text>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('oncall.team.column.service')}</TableCell>
              <TableCell>{t('oncall.team.column.onCallNow')}</TableCell>
              <TableCell>{t('oncall.team.column.openIncidents')}</TableCell>
              <TableCell>{t('oncall.team.column.mtta')}</TableCell>
              <TableCell>{t('oncall.team.column.warnings')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {services.map(service => (
              <ServiceRow key={service.entityRef} service={service} showOwner={value!.groupRefs.length > 1} />
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return (
    <PaletteScope>
      <InfoCard title={t('oncall.team.title')} variant="gridItem">
        <div data-testid="opsfolio-card-team-oncall">{body}</div>
      </InfoCard>
    </PaletteScope>
  );
}
