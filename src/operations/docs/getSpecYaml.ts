import type { Handler } from '../handler.js';
import { specYaml } from './files.js';
import { docsOff, originOf } from './origin.js';

export const getSpecYaml: Handler<'getSpecYaml'> = async (_input, { services, request }) =>
  services.config.docs ? { status: 200, body: await specYaml(originOf(request)) } : docsOff();
