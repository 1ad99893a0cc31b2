import { getCompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATIONS, type TeamOnCallService } from '@opsfolio/backstage-plugin-common';
import { Fragment, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { hours, onCallWarnings, until } from './formatOnCall';
import { ProblemText } from '../components/ProblemText';
import { Cell, type ColumnConfig, Text } from '@backstage/ui';
import { OpsfolioCard } from '../components/OpsfolioCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OpsfolioTable } from '../components/OpsfolioTable';

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

type ServiceRow = TeamOnCallService & { id: string };

/** Each service with who answers now, open incidents, MTTA and what is wrong with its paging path. */
function ServicesTable(props: { services: TeamOnCallService[]; showOwner: boolean }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { showOwner } = props;
  const rows = useMemo(() => props.services.map(s => ({ ...s, id: s.entityRef })), [props.services]);
  const columns = useMemo((): ColumnConfig<ServiceRow>[] => {
    const warningsOf = (service: ServiceRow) =>
      service.sources.flatMap((answer, i) => onCallWarnings(text, answer, i === 0 ? service.drift : undefined));
    return [
      {
        id: 'service',
        label: t('oncall.team.column.service'),
        isRowHeader: true,
        cell: service => (
          <Cell textValue={service.title ?? parseEntityRef(service.entityRef).name}>
            <EntityRefLink entityRef={service.entityRef} title={service.title} />
            {showOwner && (
              <Text as="p" variant="body-small" color="secondary">
                {parseEntityRef(service.ownerRef).name}
              </Text>
            )}
          </Cell>
        ),
      },
      {
        id: 'onCallNow',
        label: t('oncall.team.column.onCallNow'),
        cell: service => (
          <Cell>
            <Responders service={service} />
          </Cell>
        ),
      },
      {
        id: 'openIncidents',
        label: t('oncall.team.column.openIncidents'),
        cell: service => <Cell>{format.number(service.responseTimes30d.open)}</Cell>,
      },
      {
        id: 'mtta',
        label: t('oncall.team.column.mtta'),
        cell: service => {
          const mtta = service.responseTimes30d.mtta.hours;
          return <Cell>{mtta === null ? '–' : hours(text, mtta)}</Cell>;
        },
      },
      {
        id: 'warnings',
        label: t('oncall.team.column.warnings'),
        cell: service => {
          const warnings = warningsOf(service);
          return (
            <Cell>
              {warnings.length === 0
                ? service.sources.length
                  ? t('oncall.team.noWarnings')
                  : ''
                : warnings.map(w => (
                    <ProblemText key={w} data-testid="opsfolio-team-oncall-warning">
                      {w}
                    </ProblemText>
                  ))}
            </Cell>
          );
        },
      },
    ];
  }, [text, t, format, showOwner]);
  return (
    <OpsfolioTable
      columnConfig={columns}
      data={rows}
      rowAttributes={() => ({ 'data-testid': 'opsfolio-team-oncall-row' })}
    />
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
        <ServicesTable services={services} showOwner={value!.groupRefs.length > 1} />
      </>
    );
  }
  return (
    <OpsfolioCard title={t('oncall.team.title')}>
      <div data-testid="opsfolio-card-team-oncall">{body}</div>
    </OpsfolioCard>
  );
}
