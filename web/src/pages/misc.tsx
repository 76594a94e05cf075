import { useEffect } from 'preact/hooks';
import { loginUrl } from '../api';

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · gitstudio` : 'gitstudio';
  }, [title]);
}

export function NotFoundPage(): preact.JSX.Element {
  useTitle('Not found');
  return (
    <section>
      <h1>Not found</h1>
      <p>
        No page here. <a href="/">All projects</a>
      </p>
    </section>
  );
}

export function PendingPage(props: { title: string; what: string }): preact.JSX.Element {
  useTitle(props.title);
  return (
    <section>
      <h1>{props.title}</h1>
      <p>
        {props.what} is not built into the dashboard yet; the <a href="/graphql">GraphQL API</a> has it.
      </p>
    </section>
  );
}

/** What a page shows when the API says the caller must sign in (or cannot see it). */
export function SignInNeeded(props: { what: string; signedIn: boolean }): preact.JSX.Element {
  return (
    <div class="notice" role="alert" data-testid="sign-in-needed">
      {props.signedIn ? (
        <p>{props.what} does not exist or you may not read it.</p>
      ) : (
        <p>
          {props.what} is not public. <a href={loginUrl()}>Sign in</a> to see it.
        </p>
      )}
    </div>
  );
}

export function ErrorNotice(props: { error: unknown }): preact.JSX.Element {
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <div class="notice error" role="alert">
      <p>{message}</p>
    </div>
  );
}
