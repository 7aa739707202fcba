import type { Handler } from '../handler.js';
import { consoleFile, consoleOff } from './files.js';

export const getConsoleStyle: Handler<'getConsoleStyle'> = (_input, { services }) =>
  services.config.console ? consoleFile('console/console.css', 'text/css') : consoleOff();
