// The dashboard talks to gitstudio through its public API only: GraphQL over fetch for
// queries and mutations, graphql-ws on the same /graphql path for subscriptions, and the
// session REST routes (GET /api/session, POST /logout) for the browser's sign-in, and the
// Studio-compatible model download route (GET /api/model-registry/get-download-uris).
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './gql/graphql';

export interface Session {
  user: string;
  admin: boolean;
  csrfToken: string;
}

let session: Session | null = null;

/** The signed-in user and the CSRF token every POST carries; null when signed out. */
export async function loadSession(): Promise<Session | null> {
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    session = null;
    return null;
  }
  const body = (await response.json()) as { user: string; admin: boolean; csrf_token: string };
  session = { user: body.user, admin: body.admin, csrfToken: body.csrf_token };
  return session;
}

export function currentSession(): Session | null {
  return session;
}

export async function logout(): Promise<void> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session) headers['X-CSRF-Token'] = session.csrfToken;
  await fetch('/logout', { method: 'POST', headers });
  session = null;
}

/** Where the server's sign-in form is, coming back to `next` afterwards. */
export function loginUrl(next: string = location.pathname + location.search): string {
  return '/login?next=' + encodeURIComponent(next);
}

export interface ApiErrorEntry {
  message: string;
  code: string | null;
}

/** A GraphQL answer with errors (or a failed request): codes as the API sends them. */
export class ApiError extends Error {
  readonly errors: ApiErrorEntry[];
  constructor(errors: ApiErrorEntry[]) {
    super(errors.map((e) => e.message).join('; ') || 'request failed');
    this.errors = errors;
  }
  has(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One query or mutation: its data, or an ApiError with every error's code. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
  // A session-cookie POST must prove it comes from this server's pages.
  if (session) headers['X-CSRF-Token'] = session.csrfToken;
  const init: RequestInit = {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: document.toString(), variables }),
    credentials: 'same-origin',
  };
  if (signal) init.signal = signal;
  const response = await fetch('/graphql', init);
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError([{ message: `HTTP ${response.status}`, code: response.status === 401 ? 'UNAUTHENTICATED' : null }]);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => ({ message: e.message, code: e.extensions?.code ?? null })));
  }
  if (body.data == null) throw new ApiError([{ message: `HTTP ${response.status}`, code: null }]);
  return body.data;
}

/** Which version of a model to download: an exact version, the one in a stage, or (neither)
 * the latest registered one, as `dvc artifacts get` asks. */
export type DownloadWhich = { version: string } | { stage: string } | Record<string, never>;

/** The model's files at that version: {path relative to the model's folder: signed URL}.
 * The same public route `dvc artifacts get` calls; a GET, so the session cookie is enough
 * (no CSRF proof: the route changes nothing). The URLs are signed for an hour and carry no
 * credentials. Errors come as the REST routes send them: `{detail, code}`. */
export async function downloadUris(repo: string, name: string, which: DownloadWhich): Promise<Record<string, string>> {
  const q = new URLSearchParams({ repo, name });
  if ('version' in which) q.set('version', which.version);
  else if ('stage' in which) q.set('stage', which.stage);
  const response = await fetch('/api/model-registry/get-download-uris?' + q.toString(), {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([{ message: `HTTP ${response.status}`, code: null }]);
  }
  if (!response.ok) {
    const err = (body ?? {}) as { detail?: unknown; code?: unknown };
    throw new ApiError([
      {
        message: typeof err.detail === 'string' ? err.detail : `HTTP ${response.status}`,
        code: typeof err.code === 'string' ? err.code : null,
      },
    ]);
  }
  const out: Record<string, string> = {};
  if (typeof body === 'object' && body !== null) {
    for (const [path, url] of Object.entries(body)) if (typeof url === 'string') out[path] = url;
  }
  return out;
}

let wsClient: Client | null = null;

function ws(): Client {
  if (!wsClient) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    // The session cookie authenticates the socket (same origin): no connection payload.
    wsClient = createClient({
      url: `${scheme}//${location.host}/graphql`,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15000)));
      },
    });
  }
  return wsClient;
}

/** Subscribe; returns the function that ends the subscription. */
export function subscribe<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onData: (data: TResult) => void,
  onError?: (error: unknown) => void,
): () => void {
  return ws().subscribe<TResult>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (value) => {
        if (value.data) onData(value.data);
      },
      error: (error) => onError?.(error),
      complete: () => undefined,
    },
  );
}
