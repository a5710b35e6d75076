import { useEffect, useId, useState } from "react";
import { selectActions, useLab } from "../../store";
import { GALLERY } from "../../store/gallery";
import { selectImage } from "../../store/selectors";

/** First image file in a drop or paste, if any. */
function firstFile(items: DataTransfer | null): File | null {
  const files = [...(items?.files ?? [])];
  return files[0] ?? null;
}

/** Gallery, upload button, drag-and-drop anywhere on the zone, and paste anywhere on the page. */
export function ImageInput() {
  const image = useLab(selectImage);
  const actions = useLab(selectActions);
  const uploadId = useId();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const file = firstFile(e.clipboardData);
      if (file) void actions.loadImageFile(file, file.name || "pasted image");
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [actions]);

  return (
    <section
      className={`image-input${dragging ? " dragging" : ""}`}
      aria-label="Choose an image"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = firstFile(e.dataTransfer);
        if (file) void actions.loadImageFile(file, file.name || "dropped image");
      }}
    >
      <fieldset className="gallery">
        <legend className="visually-hidden">Gallery</legend>
        {GALLERY.map((p) => (
          <button
            key={p.id}
            type="button"
            className="thumb"
            aria-pressed={image.id === p.id}
            onClick={() => void actions.selectPhoto(p.id)}
            title={`${p.label} — ${p.credit}`}
          >
            <img src={p.url} alt="" width={56} height={56} loading="lazy" />
            <span>{p.label}</span>
          </button>
        ))}
        <input
          id={uploadId}
          type="file"
          accept="image/*"
          className="visually-hidden"
          aria-label="Upload an image"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void actions.loadImageFile(file, file.name);
          }}
        />
        <label htmlFor={uploadId} className="thumb upload">
          <span aria-hidden="true">⤒</span>
          <span>Your photo</span>
        </label>
      </fieldset>
      <p className="hint">
        …or drop an image here, or paste one (Ctrl+V). It never leaves your browser.
      </p>
      <p className="hint">
        Photos:{" "}
        {GALLERY.map((p, i) => (
          <span key={p.id}>
            {i > 0 && "; "}
            {p.label.toLowerCase()}, <a href={p.sourceUrl}>{p.credit}</a>
          </span>
        ))}
        .
      </p>
    </section>
  );
}
