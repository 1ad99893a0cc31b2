import type { SimulatorContext } from '../context';
import { createAwsVendor } from './aws';
import { createGithubVendor } from './github';
import { createGitlabVendor } from './gitlab';
import { createOpsgenieVendor } from './opsgenie';
import { createPagerDutyVendor } from './pagerduty';
import type { Vendor } from './types';

export {  type Vendor,  } from './types';

export function createVendors(ctx: SimulatorContext): Vendor[] {
  return [
    createGithubVendor(ctx),
    createGitlabVendor(ctx),
    createPagerDutyVendor(ctx),
    createOpsgenieVendor(ctx),
    createAwsVendor(ctx),
  ];
}
