import { ok, type Handler } from '../handler.js';

export const ping: Handler<'ping'> = () => ok('pong');
