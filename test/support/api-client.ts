// biome-ignore-all lint/suspicious/noExplicitAny: a test reads JSON bodies through its assertions, which check their shape.
import type { TestContext } from './test-app.ts';

export type ApiResponse<T = any> = { status: number; body: T; headers: Record<string, unknown> };

/** A tiny JSON client over app.inject(), bound to one user's session headers. */
export const apiAs = (ctx: TestContext, headers: Record<string, string> = {}) => {
  const call = async <T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> => {
    const response = await ctx.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...headers, ...extraHeaders },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const body =
      response.body && response.headers['content-type']?.toString().includes('json')
        ? response.json()
        : response.body;
    return { status: response.statusCode, body: body as T, headers: response.headers };
  };
  return {
    get: <T = any>(url: string) => call<T>('GET', url),
    post: <T = any>(url: string, payload?: unknown, extra?: Record<string, string>) =>
      call<T>('POST', url, payload ?? {}, extra),
    patch: <T = any>(url: string, payload: unknown) => call<T>('PATCH', url, payload),
    put: <T = any>(url: string, payload: unknown) => call<T>('PUT', url, payload),
    delete: <T = any>(url: string) => call<T>('DELETE', url),
    /** A binary answer (a PDF, a logo): its status, headers and exact bytes. */
    download: async (url: string) => {
      const response = await ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
      return {
        status: response.statusCode,
        headers: response.headers,
        bytes: new Uint8Array(response.rawPayload),
      };
    },
  };
};

export type Api = ReturnType<typeof apiAs>;
