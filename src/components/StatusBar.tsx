import { selectActions, useLab } from "../store";
import { selectBackend, selectNotice, selectWorking } from "../store/selectors";

/** Active backend (and any fallback), what the engine is doing, and the latest message. */
export function StatusBar() {
  const backend = useLab(selectBackend);
  const working = useLab(selectWorking);
  const notice = useLab(selectNotice);
  const { dismissNotice } = useLab(selectActions);
  return (
    <div className="status-bar">
      <span className={`badge${backend?.fellBack ? " warn" : ""}`} title="TensorFlow.js backend">
        {backend ? `backend: ${backend.name}` : "starting TensorFlow.js…"}
      </span>
      {backend?.note && <span className="fallback-note">{backend.note}</span>}
      {working && (
        <span className="working" role="status">
          {working}
        </span>
      )}
      {notice && (
        <div
          className={`notice ${notice.kind}`}
          role={notice.kind === "error" ? "alert" : "status"}
        >
          {notice.text}
          <button type="button" aria-label="Dismiss message" onClick={dismissNotice}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
