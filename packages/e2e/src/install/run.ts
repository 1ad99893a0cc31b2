import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS } from './paths';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The log file under test-results/install that gets the command's output. */
  log: string;
}

/** Runs a command to completion; its output goes to the log, and a failure throws with the log's tail. */
export function run(command: string, args: string[], options: RunOptions): Promise<string> {
  const logFile = join(RESULTS, options.log);
  appendFileSync(logFile, `\n$ (cd ${options.cwd} && ${command} ${args.join(' ')})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      appendFileSync(logFile, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code} (log: ${logFile})\n${output.slice(-4000)}`));
    });
  });
}

/** Starts a long-running process whose output goes to the log; stop() ends it and what it started. */
export function start(command: string, args: string[], options: RunOptions): { child: ChildProcess; stop(): Promise<void> } {
  const logFile = join(RESULTS, options.log);
  writeFileSync(logFile, `$ (cd ${options.cwd} && ${command} ${args.join(' ')})\n`);
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true });
  child.stdout?.on('data', chunk => appendFileSync(logFile, chunk));
  child.stderr?.on('data', chunk => appendFileSync(logFile, chunk));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  return {
    child,
    async stop() {
      signal('SIGTERM');
      for (let i = 0; i < 20 && child.exitCode === null && child.signalCode === null; i++) {
        await new Promise(resolve => setTimeout(resolve, 500));
      }
      signal('SIGKILL');
    },
  };
}

/** Waits until the URL answers 2xx, failing early when the process serving it has exited. */
export async function waitForUrl(url: string, timeoutMs: number, server?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && (server.exitCode !== null || server.signalCode !== null)) {
      throw new Error(`the process serving ${url} exited with ${server.exitCode ?? server.signalCode}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer in ${timeoutMs / 1000} s`);
}
