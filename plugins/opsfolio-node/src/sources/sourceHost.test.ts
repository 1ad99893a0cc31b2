import type { SourceEntity } from './context';
import { sourceHostOf } from './sourceHost';

const entity = (location?: string): SourceEntity => ({
  entityRef: 'component:default/a',
  annotations: location ? { 'backstage.io/source-location': location } : {},
});

describe('sourceHostOf', () => {
  const known = (host: string) => host === 'ghe.example.com';
  it('takes the source location host when an integration exists for it', () => {
    expect(sourceHostOf(entity('url:https://ghe.example.com/acme/a/tree/main/'), known, 'github.com')).toBe('ghe.example.com');
  });
  it('falls back for unknown hosts, non-URLs and entities without a location', () => {
    expect(sourceHostOf(entity('url:https://other.example.com/acme/a'), known, 'github.com')).toBe('github.com');
    expect(sourceHostOf(entity('not a url'), known, 'github.com')).toBe('github.com');
    expect(sourceHostOf(entity(), known, 'github.com')).toBe('github.com');
  });
});
