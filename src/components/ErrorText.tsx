import { splitTechnical } from "../lib/errorMessage";

/**
 * A message in plain words, and its technical reason (what the browser or server reported)
 * folded away behind "Technical details" for whoever wants it.
 */
export function ErrorText({ message }: { message: string }) {
  const { plain, technical } = splitTechnical(message);
  return (
    <>
      {plain}
      {technical && (
        <details className="technical-details">
          <summary>Technical details</summary>
          <code>{technical}</code>
        </details>
      )}
    </>
  );
}
