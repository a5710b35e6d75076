import { createStore } from "zustand/vanilla";

/** Lecture mode: large type and high contrast, the prose hidden for presenting, the cheat sheet. */
export interface LectureState {
  on: boolean;
  hideProse: boolean;
  cheatSheet: boolean;
  toggle(): void;
  toggleProse(): void;
  setCheatSheet(open: boolean): void;
}

export const lectureStore = createStore<LectureState>()((set, get) => ({
  on: false,
  hideProse: false,
  cheatSheet: false,
  toggle: () => set({ on: !get().on }),
  toggleProse: () => set({ hideProse: !get().hideProse }),
  setCheatSheet: (open) => set({ cheatSheet: open === true }),
}));
