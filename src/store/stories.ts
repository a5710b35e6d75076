import { GIBBON } from "../engine/models/classNames";
import type { AttackSettings } from "./types";

/**
 * Chapter 1's two stories, each one click. The first view is the famous result: ten small PGD
 * steps aimed at "gibbon", within two grey levels per channel (measured on the built-in
 * MobileNet v1 0.25 and the panda: gibbon at 100.0% from 2/255, 99.8% already at 1/255). The
 * second is the essay's plain story: one FGSM step pushing away from the right answer.
 */
export const STORIES = {
  gibbon: { kind: "pgd", targetClass: GIBBON, epsLevel: 2, steps: 10, randomStart: false },
  fgsm: { kind: "fgsm", targetClass: null, epsLevel: 4, steps: 10, randomStart: false },
} as const satisfies Record<string, AttackSettings>;

export type StoryId = keyof typeof STORIES;

/** The story the settings tell, if they are exactly one of them (any epsilon). */
export function storyOf(settings: AttackSettings): StoryId | null {
  for (const [id, story] of Object.entries(STORIES) as [StoryId, AttackSettings][]) {
    const same =
      settings.kind === story.kind &&
      settings.targetClass === story.targetClass &&
      (story.kind === "fgsm" ||
        (settings.steps === story.steps && settings.randomStart === story.randomStart));
    if (same) return id;
  }
  return null;
}
