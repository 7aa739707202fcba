import type { Handler } from '../handler.js';
import { docsFile } from './files.js';
import { docsOff } from './origin.js';

export const getDocsScript: Handler<'getDocsScript'> = ({ params }, { services }) =>
  services.config.docs ? docsFile(params.script) : docsOff();
