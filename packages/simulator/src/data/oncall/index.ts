// The on-call and incident model: who is set up to be paged for what (directory), when each person is on
// call (rotation), who is on call at every level (oncalls), and the incidents (incidents). Vendor-neutral:
// the PagerDuty and Opsgenie routes render it.

export { componentOnCall,  oncallDirectory } from './directory';
export {
  findIncident,
  incidentHistory,
  vendorIncidents,
  type Incident,
  type IncidentEvent,
  type IncidentStatus,
  
  
} from './incidents';
export { policyOnCalls, respondersAt } from './oncalls';
export {
  clipShifts,
  coveragePercent,
  finalShifts,
  gapWindows,
  onCallAt,
  
  
  rotationTurns,
  
  turnStart,
} from './rotation';
export type {
  ComponentOnCall,
  EscalationLevel,
  EscalationPolicy,
  EscalationTarget,
  OnCallDirectory,
  OnCallEntry,
  OnCallUser,
  OpsgenieTeam,
  PagerDutyIntegration,
  PagerDutyService,
  Rotation,
  Shift,
} from './types';
