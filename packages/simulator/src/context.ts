import type { Scenario } from './scenario/schema';

/** What every vendor needs: the scenario and the clock all generated data is relative to. */
export interface SimulatorContext {
  scenario: Scenario;
  now: () => Date;
}
