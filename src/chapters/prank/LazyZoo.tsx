import { lazy, Suspense, useCallback, useRef, useState } from "react";
import { useInView } from "../../components/useInView";

const AttackZoo = lazy(() => import("../zoo/AttackZoo").then((m) => ({ default: m.AttackZoo })));

/** Chapter 1's last panel, the attack zoo: its code is fetched when the reader scrolls to it. */
export function LazyZoo() {
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  useInView(
    ref,
    useCallback((inView: boolean) => inView && setNear(true), []),
  );
  const placeholder = (
    <section className="zoo zoo-loading" id="attack-zoo" aria-labelledby="zoo-title" ref={ref}>
      <h3 id="zoo-title">The attack zoo</h3>
      <p className="hint">{near ? "Loading the attack zoo…" : ""}</p>
    </section>
  );
  if (!near) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <AttackZoo />
    </Suspense>
  );
}
