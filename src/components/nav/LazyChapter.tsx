import { Component, lazy, type ReactNode, Suspense, useCallback, useRef, useState } from "react";
import { useInView } from "../useInView";
import { ChapterHeader } from "./ChapterHeader";

/** A chapter's view, as its module exports it. */
export type ChapterView = () => React.JSX.Element;

/**
 * A chapter whose code is fetched only once `wanted` (chapter 1 is ready, or the reader got
 * here first): until then its heading holds its place, so the table of contents and links to
 * #id work from the start. A chunk that fails to load (the network went away) offers a retry.
 */
export function LazyChapter({
  id,
  load,
  wanted,
  onNear,
}: {
  id: string;
  load: () => Promise<ChapterView>;
  wanted: boolean;
  /** Called when the placeholder scrolls into view: the reader wants it now. */
  onNear: () => void;
}) {
  // A retry needs a fresh lazy component: React keeps the failed import of the old one.
  const fromModule = (attempt: number) => ({
    attempt,
    View: lazy(() => load().then((view) => ({ default: view }))),
  });
  const [{ View, attempt }, setLoad] = useState(() => fromModule(0));
  const placeholder = <ChapterPlaceholder id={id} onNear={onNear} />;
  if (!wanted) return placeholder;
  return (
    <LoadFailure id={id} key={attempt} onRetry={() => setLoad(fromModule(attempt + 1))}>
      <Suspense fallback={placeholder}>
        <View />
      </Suspense>
    </LoadFailure>
  );
}

function ChapterPlaceholder({
  id,
  onNear,
  children,
}: {
  id: string;
  onNear?: () => void;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  useInView(
    ref,
    useCallback((inView: boolean) => inView && onNear?.(), [onNear]),
  );
  return (
    <article
      className="chapter chapter-loading"
      id={id}
      aria-labelledby={`${id}-title`}
      aria-busy={children ? undefined : true}
      ref={ref}
    >
      <ChapterHeader id={id} />
      {children ?? <p className="hint">Loading this chapter…</p>}
    </article>
  );
}

/** Shows why a chapter's code did not arrive, with a retry, instead of an empty page. */
class LoadFailure extends Component<
  { id: string; onRetry: () => void; children: ReactNode },
  { error: unknown }
> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <ChapterPlaceholder id={this.props.id}>
        <p className="error" role="alert">
          This chapter's code could not be loaded (is the network gone?). The chapters already on
          the page keep working.{" "}
          <button type="button" onClick={this.props.onRetry}>
            Try again
          </button>
        </p>
      </ChapterPlaceholder>
    );
  }
}
