import type { Handler } from '../handler.js';
import { docsFile } from './files.js';
import { docsOff } from './origin.js';

export const getDocsStyle: Handler<'getDocsStyle'> = (_input, { services }) =>
  services.config.docs ? docsFile('swagger-ui.css') : docsOff();
