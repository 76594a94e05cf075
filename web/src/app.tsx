import { useEffect, useState } from 'preact/hooks';
import { loadSession, loginUrl, logout, type Session } from './api';
import { useLocation } from './router';
import { ProjectsPage } from './pages/projects';
import { TablePage } from './pages/table';
import { NotFoundPage } from './pages/misc';
import { ModelPage } from './pages/model';
import { ModelsPage } from './pages/models';
import { TokensPage } from './pages/tokens';

export type SessionState = { loaded: false } | { loaded: true; session: Session | null };

function route(path: string, session: Session | null): preact.JSX.Element {
  if (path === '/' || path === '') return <ProjectsPage session={session} />;
  const model = /^\/projects\/([^/]+)\/models\/(.+)$/.exec(path);
  if (model?.[1] && model[2]) {
    const [projectName, modelName] = [decodeURIComponent(model[1]), decodeURIComponent(model[2])];
    return <ModelPage key={path} project={projectName} model={modelName} session={session} />;
  }
  const project = /^\/projects\/([^/]+)\/?$/.exec(path);
  if (project?.[1]) {
    const name = decodeURIComponent(project[1]);
    return <TablePage key={name} name={name} session={session} />;
  }
  if (path === '/models') return <ModelsPage session={session} />;
  if (path === '/settings/tokens') return <TokensPage session={session} />;
  return <NotFoundPage />;
}

export function App(): preact.JSX.Element {
  const loc = useLocation();
  const [state, setState] = useState<SessionState>({ loaded: false });

  useEffect(() => {
    loadSession()
      .then((session) => setState({ loaded: true, session }))
      .catch(() => setState({ loaded: true, session: null }));
  }, []);

  const session = state.loaded ? state.session : null;
  // A model's page (/projects/<name>/models/<model>) is under Models, a project's under Projects.
  const onModel = /^\/projects\/[^/]+\/models\//.test(loc.path);
  const current = (prefix: string): 'page' | undefined => {
    if (prefix === '/') return loc.path === '/' || (loc.path.startsWith('/projects/') && !onModel) ? 'page' : undefined;
    if (prefix === '/models') return loc.path === '/models' || onModel ? 'page' : undefined;
    return loc.path.startsWith(prefix) ? 'page' : undefined;
  };

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="shell">
        <a class="brand" href="/">
          gitstudio
        </a>
        <nav aria-label="Main">
          <ul>
            <li>
              <a href="/" aria-current={current('/')}>
                Projects
              </a>
            </li>
            <li>
              <a href="/models" aria-current={current('/models')}>
                Models
              </a>
            </li>
            <li>
              <a href="/settings/tokens" aria-current={current('/settings/tokens')}>
                Tokens
              </a>
            </li>
            <li>
              <a href="/graphql">GraphiQL</a>
            </li>
          </ul>
        </nav>
        <div class="who" data-testid="session">
          {!state.loaded ? null : session ? (
            <>
              <span data-testid="user">{session.user}</span>
              <button
                type="button"
                onClick={() => {
                  void logout().then(() => {
                    location.assign(loginUrl('/'));
                  });
                }}
              >
                Sign out
              </button>
            </>
          ) : (
            <a href={loginUrl()} data-testid="sign-in">
              Sign in
            </a>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {state.loaded ? route(loc.path, session) : <p class="muted">Loading…</p>}
      </main>
    </>
  );
}
