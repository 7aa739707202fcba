// Who is calling: a token from header `token`, `Authorization: Bearer` or query `token` → a live, enabled user.
import type { FastifyRequest } from 'fastify';
import { ApiError } from './envelope.js';
import type { UsersRepository, UserWithRole } from './repositories/users.js';
import type { TokenClaims } from './services.js';

function extractToken(request: FastifyRequest): string | undefined {
  const header = request.headers.token;
  if (typeof header === 'string' && header) return header;
  const authorization = request.headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const query = (request.query as Record<string, unknown>).token;
  return typeof query === 'string' && query ? query : undefined;
}

export function createAuthenticator(verify: (token: string) => Partial<TokenClaims>, users: UsersRepository) {
  return async function authenticate(request: FastifyRequest): Promise<UserWithRole> {
    const token = extractToken(request);
    if (!token) throw new ApiError('unauthorized');
    let claims: Partial<TokenClaims>;
    try {
      claims = verify(token);
    } catch {
      throw new ApiError('unauthorized');
    }
    if (!Number.isSafeInteger(claims.user_id)) throw new ApiError('unauthorized');
    const user = await users.findById(claims.user_id as number);
    if (!user || user.status !== 1) throw new ApiError('unauthorized');
    return user;
  };
}
