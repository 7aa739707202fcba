import { ok, type Handler } from '../types.js';

export const ping: Handler<'ping'> = () => ok('pong');
