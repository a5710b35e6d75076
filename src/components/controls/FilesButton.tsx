import { useId } from "react";

/**
 * A button that opens the file chooser for several files (a model.json and its weights). The
 * input is cleared after each choice, so choosing the same files again loads them again.
 */
export function FilesButton({
  label,
  name,
  onFiles,
}: {
  /** The button's words. */
  label: string;
  /** Its accessible name (what the files are). */
  name: string;
  onFiles: (files: File[]) => void;
}) {
  const id = useId();
  return (
    <>
      <input
        id={id}
        type="file"
        multiple
        className="visually-hidden"
        aria-label={name}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          if (files.length) onFiles(files);
        }}
      />
      <label htmlFor={id} className="button secondary">
        {label}
      </label>
    </>
  );
}
