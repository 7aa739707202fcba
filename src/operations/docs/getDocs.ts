import type { Handler } from '../handler.js';
import { docsPage } from './files.js';
import { docsOff } from './origin.js';

export const getDocs: Handler<'getDocs'> = (_input, { services }) =>
  services.config.docs ? { status: 200, body: docsPage() } : docsOff();
