import { REFS, type RefKey } from "./references";

/** The works a chapter cites, as a list of links. */
export function Citations({ keys }: { keys: RefKey[] }) {
  return (
    <ol className="citations">
      {keys.map((k) => {
        const ref = REFS[k];
        return <li key={k}>{ref.url ? <a href={ref.url}>{ref.text}</a> : ref.text}</li>;
      })}
    </ol>
  );
}
