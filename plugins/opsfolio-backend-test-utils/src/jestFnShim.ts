/**
 * Backstage's test utilities call the global jest.fn(); test runners provide one, a benchmark run with tsx
 * does not. This minimal stand-in lets `startOpsfolioTestBackend` run anywhere.
 */
export function installJestFnShim(): void {
  const fn = (impl?: (...args: unknown[]) => unknown) => {
    let implementation = impl;
    const mock = { calls: [] as unknown[][], results: [] as unknown[] };
    const spy = Object.assign(
      (...args: unknown[]) => {
        mock.calls.push(args);
        const result = implementation?.(...args);
        mock.results.push(result);
        return result;
      },
      {
        mock,
        mockImplementation(next: (...args: unknown[]) => unknown) {
          implementation = next;
          return spy;
        },
      },
    );
    return spy;
  };
  (globalThis as { jest?: unknown }).jest ??= { fn };
}
