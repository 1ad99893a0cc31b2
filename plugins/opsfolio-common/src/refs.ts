import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Entity refs compare case-insensitively, as the catalog compares them. `refKey` is the one spelling
 * every store, index, cache key and URL uses, so `Component:default/Payments-API` and
 * `component:default/payments-api` are one entity everywhere. The catalog lower-cases with
 * `toLocaleLowerCase('en-US')`; English has no locale-specific case rules, so `toLowerCase` gives the same
 * string at a hundredth of the cost (it runs for every entity of a bulk evaluation).
 * @internal
 */
export const refKey = (ref: string): string => ref.toLowerCase();

/**
 * The key of an entity, or of a kind, namespace and name: `kind:namespace/name`, the namespace
 * `default` when none is given (as `stringifyEntityRef` writes it), lower-cased.
 * @internal
 */
export function entityRefKey(
  entity: { kind: string; metadata: { namespace?: string; name: string } } | { kind: string; namespace?: string; name: string },
): string {
  const { namespace, name } = 'metadata' in entity ? entity.metadata : entity;
  return refKey(`${entity.kind}:${namespace ?? 'default'}/${name}`);
}

/** Whether a kind is the one named, whatever its case (`Component`, `component`). @internal */
export const isKind = (kind: string, expected: string): boolean => refKey(kind) === refKey(expected);

/**
 * The key of a ref written the short way (`spec.owner: payments`, `spec.system: checkout`), resolved
 * as the catalog resolves it: the kind and namespace given, or the defaults. Throws on a malformed ref.
 * @internal
 */
export function resolveRefKey(ref: string, defaults: { defaultKind: string; defaultNamespace?: string }): string {
  return refKey(stringifyEntityRef(parseEntityRef(ref.trim(), { defaultKind: defaults.defaultKind, defaultNamespace: defaults.defaultNamespace ?? 'default' })));
}
