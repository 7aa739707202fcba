import { AccessTokenRefused, issueAccessToken } from '../../accounts/accessTokens.js';
import { fail } from '../envelope.js';
import type { Handler } from '../handler.js';
import { presentAccessToken } from '../present.js';

export const createAccessToken: Handler<'createAccessToken'> = async ({ body }, context) => {
  try {
    const { row, secret } = await issueAccessToken(context.services, context.caller, body, (...entry) =>
      context.audit(...entry),
    );
    return {
      status: 201,
      body: { errCode: 0, data: { accessToken: presentAccessToken(row), secret }, errMsg: 'access token created' },
    };
  } catch (error) {
    if (error instanceof AccessTokenRefused) return fail(error.reason, error.message);
    throw error;
  }
};
