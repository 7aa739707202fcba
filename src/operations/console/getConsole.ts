import type { Handler } from '../handler.js';
import { consoleOff, consolePage } from './files.js';

export const getConsole: Handler<'getConsole'> = (_input, { services }) =>
  services.config.console ? { status: 200, body: consolePage() } : consoleOff();
