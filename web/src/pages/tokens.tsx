import { useEffect, useState } from 'preact/hooks';
import { loginUrl, request, type Session } from '../api';
import { formatTime } from '../format';
import { CreateTokenDocument, MyTokensDocument, RevokeTokenDocument, type MyTokensQuery, type TokenScope } from '../gql/graphql';
import { ErrorNotice, useTitle } from './misc';

type Token = MyTokensQuery['me']['tokens'][number];
const SCOPES: TokenScope[] = ['READ', 'PROJECTS', 'EXPERIMENTS', 'MODELS', 'ADMIN'];

/** The signed-in user's access tokens: list, create (the secret is shown once), revoke. */
export function TokensPage(props: { session: Session | null }): preact.JSX.Element {
  useTitle('Access tokens');
  const [tokens, setTokens] = useState<Token[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<TokenScope>>(new Set(['READ', 'EXPERIMENTS']));
  // The token just created and its secret, shown once (and no more once it is revoked).
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const secret = created?.secret ?? null;
  const [message, setMessage] = useState<string | null>(null);

  const load = async (): Promise<void> => {
    try {
      const data = await request(MyTokensDocument, {});
      setTokens(data.me.tokens);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (props.session) void load();
  }, [props.session]);

  if (!props.session) {
    return (
      <section>
        <h1>Access tokens</h1>
        <p>
          <a href={loginUrl()}>Sign in</a> to manage your tokens.
        </p>
        <DeviceLogin />
      </section>
    );
  }

  const create = async (): Promise<void> => {
    setCreated(null);
    try {
      const data = await request(CreateTokenDocument, { input: { name: name.trim(), scopes: [...scopes] } });
      const err = data.createAccessToken.errors[0];
      if (err) {
        setMessage(`${err.code}: ${err.message}`);
        return;
      }
      const made = data.createAccessToken;
      setCreated(made.token && made.accessToken ? { id: made.accessToken.id, secret: made.token } : null);
      setMessage(null);
      setName('');
      await load();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const revoke = async (token: Token): Promise<void> => {
    if (!confirm(`Revoke the token “${token.name}”? Scripts using it stop working.`)) return;
    try {
      const data = await request(RevokeTokenDocument, { id: token.id });
      const err = data.revokeAccessToken.errors[0];
      setMessage(err ? `${err.code}: ${err.message}` : `Revoked “${token.name}”`);
      if (!err && created?.id === token.id) setCreated(null);
      await load();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">Access tokens</h1>
      {error ? <ErrorNotice error={error} /> : null}
      <form
        class="token-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          Name
          <input type="text" required value={name} onInput={(e) => setName(e.currentTarget.value)} data-testid="token-name" />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={scopes.has(s)}
                onChange={(e) => {
                  const next = new Set(scopes);
                  if (e.currentTarget.checked) next.add(s);
                  else next.delete(s);
                  setScopes(next);
                }}
              />{' '}
              {s}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" disabled={!name.trim() || scopes.size === 0}>
          Create token
        </button>
      </form>
      {secret ? (
        <div class="notice" role="status" data-testid="new-token">
          <p>
            Your new token (shown once): <code>{secret}</code>
          </p>
        </div>
      ) : null}
      {message ? (
        <p class="muted" role="status">
          {message}
        </p>
      ) : null}
      {tokens === null ? (
        <p class="muted">Loading tokens…</p>
      ) : (
        <table class="projects" data-testid="tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid="token">
                <th scope="row">{t.name}</th>
                <td>
                  <code>{t.prefix}</code>
                </td>
                <td>{t.scopes.join(', ')}</td>
                <td>{formatTime(t.createdAt)}</td>
                <td>{formatTime(t.lastUsedAt)}</td>
                <td>
                  <button type="button" onClick={() => void revoke(t)} aria-label={`Revoke ${t.name}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DeviceLogin />
    </section>
  );
}

/** How `dvc studio login` gets a token from this server (the device flow of
 * gitstudio/device_login.py), and the server's approval page, a plain navigation: a GET form
 * (form-action 'self') takes the code DVC printed to /auth/device-login?code=. */
function DeviceLogin(): preact.JSX.Element {
  const server = location.origin;
  return (
    <section class="device-login" aria-labelledby="device-login-title" data-testid="device-login">
      <h2 id="device-login-title">
        Sign DVC in: <code>dvc studio login</code>
      </h2>
      <ol>
        <li>
          On your machine run <code data-testid="device-login-command">dvc studio login --hostname {server}</code> (
          <code>-s EXPERIMENTS,MODELS,DATASETS</code> to choose the scopes, <code>-n NAME</code> to name the token).
        </li>
        <li>
          DVC asks this server for a login and prints a code such as <code>BCDF-GHJK</code> with the approval page's
          address (it opens it in a browser unless <code>--no-open</code>).
        </li>
        <li>
          On the <a href="/auth/device-login" data-testid="device-login-link">approval page</a>, signed in as yourself,
          approve the code (or deny it): DVC receives a new access token of yours with the scopes it asked for (you must
          hold them), saves it with this server's address in its global config (<code>studio.token</code>,{' '}
          <code>studio.url</code>), and the token shows in the list above, where you can revoke it.
        </li>
      </ol>
      <form method="get" action="/auth/device-login" class="token-form">
        <label>
          Code from DVC
          <input type="text" name="code" required maxLength={32} autoComplete="off" placeholder="BCDF-GHJK" data-testid="device-login-code" />
        </label>
        <button type="submit">Open the approval page</button>
      </form>
      <p class="muted small">
        The codes expire after a few minutes; DVC then stops and you run it again. Then <code>dvc exp push</code>,{' '}
        <code>dvc artifacts get</code> and DVCLive&apos;s live updates reach this server with that token.
      </p>
    </section>
  );
}
