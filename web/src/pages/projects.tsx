import { useEffect, useState } from 'preact/hooks';
import { loginUrl, request, type Session } from '../api';
import { formatTime, relativeTime } from '../format';
import { ProjectsDashboardDocument, type ProjectsDashboardQuery } from '../gql/graphql';
import { projectPath } from '../router';
import { ErrorNotice, useTitle } from './misc';

type ProjectNode = ProjectsDashboardQuery['projects']['nodes'][number];

// Sync state and running runs change while the page is open: poll gently (one query).
const REFRESH_MS = 15000;

export function ProjectsPage(props: { session: Session | null }): preact.JSX.Element {
  useTitle('Projects');
  const [projects, setProjects] = useState<ProjectNode[] | null>(null);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    const load = async (): Promise<void> => {
      try {
        // Every page of projects, so the list refreshes whole.
        const all: ProjectNode[] = [];
        let after: string | null = null;
        let count = 0;
        let hasNext = false;
        for (let page = 0; page < 20; page++) {
          const data: ProjectsDashboardQuery = await request(ProjectsDashboardDocument, { after });
          all.push(...data.projects.nodes);
          count = data.projects.totalCount;
          hasNext = data.projects.pageInfo.hasNextPage;
          after = data.projects.pageInfo.endCursor;
          if (!hasNext) break;
        }
        if (stopped) return;
        setProjects(all);
        setTotal(count);
        setNext(hasNext ? after : null);
        setError(null);
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">Projects</h1>
      {error ? <ErrorNotice error={error} /> : null}
      {!props.session ? (
        <p class="muted">
          Signed out: only public projects are listed. <a href={loginUrl('/')}>Sign in</a> to see yours.
        </p>
      ) : null}
      {projects === null ? (
        <p class="muted">Loading projects…</p>
      ) : projects.length === 0 ? (
        <p>No projects yet. Add one with the createProject mutation or `gitstudio project add`.</p>
      ) : (
        <>
          <table class="projects" data-testid="projects">
            <caption class="sr-only">{total} projects</caption>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Last sync</th>
                <th scope="col">State</th>
                <th scope="col" class="num">
                  Commits
                </th>
                <th scope="col" class="num">
                  Rows
                </th>
                <th scope="col">Running live experiments</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} data-testid="project" data-project={p.name}>
                  <th scope="row">
                    <a href={projectPath(p.name)}>{p.name}</a>
                    <div class="muted small" title={p.repoUrl}>
                      {p.visibility.toLowerCase()} · {p.defaultBranch ?? 'no default branch'}
                    </div>
                  </th>
                  <td title={formatTime(p.lastSyncedAt)}>{relativeTime(p.lastSyncedAt)}</td>
                  <td>
                    <span class={`badge sync-${p.syncState.toLowerCase()}`}>{p.syncState.toLowerCase()}</span>
                    {p.lastSyncError ? (
                      <div class="sync-error" data-testid="sync-error">
                        {p.lastSyncError}
                      </div>
                    ) : null}
                  </td>
                  <td class="num">{p.commits.totalCount}</td>
                  <td class="num" data-testid="row-count">
                    {p.rows.totalCount}
                  </td>
                  <td data-testid="running">
                    {p.running.totalCount === 0 ? (
                      <span class="muted">none</span>
                    ) : (
                      <ul class="running">
                        {p.running.nodes.map((r) => (
                          <li key={r.id}>
                            <span class="live-dot" aria-hidden="true" />
                            {r.name ?? r.id} · step {r.lastStep ?? 0} · {relativeTime(r.lastEventAt)}
                          </li>
                        ))}
                        {p.running.totalCount > p.running.nodes.length ? (
                          <li class="muted">and {p.running.totalCount - p.running.nodes.length} more</li>
                        ) : null}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {next ? <p class="muted">Showing the first {projects.length} of {total} projects.</p> : null}
        </>
      )}
    </section>
  );
}
