import { serviceSchema } from './schemas';

describe('PagerDuty service schema', () => {
  it('keeps a bare escalation policy reference a reference, so the policy is fetched rather than read as having no levels', () => {
    const service = serviceSchema.parse({
      id: 'PSVC',
      name: 'Svc',
      escalation_policy: { id: 'PEP', type: 'escalation_policy_reference', summary: 'Ops' },
    });
    expect('escalation_rules' in service.escalation_policy).toBe(false);
    const full = serviceSchema.parse({
      id: 'PSVC',
      name: 'Svc',
      escalation_policy: { id: 'PEP', name: 'Ops', escalation_rules: [{ targets: [{ id: 'PU1', type: 'user_reference' }] }] },
    });
    expect('escalation_rules' in full.escalation_policy && full.escalation_policy.escalation_rules).toHaveLength(1);
  });
});
