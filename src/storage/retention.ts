// Retention: audit entries and login records older than their security setting (auditRetentionDays,
// loginRecordRetentionDays; 0 keeps them), and sessions and access tokens once expired, are removed about once a minute, in batches of a few hundred rows with
// the event loop free between them, so that pruning a large backlog never holds a request for long. Every
// instance prunes; a batch another instance already removed costs one small read.
import type { FastifyBaseLogger } from 'fastify';
import type { Repositories } from './repositories/index.js';

const batch = 500;
/** Batches in one pass: a backlog of 100,000 rows a minute at most, the rest next minute. */
const batchesPerPass = 200;
const everyMs = 60_000;

type RetentionServices = Pick<Repositories, 'settings' | 'audit' | 'loginRecords' | 'sessions' | 'accessTokens'>;

/** One pass: what was removed from each table. */
export async function prune(
  services: RetentionServices,
  now = Date.now(),
): Promise<{ audit: number; loginRecords: number; sessions: number; accessTokens: number }> {
  const settings = await services.settings.security();
  const removed = { audit: 0, loginRecords: 0, sessions: 0, accessTokens: 0 };
  // Before `days` ago; nothing when the setting keeps everything (0).
  const before = (days: number) => (days > 0 ? new Date(now - days * 86_400_000).toISOString() : undefined);
  const tables = [
    ['audit', services.audit, before(settings.auditRetentionDays)],
    ['loginRecords', services.loginRecords, before(settings.loginRecordRetentionDays)],
    // An expired session or access token serves nothing: it goes at once.
    ['sessions', services.sessions, new Date(now).toISOString()],
    ['accessTokens', services.accessTokens, new Date(now).toISOString()],
  ] as const;
  for (const [name, repository, cutoff] of tables) {
    if (!cutoff) continue;
    for (let pass = 0; pass < batchesPerPass; pass++) {
      const n = await repository.prune(cutoff, batch);
      removed[name] += n;
      if (n < batch) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return removed;
}

/** Prunes every minute until the answered function stops it. */
export function startRetention(services: RetentionServices, log: FastifyBaseLogger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = prune(services).then(
      (removed) => Object.values(removed).some((n) => n > 0) && log.info({ removed }, 'retention: old entries removed'),
      (error: { name?: string; code?: string }) =>
        log.warn({ err: { type: error.name, code: error.code } }, 'retention: pass failed'),
    );
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
