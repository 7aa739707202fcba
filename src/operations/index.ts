// operationId → handler. The type demands one handler for every operation in openapi.yaml.
import { getAddress } from './platform/getAddress.js';
import { getMetrics } from './platform/getMetrics.js';
import { ping } from './platform/ping.js';
import { listUsers } from './user/listUsers.js';
import { login } from './user/login.js';
import { register } from './user/register.js';
import type { Handlers } from './types.js';

export const handlers: Handlers = { ping, getAddress, getMetrics, register, login, listUsers };
