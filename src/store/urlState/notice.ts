import { createStore } from "zustand/vanilla";

/** The one notice a link's ignored settings get (null: nothing was ignored). */
export interface LinkNoticeState {
  text: string | null;
  dismiss(): void;
}

export const linkNoticeStore = createStore<LinkNoticeState>()((set) => ({
  text: null,
  dismiss: () => set({ text: null }),
}));

/** Says, once, which parts of the opened link were ignored or clamped. */
export function reportIgnored(ignored: readonly string[]): void {
  if (ignored.length === 0) return;
  const shown = ignored.slice(0, 6).join("; ");
  const more = ignored.length > 6 ? ` and ${ignored.length - 6} more` : "";
  linkNoticeStore.setState({
    text: `Part of this link was not used: ${shown}${more}. The rest of the view is as shared.`,
  });
}
