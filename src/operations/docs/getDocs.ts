import { docsPage } from '../../docs.js';
import type { Handler } from '../types.js';
import { docsOff } from './origin.js';

export const getDocs: Handler<'getDocs'> = (_input, { services }) => (services.config.docs ? { status: 200, body: docsPage() } : docsOff());
