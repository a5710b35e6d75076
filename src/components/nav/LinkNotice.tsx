import { useStore } from "zustand";
import { type LinkNoticeState, linkNoticeStore } from "../../store/urlState/notice";

const select = (s: LinkNoticeState) => s;

/** The notice naming what an opened link asked for that the page could not use (plain text). */
export function LinkNotice() {
  const { text, dismiss } = useStore(linkNoticeStore, select);
  if (!text) return null;
  return (
    <div className="notice info link-notice" role="status">
      <span>{text}</span>
      <button type="button" aria-label="Dismiss message" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
