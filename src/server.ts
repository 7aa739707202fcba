// Entry point (`npm start`, `cms serve`): read the environment, build the app, listen, drain on SIGTERM.
import './perf/tickShape.js';
import './accounts/threadPool.js';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app.js';
import { bundled } from './assets.js';
import { ConfigError, loadConfig } from './config.js';

const drainSeconds = 8;

export async function serve(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining');
    // Requests still running after the grace period are cut off so the process always exits.
    const force = setTimeout(() => app.server.closeAllConnections(), drainSeconds * 1000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** One line on standard error, never a stack, then exit 1. */
export function startUpFailed(error: unknown): never {
  const message = error instanceof ConfigError ? error.message : `start-up failed: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// Run as the entry (npm start); in the build, cms.js is the CLI and `cms serve` calls serve().
if (!bundled && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) serve().catch(startUpFailed);
