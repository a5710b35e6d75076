import "./nav.css";
import { useCallback, useState } from "react";
import { CHAPTERS } from "../../chapterList";
import { useCloseOnEscape } from "./useCloseOnEscape";
import { useCurrentChapter } from "./useCurrentChapter";

const IDS = CHAPTERS.map((c) => c.id);

/**
 * The chapters, with the one being read marked (aria-current). A side rail on wide screens;
 * on narrow ones a "Chapters" button in the masthead opens the same list as a menu.
 */
export function TableOfContents() {
  const current = useCurrentChapter(IDS);
  const [open, setOpen] = useState(false);
  useCloseOnEscape(
    open,
    useCallback(() => setOpen(false), []),
  );
  return (
    <nav className={`toc${open ? " open" : ""}`} aria-label="Chapters">
      <button
        type="button"
        className="toc-toggle secondary"
        aria-expanded={open}
        aria-controls="toc-list"
        onClick={() => setOpen(!open)}
      >
        Chapters <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <ol id="toc-list" className="toc-list">
        {CHAPTERS.map((c) => (
          <li key={c.id}>
            <a
              href={`#${c.id}`}
              aria-current={current === c.id ? "location" : undefined}
              onClick={() => setOpen(false)}
            >
              <span className="toc-number">{c.number}</span> {c.short}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
