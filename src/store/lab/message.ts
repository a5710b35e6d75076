import { isAbort } from "../../engine/abort";
import { errorMessage } from "../../lib/errorMessage";

/** An error in chapter 1's words: a cancelled call says so, any other gives its reason. */
export const labMessage = (err: unknown): string =>
  isAbort(err) ? "Cancelled." : errorMessage(err);
