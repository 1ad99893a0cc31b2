import { catalogFactProvider } from './catalogFacts';
import { component, NOW, readable } from './factTestKit';

const factsOf = async (subject: ReturnType<typeof component>) =>
  readable((await catalogFactProvider.collect([subject], { asOf: NOW })).get(subject.entityRef));

describe('catalog facts', () => {
  it('reads description, system, lifecycle and tier as written, trimmed', async () => {
    const facts = await factsOf(
      component('payments-api', {
        description: '  Takes card payments ',
        spec: { system: 'payments', lifecycle: 'production' },
        annotations: { 'opsfolio.io/tier': '1' },
      }),
    );
    expect(facts).toMatchObject({
      'catalog.description': 'Takes card payments',
      'catalog.system': 'payments',
      'catalog.lifecycle': 'production',
      'catalog.tier': '1',
    });
  });

  it('reads a missing or blank description, system, lifecycle or tier as none, not as an empty string', async () => {
    const facts = await factsOf(
      component('bare', { description: '   ', spec: { lifecycle: '', system: undefined }, annotations: { 'opsfolio.io/tier': ' ' } }),
    );
    expect(facts).toMatchObject({ 'catalog.description': null, 'catalog.system': null, 'catalog.lifecycle': null, 'catalog.tier': null });
  });

  it('finds a runbook and a dashboard only by link type, whatever its case', async () => {
    const facts = await factsOf(
      component('payments-api', {
        links: [
          { url: 'https://wiki.example.com/payments/runbook', type: 'Runbook' },
          // Titled like a dashboard but typed otherwise: not a dashboard link.
          { url: 'https://grafana.example.com/d/payments', type: 'grafana' },
        ],
      }),
    );
    expect(facts).toMatchObject({ 'catalog.runbook': true, 'catalog.dashboard': false });
  });

  it('does not count a runbook link without a URL', async () => {
    const facts = await factsOf(component('payments-api', { links: [{ url: '', type: 'runbook' }, { url: 'https://grafana.example.com/d/p', type: 'dashboard' }] }));
    expect(facts).toMatchObject({ 'catalog.runbook': false, 'catalog.dashboard': true });
  });

  it('reports TechDocs when the techdocs-ref annotation is set, and not when it is blank', async () => {
    const withDocs = await factsOf(component('a', { annotations: { 'backstage.io/techdocs-ref': 'dir:.' } }));
    const blank = await factsOf(component('b', { annotations: { 'backstage.io/techdocs-ref': '' } }));
    const none = await factsOf(component('c'));
    expect([withDocs['catalog.techdocs'], blank['catalog.techdocs'], none['catalog.techdocs']]).toEqual([true, false, false]);
  });

  it('answers every entity it is given, with values that never go stale', async () => {
    const subjects = [component('a'), component('b')];
    const result = await catalogFactProvider.collect(subjects, { asOf: NOW });
    expect([...result.keys()]).toEqual(['component:default/a', 'component:default/b']);
    for (const answer of Object.values(result.get('component:default/a')!)) {
      expect(answer).not.toHaveProperty('observedAt');
      expect(answer).not.toHaveProperty('maxAgeMs');
    }
  });
});
