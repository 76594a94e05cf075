import type { Session } from '../api';
import { useTitle } from './misc';

export function TablePage(props: { name: string; session: Session | null }): preact.JSX.Element {
  useTitle(props.name);
  return (
    <section>
      <h1>{props.name}</h1>
    </section>
  );
}
