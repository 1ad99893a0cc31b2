import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/** Used when neither `opsfolio.schedule` nor the source's own schedule is set. */
const DEFAULT_SYNC_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

export interface SourceSettings {
  enabled: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Reads the `opsfolio` config block once, so a typo fails at start-up rather than at the first sync. */
export function readSourceSettings(
  config: Config,
): (sourceId: string, pillarDefault?: SchedulerServiceTaskScheduleDefinition) => SourceSettings {
  const root = config.getOptionalConfig('opsfolio');
  const defaultSchedule = root?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(root.getConfig('schedule'))
    : DEFAULT_SYNC_SCHEDULE;
  const sources = root?.getOptionalConfig('sources');
  // A source's own schedule wins; then its pillar's default (cost reads pay per request); then opsfolio.schedule.
  return (sourceId, pillarDefault) => {
    const own = sources?.getOptionalConfig(sourceId);
    return {
      enabled: own?.getOptionalBoolean('enabled') ?? true,
      schedule: own?.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(own.getConfig('schedule'))
        : (pillarDefault ?? defaultSchedule),
    };
  };
}
