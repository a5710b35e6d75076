import { type ComponentProps, createContext, useContext, useRef, useState } from "react";
import { type StoreApi, useStore } from "zustand";
import { useInView } from "./useInView";

const OnScreen = createContext(true);

/**
 * A <section> that tells the live readers inside it (useStoreWhileVisible) whether it is on
 * screen, with one observer for all of them.
 */
export function VisibleSection(props: ComponentProps<"section">) {
  const ref = useRef<HTMLElement>(null);
  const [onScreen, setOnScreen] = useState(true); // until the first report: draw at least once
  useInView(ref, setOnScreen);
  return (
    <OnScreen.Provider value={onScreen}>
      <section ref={ref} {...props} />
    </OnScreen.Provider>
  );
}

/**
 * Reads `store` through `selector` while the enclosing VisibleSection is on screen. Off screen
 * the last value is kept and store changes cause no render at all, so a chart or table nobody
 * sees costs nothing while a worker streams results; it catches up when it scrolls back.
 */
export function useStoreWhileVisible<S, T>(store: StoreApi<S>, selector: (s: S) => T): T {
  const onScreen = useContext(OnScreen);
  const shown = useRef<{ value: T } | null>(null);
  return useStore(store, (s) => {
    if (onScreen || !shown.current) shown.current = { value: selector(s) };
    return shown.current.value;
  });
}
