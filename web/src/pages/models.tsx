import { useEffect, useState } from 'preact/hooks';
import { request, type Session } from '../api';
import { formatTime } from '../format';
import { ModelsDashboardDocument, type ModelsDashboardQuery } from '../gql/graphql';
import { projectPath } from '../router';
import { ErrorNotice, useTitle } from './misc';

type ModelNode = ModelsDashboardQuery['models']['nodes'][number];

export function modelPath(project: string, model: string): string {
  return `${projectPath(project)}/models/${encodeURIComponent(model)}`;
}

/** The models dashboard: every model of the projects the caller reads (Query.models). */
export function ModelsPage(props: { session: Session | null }): preact.JSX.Element {
  useTitle('Models');
  const [models, setModels] = useState<ModelNode[] | null>(null);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null, name: string): Promise<void> => {
    try {
      const data = await request(ModelsDashboardDocument, { after, filter: name ? { name } : null });
      setModels((m) => [...(after && m ? m : []), ...data.models.nodes]);
      setTotal(data.models.totalCount);
      setNext(data.models.pageInfo.hasNextPage ? data.models.pageInfo.endCursor : null);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };

  useEffect(() => {
    const timer = setTimeout(() => void load(null, search.trim()), search ? 250 : 0);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <section aria-labelledby="models-title">
      <h1 id="models-title">Models</h1>
      <div class="toolbar">
        <label>
          Find a model
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} data-testid="model-search" />
        </label>
        {props.session ? null : <span class="muted">Signed out: models of public projects only.</span>}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {models === null ? (
        <p class="muted">Loading models…</p>
      ) : models.length === 0 ? (
        <p>No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO.</p>
      ) : (
        <table class="projects" data-testid="models">
          <caption class="sr-only">{total} models</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Project</th>
              <th scope="col">Latest version</th>
              <th scope="col">Stages</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={`${m.project?.id ?? ''}:${m.name}`} data-testid="model" data-model={m.name}>
                <th scope="row">
                  {m.project ? <a href={modelPath(m.project.name, m.name)}>{m.name}</a> : m.name}
                  {m.deprecated ? <span class="chip"> deprecated</span> : null}
                  {m.description ? <div class="muted small">{m.description}</div> : null}
                  {m.registryError ? <div class="sync-error">{m.registryError.message}</div> : null}
                </th>
                <td>{m.project ? <a href={projectPath(m.project.name)}>{m.project.name}</a> : '—'}</td>
                <td>
                  {m.latestVersion ? (
                    <>
                      {m.latestVersion.version} <span class="muted small">{formatTime(m.latestVersion.createdAt)}</span>
                    </>
                  ) : (
                    <span class="muted">unregistered</span>
                  )}
                </td>
                <td>
                  {m.stages.map((s) => (
                    <span class="chip tag" key={s.stage}>
                      {s.stage}: {s.versions.map((v) => v.version).join(', ')}
                    </span>
                  ))}
                </td>
                <td>{m.type ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <button type="button" onClick={() => void load(next, search.trim())}>
          More models
        </button>
      ) : null}
    </section>
  );
}
