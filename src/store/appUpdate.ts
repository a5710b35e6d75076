import { createStore } from "zustand/vanilla";

/** The service worker's news for the page: offline copy ready, or a newer version waiting. */
export interface AppUpdateState {
  offlineReady: boolean;
  updateWaiting: boolean;
  /** Swaps in the waiting version and reloads the page (set once registration succeeds). */
  applyUpdate: (() => Promise<void>) | null;
  dismiss(): void;
}

export const appUpdateStore = createStore<AppUpdateState>()((set) => ({
  offlineReady: false,
  updateWaiting: false,
  applyUpdate: null,
  dismiss: () => set({ offlineReady: false, updateWaiting: false }),
}));

/**
 * Registers the service worker the build generates (none in `npm run dev`): it precaches the
 * app for offline use, and tells the page when a new version has been deployed.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const { registerSW } = await import("virtual:pwa-register");
  const update = registerSW({
    onOfflineReady: () => appUpdateStore.setState({ offlineReady: true }),
    onNeedRefresh: () => appUpdateStore.setState({ updateWaiting: true }),
  });
  appUpdateStore.setState({ applyUpdate: () => update(true) });
}
