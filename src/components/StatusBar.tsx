import { selectActions, useLab } from "../store";
import { selectBackend, selectNotice, selectWorking } from "../store/selectors";
import { backendWords } from "./backendWords";
import { ErrorText } from "./ErrorText";
import { LinkNotice } from "./nav/LinkNotice";
import { TechTerm } from "./TechTerm";
import { UpdatePrompt } from "./UpdatePrompt";

/** Where the maths runs (and any fallback), what the engine is doing, and the latest message. */
export function StatusBar() {
  const backend = useLab(selectBackend);
  const working = useLab(selectWorking);
  const notice = useLab(selectNotice);
  const { dismissNotice, init } = useLab(selectActions);
  const words = backend ? backendWords(backend) : null;
  return (
    <div className="status-bar">
      <span
        className={`badge${backend?.fellBack || backend?.software ? " warn" : ""}`}
        title={words?.technical ?? "TensorFlow.js is starting"}
        data-backend={backend?.name}
      >
        {words ? (
          <TechTerm technical={words.technical}>
            <span className="badge-long">runs on {words.plain}</span>
            <span className="badge-short">⚙ {words.short}</span>
          </TechTerm>
        ) : (
          "starting…"
        )}
      </span>
      {backend?.note && (
        <div className="fallback-note">
          <ErrorText message={backend.note} />
        </div>
      )}
      {working && (
        <span className="working" role="status">
          {working}
        </span>
      )}
      <UpdatePrompt />
      <LinkNotice />
      {notice && (
        <div
          className={`notice ${notice.kind}`}
          role={notice.kind === "error" ? "alert" : "status"}
        >
          <span>{notice.text}</span>
          {notice.retry && (
            <button type="button" onClick={() => void init()}>
              Try again
            </button>
          )}
          <button type="button" aria-label="Dismiss message" onClick={dismissNotice}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
