import { type Handler, ok } from '../handler.js';

export const ping: Handler<'ping'> = () => ok('pong');
