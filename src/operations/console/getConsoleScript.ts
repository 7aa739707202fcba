import type { Handler } from '../handler.js';
import { consoleFile, consoleOff } from './files.js';

export const getConsoleScript: Handler<'getConsoleScript'> = (_input, { services }) =>
  services.config.console ? consoleFile('console/console.js', 'text/javascript') : consoleOff();
