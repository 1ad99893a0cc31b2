import { hashString } from '../../random';
import type { Scenario } from '../../scenario/schema';

// Deploy ids: like GitHub's, global and growing with time. id = seconds since 2020 × K + the component's
// slot, so ids never collide across components (each component's deploys start in distinct seconds) and
// a component keeps its slot when others are added (hash, then the next free slot, in name order).

const ID_EPOCH_S = Date.UTC(2020, 0, 1) / 1000;

interface Slots {
  k: number;
  slots: Map<string, number>;
}

const cache = new WeakMap<Scenario, Slots>();

function slotsOf(scenario: Scenario): Slots {
  let slots = cache.get(scenario);
  if (slots) return slots;
  const names = Object.keys(scenario.components)
    .filter((name) => scenario.components[name]!.deploys !== undefined)
    .sort();
  let k = 32;
  while (k < names.length) k *= 2;
  const taken = new Set<number>();
  const map = new Map<string, number>();
  for (const name of names) {
    let slot = hashString(name) % k;
    while (taken.has(slot)) slot = (slot + 1) % k;
    taken.add(slot);
    map.set(name, slot);
  }
  slots = { k, slots: map };
  cache.set(scenario, slots);
  return slots;
}

export function deployIdFor(scenario: Scenario, component: string, createdAtMs: number): number {
  const { k, slots } = slotsOf(scenario);
  return (Math.floor(createdAtMs / 1000) - ID_EPOCH_S) * k + slots.get(component)!;
}
