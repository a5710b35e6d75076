import { useStore } from "zustand";
import { type AppUpdateState, appUpdateStore } from "../store/appUpdate";

const select = (s: AppUpdateState) => s;

/** "Works offline now" once the app is cached, and a reload button when a new version is out. */
export function UpdatePrompt() {
  const { offlineReady, updateWaiting, applyUpdate, dismiss } = useStore(appUpdateStore, select);
  if (!offlineReady && !updateWaiting) return null;
  return (
    <div className="notice info update-prompt" role="status">
      {updateWaiting ? (
        <>
          <span>A new version of Gibbon is ready.</span>
          <button type="button" className="button" onClick={() => void applyUpdate?.()}>
            Reload
          </button>
        </>
      ) : (
        <span>Gibbon is saved on this device: it works offline from now on.</span>
      )}
      <button type="button" aria-label="Dismiss message" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
