import { useCallback, useEffect, useState } from "react";
import { useLab } from "../../store";
import type { LabStore } from "../../store/labStore";

/** Chapter 1 has shown a result, or cannot (its model or image failed): the rest may load. */
const chapterOneSettled = (s: LabStore) =>
  s.adversarial !== null || s.model.status === "error" || s.image.status === "error";

/** However chapter 1 fares, the other chapters load after this long. */
const AT_THE_LATEST_MS = 15_000;

/**
 * When chapters 2-8 may fetch their code: once chapter 1 has settled, when the reader scrolls
 * to one of them (`want`), or after AT_THE_LATEST_MS. It stays true.
 */
export function useChaptersWanted(): { wanted: boolean; want: () => void } {
  const [wanted, setWanted] = useState(false);
  const settled = useLab(chapterOneSettled);
  useEffect(() => {
    if (settled) setWanted(true);
  }, [settled]);
  useEffect(() => {
    const timer = setTimeout(() => setWanted(true), AT_THE_LATEST_MS);
    return () => clearTimeout(timer);
  }, []);
  const want = useCallback(() => setWanted(true), []);
  return { wanted, want };
}
