import type { SimulatorContext } from '../../context';
import { oncallDirectory, type OpsgenieTeam } from '../../data/oncall';

// Looking things up in the Opsgenie account: by id, or by name (case-insensitively, as Opsgenie does).

export function opsgenieTeams(ctx: SimulatorContext): OpsgenieTeam[] {
  return oncallDirectory(ctx.scenario).opsgenie.teams;
}

function byIdOrName<T>(items: T[], identifier: string, type: string, id: (t: T) => string, name: (t: T) => string): T | undefined {
  if (type === 'id') return items.find((t) => id(t) === identifier);
  const wanted = identifier.toLowerCase();
  return items.find((t) => name(t).toLowerCase() === wanted);
}

export function findTeam(ctx: SimulatorContext, identifier: string, type: string): OpsgenieTeam | undefined {
  return byIdOrName(opsgenieTeams(ctx), identifier, type, (t) => t.id, (t) => t.name);
}

/** The team owning the schedule named by `identifier`. */
export function findScheduleTeam(ctx: SimulatorContext, identifier: string, type: string): OpsgenieTeam | undefined {
  return byIdOrName(opsgenieTeams(ctx), identifier, type, (t) => t.schedule.id, (t) => t.schedule.name);
}

export function findEscalationTeam(ctx: SimulatorContext, identifier: string, type: string): OpsgenieTeam | undefined {
  return byIdOrName(opsgenieTeams(ctx), identifier, type, (t) => t.escalation.id, (t) => t.escalation.name);
}
