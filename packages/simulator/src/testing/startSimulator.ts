import type { AddressInfo } from 'node:net';
import type { LoggedRequest } from '../control/requestLog';
import type { FaultRule } from '../control/faultRule';
import type { VendorName } from '../vendors/types';
import { createSimulator, type SimulatorOptions } from '../server';

/** A listening simulator and its control API, for other packages' tests and benchmarks. */
export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:41234`; vendors live under their prefixes (`/github`, `/gitlab/api/v4`, ...). */
  url: string;
  requests(vendor: VendorName): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  addFault(rule: Partial<FaultRule> & { vendor: VendorName; path: string }): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the simulator on a free loopback port. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const server = createSimulator(options).listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const control = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${url}/_control${path}`, init);
    if (!res.ok) throw new Error(`simulator control ${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  return {
    url,
    requests: async vendor => (await (await control(`/requests?vendor=${vendor}`)).json()).requests,
    clearRequests: async () => void (await control('/requests', { method: 'DELETE' })),
    addFault: async rule =>
      void (await control('/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rule),
      })),
    clearFaults: async () => void (await control('/faults', { method: 'DELETE' })),
    close: () => new Promise<void>((resolve, reject) => server.close(e => (e ? reject(e) : resolve()))),
  };
}
