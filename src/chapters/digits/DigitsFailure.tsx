import { ErrorText } from "../../components/ErrorText";
import { selectDigitsActions, selectDigitsError, useDigits } from "../../store/digits";

/** The digits did not load: why, in the browser's words, and a way on (load them again). */
export function DigitsFailure() {
  const error = useDigits(selectDigitsError);
  const { start } = useDigits(selectDigitsActions);
  return (
    <div className="notice error" role="alert">
      The digits could not be loaded. <ErrorText message={error ?? ""} />{" "}
      <button type="button" onClick={() => void start()}>
        Try again
      </button>
    </div>
  );
}
