import { entityRefKey, isKind, refKey, resolveRefKey } from './refs';

describe('entity ref keys', () => {
  it('spells one entity one way, whatever the case it was written in', () => {
    expect(refKey('Component:default/Payments-API')).toBe('component:default/payments-api');
    expect(entityRefKey({ kind: 'Component', metadata: { name: 'Payments-API' } })).toBe('component:default/payments-api');
    expect(entityRefKey({ kind: 'Group', metadata: { namespace: 'Ops', name: 'SRE' } })).toBe('group:ops/sre');
    expect(entityRefKey({ kind: 'group', namespace: 'default', name: 'Payments' })).toBe('group:default/payments');
  });

  it('compares kinds case-insensitively', () => {
    expect(isKind('Component', 'component')).toBe(true);
    expect(isKind('API', 'component')).toBe(false);
  });

  it('resolves short refs with the defaults the catalog uses', () => {
    expect(resolveRefKey(' Payments ', { defaultKind: 'group' })).toBe('group:default/payments');
    expect(resolveRefKey('user:Ops/Alice', { defaultKind: 'group', defaultNamespace: 'default' })).toBe('user:ops/alice');
    expect(resolveRefKey('checkout', { defaultKind: 'system', defaultNamespace: 'Shop' })).toBe('system:shop/checkout');
    expect(() => resolveRefKey('team:', { defaultKind: 'group' })).toThrow();
  });
});
