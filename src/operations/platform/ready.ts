import { type Handler, ok } from '../handler.js';

// A database that cannot be reached throws; the contract layer answers that 503 (databaseUnavailable).
export const ready: Handler<'ready'> = async (_input, { services }) => {
  await services.health.check();
  return ok({ errCode: 0, data: { database: services.dialect }, errMsg: 'ready' } as const);
};
