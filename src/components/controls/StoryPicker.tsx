import { selectActions, useLab } from "../../store";
import { selectSettings } from "../../store/selectors";
import { STORIES, type StoryId, storyOf } from "../../store/stories";

const LABELS: Record<StoryId, { title: string; detail: string }> = {
  gibbon: { title: "Panda → gibbon", detail: "targeted, 10 PGD steps" },
  fgsm: { title: "Any wrong answer", detail: "one FGSM step" },
};

/** Chapter 1's two stories, one click each; pressed when the settings tell exactly that story. */
export function StoryPicker() {
  const settings = useLab(selectSettings);
  const { tellStory } = useLab(selectActions);
  const current = storyOf(settings);
  return (
    <fieldset className="story-picker">
      <legend className="visually-hidden">Story</legend>
      {(Object.keys(STORIES) as StoryId[]).map((id) => (
        <button key={id} type="button" aria-pressed={current === id} onClick={() => tellStory(id)}>
          <b>{LABELS[id].title}</b>
          <small>
            {LABELS[id].detail}, ε = {STORIES[id].epsLevel}/255
          </small>
        </button>
      ))}
    </fieldset>
  );
}
