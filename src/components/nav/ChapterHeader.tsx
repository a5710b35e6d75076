import { chapterEntry } from "../../chapterList";

/**
 * A chapter's kicker and heading. The heading links to its own anchor (copy it to share the
 * chapter); the article's scroll margin keeps it clear of the sticky masthead.
 */
export function ChapterHeader({ id }: { id: string }) {
  const c = chapterEntry(id);
  return (
    <header>
      <p className="kicker">Chapter {c.number}</p>
      <h2 id={`${id}-title`}>
        <a className="heading-anchor" href={`#${id}`}>
          {c.title}
        </a>
      </h2>
    </header>
  );
}
