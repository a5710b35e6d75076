import { CHAPTERS } from "../../chapterList";

/** "Previous" and "next" chapter links after a chapter. */
export function ChapterPager({ id }: { id: string }) {
  const i = CHAPTERS.findIndex((c) => c.id === id);
  const prev = CHAPTERS[i - 1];
  const next = CHAPTERS[i + 1];
  return (
    <nav className="chapter-pager" aria-label={`After chapter ${CHAPTERS[i].number}`}>
      {prev ? (
        <a href={`#${prev.id}`} rel="prev">
          ← Chapter {prev.number}: {prev.short}
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a href={`#${next.id}`} rel="next">
          Chapter {next.number}: {next.short} →
        </a>
      )}
    </nav>
  );
}
