import { type Handler, ok } from '../handler.js';

export const getAddress: Handler<'getAddress'> = (_input, { request }) => {
  const { socket } = request.raw;
  // Behind a trusted proxy request.ip is the forwarded client, whose port the proxy does not pass on.
  const port = request.ip === socket.remoteAddress ? (socket.remotePort ?? 0) : 0;
  const host = request.ip.includes(':') ? `[${request.ip}]` : request.ip;
  return ok(`${host}:${port}`);
};
