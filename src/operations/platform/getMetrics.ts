import type { Handler } from '../handler.js';

export const getMetrics: Handler<'getMetrics'> = async (_input, { services }) => ({
  status: 200,
  body: await services.metrics.metrics(),
  headers: { 'content-type': services.metrics.contentType },
});
