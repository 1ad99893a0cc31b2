import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, ScenarioError } from './scenario/load';
import { createSimulator } from './server';

// `npm run simulator`: serve examples/scenario.yaml on 127.0.0.1:7081 (SIMULATOR_PORT, OPSFOLIO_SCENARIO).

const DEFAULT_SCENARIO = fileURLToPath(new URL('../../../examples/scenario.yaml', import.meta.url));
const HOST = '127.0.0.1';

function main(): void {
  const scenarioPath = process.env.OPSFOLIO_SCENARIO ? resolve(process.env.OPSFOLIO_SCENARIO) : DEFAULT_SCENARIO;
  const port = Number(process.env.SIMULATOR_PORT ?? 7081);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`SIMULATOR_PORT must be a port number, got "${process.env.SIMULATOR_PORT}"`);
    process.exit(1);
  }

  let scenario;
  try {
    scenario = loadScenario(scenarioPath);
  } catch (error) {
    console.error(error instanceof ScenarioError ? error.message : error);
    process.exit(1);
  }

  const server = createSimulator({ scenario }).listen(port, HOST, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    console.log(
      `opsfolio simulator listening on http://${HOST}:${actualPort} ` +
        `(${Object.keys(scenario.components).length} components from ${scenarioPath}, seed ${scenario.seed})`,
    );
  });
  server.on('error', (error) => {
    console.error(`simulator could not listen on ${HOST}:${port}: ${error.message}`);
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

main();
