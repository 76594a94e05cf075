import { useEffect, useState } from 'preact/hooks';
import { ApiError, downloadUris, request, type DownloadWhich, type Session } from '../api';
import { formatTime } from '../format';
import {
  AssignStageDocument,
  DeprecateModelDocument,
  ModelPageDocument,
  RegisterVersionDocument,
  UnassignStageDocument,
  type ModelFieldsFragment,
  type VersionBump,
} from '../gql/graphql';
import { projectPath } from '../router';
import { ErrorNotice, SignInNeeded, useTitle } from './misc';

interface Payload {
  tag: string | null;
  model: ModelFieldsFragment | null;
  errors: { code: string; message: string }[];
}

/** A model's page: versions, stages and history; register a version, assign or unassign a
 * stage, deprecate (each a Git tag GTO reads, pushed by the server). */
export function ModelPage(props: { project: string; model: string; session: Session | null }): preact.JSX.Element {
  useTitle(props.model);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [repoUrl, setRepoUrl] = useState('');
  const [defaultBranch, setDefaultBranch] = useState<string>('');
  const [model, setModel] = useState<ModelFieldsFragment | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rev, setRev] = useState('');
  const [version, setVersion] = useState('');
  const [bump, setBump] = useState<'' | VersionBump>('');
  const [chosenVersion, setStageVersion] = useState('');
  const [stage, setStage] = useState('');

  useEffect(() => {
    request(ModelPageDocument, { project: props.project, model: props.model })
      .then((data) => {
        if (!data.project?.model) {
          setMissing(true);
          return;
        }
        setProjectId(data.project.id);
        setRepoUrl(data.project.repoUrl);
        setDefaultBranch(data.project.defaultBranch ?? '');
        setModel(data.project.model);
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.has('UNAUTHENTICATED')) setMissing(true);
        else setError(e);
      });
  }, [props.project, props.model]);

  if (missing) return <SignInNeeded what={`Model “${props.model}” of “${props.project}”`} signedIn={props.session !== null} />;
  if (error) return <ErrorNotice error={error} />;
  if (!model || !projectId) return <p class="muted">Loading {props.model}…</p>;

  const write = async (run: () => Promise<Payload>, done: string): Promise<void> => {
    setBusy(true);
    try {
      const payload = await run();
      const err = payload.errors[0];
      if (err) setMessage(`${err.code}: ${err.message}`);
      else {
        if (payload.model) setModel(payload.model);
        setMessage(`${done}${payload.tag ? ` (tag ${payload.tag})` : ''}`);
      }
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const base = { projectId, model: model.name };
  const versions = model.versions.filter((v) => v.registered);
  // The version the stage form shows is the one it assigns: the first listed until one is picked.
  const stageVersion = chosenVersion || (versions[0]?.version ?? '');
  const canWrite = props.session !== null;

  return (
    <section aria-labelledby="model-title">
      <p class="muted small">
        <a href={projectPath(props.project)}>{props.project}</a> / models
      </p>
      <h1 id="model-title">
        {model.name} {model.deprecated ? <span class="chip">deprecated</span> : null}
      </h1>
      <p class="muted">
        {model.type ?? 'model'} · {model.path ?? 'no path'} {model.declaredIn ? `· declared in ${model.declaredIn}` : ''} · latest{' '}
        {model.latestVersion?.version ?? 'none'}
      </p>
      {model.description ? <p>{model.description}</p> : null}
      {model.registryError ? <div class="notice error">{model.registryError.message}</div> : null}
      {message ? (
        <p class="notice" role="status" data-testid="model-message">
          {message}
        </p>
      ) : null}

      <h2>Stages</h2>
      {model.stages.length === 0 ? (
        <p class="muted">No stage assigned.</p>
      ) : (
        <ul class="stages" data-testid="stages">
          {model.stages.map((s) => (
            <li key={s.stage} data-stage={s.stage}>
              <strong>{s.stage}</strong>: {s.versions.map((v) => v.version).join(', ')}
            </li>
          ))}
        </ul>
      )}

      <h2>Versions</h2>
      <table class="projects" data-testid="versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Commit</th>
            <th scope="col">Stages</th>
            <th scope="col">Author</th>
            <th scope="col">Created</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {model.versions.map((v) => (
            <tr key={v.version} data-testid="version" data-version={v.version}>
              <th scope="row">{v.version}</th>
              <td>
                <code>{v.commit.slice(0, 7)}</code>
              </td>
              <td>{v.stages.join(', ')}</td>
              <td>{v.author}</td>
              <td>{formatTime(v.createdAt)}</td>
              <td>{v.active ? 'active' : v.registered ? 'deregistered' : 'unregistered'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <Downloads repo={repoUrl} model={model} />

      {canWrite ? (
        <div class="registry-forms">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void write(async () => {
                const data = await request(RegisterVersionDocument, {
                  input: { ...base, rev: rev.trim() || defaultBranch, version: version.trim() || null, bump: bump || null },
                });
                return data.registerModelVersion;
              }, 'Registered');
            }}
          >
            <fieldset>
              <legend>Register a version</legend>
              <label>
                Commit, branch or tag
                <input type="text" value={rev} placeholder={defaultBranch} onInput={(e) => setRev(e.currentTarget.value)} data-testid="register-rev" />
              </label>
              <label>
                Version
                <input type="text" value={version} placeholder="v1.2.3 (or bump)" onInput={(e) => setVersion(e.currentTarget.value)} data-testid="register-version" />
              </label>
              <label>
                Bump
                <select value={bump} onChange={(e) => setBump(e.currentTarget.value as '' | VersionBump)}>
                  <option value="">default</option>
                  <option value="PATCH">patch</option>
                  <option value="MINOR">minor</option>
                  <option value="MAJOR">major</option>
                </select>
              </label>
              <button type="submit" class="primary" disabled={busy}>
                Register
              </button>
            </fieldset>
          </form>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const input = { ...base, version: stageVersion, stage: stage.trim() };
              void write(async () => (await request(AssignStageDocument, { input })).assignStage, `Assigned ${input.stage}`);
            }}
          >
            <fieldset>
              <legend>Stages</legend>
              <label>
                Version
                <select value={stageVersion} onChange={(e) => setStageVersion(e.currentTarget.value)} data-testid="stage-version">
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {v.version}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Stage
                <input type="text" value={stage} required onInput={(e) => setStage(e.currentTarget.value)} data-testid="stage-name" />
              </label>
              <button type="submit" disabled={busy || versions.length === 0}>
                Assign
              </button>
              <button
                type="button"
                disabled={busy || versions.length === 0 || !stage.trim()}
                onClick={() => {
                  const input = { ...base, version: stageVersion, stage: stage.trim() };
                  void write(async () => (await request(UnassignStageDocument, { input })).unassignStage, `Unassigned ${input.stage}`);
                }}
              >
                Unassign
              </button>
            </fieldset>
          </form>
          <button
            type="button"
            disabled={busy || model.deprecated}
            onClick={() => {
              if (!confirm(`Deprecate ${model.name}? A new registry tag revives it.`)) return;
              void write(async () => (await request(DeprecateModelDocument, { input: base })).deprecateModel, 'Deprecated');
            }}
          >
            Deprecate model
          </button>
        </div>
      ) : null}

      <h2>History</h2>
      <table class="projects" data-testid="history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">Version</th>
            <th scope="col">Stage</th>
            <th scope="col">By</th>
            <th scope="col">Tag</th>
          </tr>
        </thead>
        <tbody>
          {model.history.map((h) => (
            <tr key={h.tag + h.kind}>
              <td>{formatTime(h.createdAt)}</td>
              <td>{h.kind.toLowerCase()}</td>
              <td>{h.version ?? ''}</td>
              <td>{h.stage ?? ''}</td>
              <td>{h.author}</td>
              <td>
                <code>{h.tag}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface Fetched {
  loading: boolean;
  files: [string, string][] | null;
  error: string | null;
}

function whichKey(which: DownloadWhich): string {
  return 'version' in which ? `version:${which.version}` : 'stage' in which ? `stage:${which.stage}` : 'latest';
}

/** Download links for the latest version, each stage and each active version, through the
 * Studio-compatible route `dvc artifacts get` uses (GET /api/model-registry/get-download-uris,
 * the session cookie authenticating it). Read on demand: each answer lists the model's files
 * (a DVC remote may be asked) and signs a URL per file, valid for an hour. */
function Downloads(props: { repo: string; model: ModelFieldsFragment }): preact.JSX.Element {
  const { model } = props;
  const [fetched, setFetched] = useState<Map<string, Fetched>>(new Map());
  // A new model (after a registry write) may resolve a stage or "latest" to another version.
  useEffect(() => setFetched(new Map()), [model]);

  const entries: { which: DownloadWhich; label: string }[] = [];
  if (model.latestVersion) entries.push({ which: {}, label: `latest (${model.latestVersion.version})` });
  for (const s of model.stages) {
    entries.push({ which: { stage: s.stage }, label: `stage ${s.stage} (${s.versions[0]?.version ?? '?'})` });
  }
  for (const v of model.versions) if (v.active && v.registered) entries.push({ which: { version: v.version }, label: v.version });

  const get = (which: DownloadWhich): void => {
    const key = whichKey(which);
    const put = (value: Fetched): void => setFetched((m) => new Map(m).set(key, value));
    put({ loading: true, files: null, error: null });
    downloadUris(props.repo, model.name, which)
      .then((files) => put({ loading: false, files: Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)), error: null }))
      .catch((e: unknown) => {
        const message = e instanceof ApiError ? e.errors.map((x) => (x.code ? `${x.code}: ${x.message}` : x.message)).join('; ') : String(e);
        put({ loading: false, files: null, error: message });
      });
  };

  return (
    <>
      <h2>Download</h2>
      <p class="muted small">
        The model's files as <code>dvc artifacts get {props.repo} {model.name}</code> fetches them (add{' '}
        <code>--rev VERSION</code> or <code>--stage STAGE</code>); the links are signed for you and expire after an hour.
      </p>
      {entries.length === 0 ? (
        <p class="muted">No registered version to download.</p>
      ) : (
        <ul class="downloads" data-testid="downloads">
          {entries.map(({ which, label }) => {
            const key = whichKey(which);
            const got = fetched.get(key);
            return (
              <li key={key} data-testid="download" data-which={key}>
                <strong>{label}</strong>{' '}
                <button
                  type="button"
                  class="link"
                  disabled={got?.loading === true}
                  onClick={() => get(which)}
                  aria-label={`${downloadText(got)}: ${model.name} ${label}`}
                  data-testid="download-files"
                >
                  {downloadText(got)}
                </button>
                {got?.error ? (
                  <span class="sync-error" role="alert" data-testid="download-error">
                    {got.error}
                  </span>
                ) : null}
                {got?.files ? (
                  got.files.length === 0 ? (
                    <p class="muted small" data-testid="download-links">
                      No files.
                    </p>
                  ) : (
                    <ul data-testid="download-links">
                      {got.files.map(([path, url]) => (
                        <li key={path}>
                          <a href={url} download={path.split('/').pop() ?? path} data-testid="download-link" data-path={path}>
                            {path}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** The download button's text (its accessible name starts with it, as axe asks). */
function downloadText(got: { files?: unknown; loading?: boolean } | undefined): string {
  return got?.files ? 'Refresh links' : got?.loading ? 'Reading…' : 'Get download links';
}
