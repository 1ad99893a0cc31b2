/**
 * One value per key, loaded again once its `version` moves (another replica stored something) or it is older than
 * `ttlMs`; while it loads again, the value before answers, so no request waits for a reload but the very first.
 * A different `variant` of a key (a changed definition, a new day) is never answered with the old value.
 */
export class StaleWhileReload<V> {
  private entries = new Map<
    string,
    { variant: string; version: string; at: number; value: Promise<V>; reloading?: boolean }
  >();

  constructor(private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  get(
    key: string,
    { variant = '', version }: { variant?: string; version: string },
    load: () => Promise<V>
  ): Promise<V> {
    const old = this.entries.get(key);
    const same = old?.variant === variant;
    if (old && same && ((old.version === version && this.now() - old.at < this.ttlMs) || old.reloading))
      return old.value;
    const value = load();
    const entry = { variant, version, at: this.now(), value };
    if (!old || !same) {
      this.entries.set(key, entry);
      value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
      return value;
    }
    old.reloading = true;
    value.then(
      () => this.entries.set(key, entry),
      () => {
        old.reloading = false;
      }
    );
    return old.value;
  }
}
