// What each scenario is given: the server's base URL, a fetch that checks every answer against openapi.yaml (the
// shared helper) and records the operation it answered, and the administrator's credentials.
export interface Context {
  base: string;
  fetch: typeof globalThis.fetch;
  admin: { username: string; password: string };
}

export type Run = (context: Context) => Promise<void>;
