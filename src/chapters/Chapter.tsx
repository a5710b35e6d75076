import { type ReactNode, useRef } from "react";
import { ChapterHeader } from "../components/nav/ChapterHeader";
import { useInView } from "../components/useInView";
import { useWhenVisible } from "../components/useWhenVisible";
import { Citations } from "./Citations";
import type { RefKey } from "./references";

interface ChapterProps {
  /** The chapter's id in chapterList (its anchor, and its heading's `${id}-title`). */
  id: string;
  /** The papers and the essay the chapter cites, in its order. */
  sources: RefKey[];
  /** Called once the chapter has stayed in view: its store starts its computations. */
  onFirstView?: () => void;
  /** Called as the chapter scrolls in and out of view (a stable function). */
  onView?: (inView: boolean) => void;
  className?: string;
  children: ReactNode;
}

/** Every chapter's shell: the article, its header, its content, and its sources. */
export function Chapter({ id, sources, onFirstView, onView, className, children }: ChapterProps) {
  const ref = useRef<HTMLElement>(null);
  useWhenVisible(ref, onFirstView);
  useInView(ref, onView);
  return (
    <article
      className={className ? `chapter ${className}` : "chapter"}
      id={id}
      aria-labelledby={`${id}-title`}
      ref={ref}
    >
      <ChapterHeader id={id} />
      {children}
      <footer>
        <h3>Sources</h3>
        <Citations keys={sources} />
      </footer>
    </article>
  );
}
