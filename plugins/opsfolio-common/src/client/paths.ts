import type { CompoundEntityRef } from '@backstage/catalog-model';
import { refKey } from '../refs';

/** `/entities/{kind}/{namespace}/{name}`, lower-cased as the backend keys entities, each part URL-encoded. */
export const entityPath = (e: CompoundEntityRef): string =>
  `/entities/${[e.kind, e.namespace, e.name].map(s => encodeURIComponent(refKey(s))).join('/')}`;

/** `/groups/{namespace}/{name}`, as {@link entityPath}. */
export const groupPath = (g: CompoundEntityRef): string =>
  `/groups/${[g.namespace, g.name].map(s => encodeURIComponent(refKey(s))).join('/')}`;

/** `?key=value&…` of the values given, in the object's order; `undefined` and `''` are left out. */
export const queryString = (query: object): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `?${search}` : '';
};
