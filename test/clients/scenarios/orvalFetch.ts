// The fetch function orval's generated client calls (its `mutator`), as orval documents for a custom fetch: the
// base URL and the checking fetch come from the scenario, and each answer is read by its content type (orval's
// own fetch client parses every body as JSON, so metrics, YAML and HTML would throw).
let context: { base: string; fetch: typeof globalThis.fetch } | undefined;

export const useServer = (base: string, fetch: typeof globalThis.fetch): void => {
  context = { base, fetch };
};

export const orvalFetch = async <T>(url: string, init: RequestInit): Promise<T> => {
  if (!context) throw new Error('useServer first');
  const response = await context.fetch(new URL(url, context.base), init);
  const text = [204, 205, 304].includes(response.status) ? '' : await response.text();
  const json = (response.headers.get('content-type') ?? '').startsWith('application/json');
  const data: unknown = json && text ? JSON.parse(text) : text;
  return { data, status: response.status, headers: response.headers } as T;
};
