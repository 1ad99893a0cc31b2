import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://localhost:7007';
export const SIMULATOR_URL = 'http://127.0.0.1:7081';
const REPO_ROOT = new URL('../../../', import.meta.url).pathname;

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function waitFor(url: string, deadline: number, demo: ChildProcess) {
  while (Date.now() < deadline) {
    if (demo.exitCode !== null) throw new Error(`npm start exited with ${demo.exitCode} before ${url} answered`);
    if (await answers(url)) return;
    await sleep(1000);
  }
  throw new Error(`${url} did not answer in time`);
}

/** Signals npm start and everything it started (it runs in its own process group). */
function signalGroup(demo: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-demo.pid!, signal);
  } catch {
    // the group has already exited
  }
}

/**
 * Starts the demo exactly as the README says (`npm start`) and stops the whole process group after. `env` adds
 * variables, e.g. Backstage's `APP_CONFIG_*` overrides of app-config.yaml.
 */
export async function startDemo(
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ stop(): Promise<void>; output(): string }> {
  const timeoutMs = options.timeoutMs ?? 540_000;
  for (const url of [`${APP_URL}`, `${BACKEND_URL}/api/opsfolio/health`, `${SIMULATOR_URL}/_control/health`]) {
    if (await answers(url)) throw new Error(`${url} already answers: stop the running demo before the browser test`);
  }
  let output = '';
  // As a user's shell would: vitest's NODE_ENV=test would change how the app is bundled and the backend runs.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
  );
  const demo = spawn('npm', ['start'], { cwd: REPO_ROOT, detached: true, env: { ...env, ...options.env, BROWSER: 'none' } });
  demo.stdout?.on('data', d => (output = (output + d).slice(-20_000)));
  demo.stderr?.on('data', d => (output = (output + d).slice(-20_000)));
  const deadline = Date.now() + timeoutMs;
  try {
    await waitFor(`${SIMULATOR_URL}/_control/health`, deadline, demo);
    await waitFor(`${BACKEND_URL}/api/opsfolio/health`, deadline, demo);
    await waitFor(APP_URL, deadline, demo);
  } catch (error) {
    signalGroup(demo, 'SIGKILL');
    throw new Error(`${(error as Error).message}\n--- demo output ---\n${output}`);
  }
  return {
    output: () => output,
    async stop() {
      signalGroup(demo, 'SIGTERM');
      for (let i = 0; i < 20 && demo.exitCode === null; i++) await sleep(500);
      signalGroup(demo, 'SIGKILL');
    },
  };
}
