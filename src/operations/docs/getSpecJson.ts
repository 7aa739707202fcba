import type { Handler } from '../handler.js';
import { specJson } from './files.js';
import { docsOff, originOf } from './origin.js';

export const getSpecJson: Handler<'getSpecJson'> = async (_input, { services, request }) =>
  services.config.docs
    ? {
        status: 200,
        body: (await specJson(originOf(request))) as {
          openapi: '3.0.3';
          info: Record<string, unknown>;
          paths: Record<string, unknown>;
        },
      }
    : docsOff();
