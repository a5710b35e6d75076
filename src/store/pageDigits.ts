import { fromPage } from "./fromPage";
import { createSharedDigits } from "./sharedDigits";

/** The app's one source of MNIST digits, shared by the digits and training workers. */
export const pageDigits = createSharedDigits(fromPage("data/mnist.bin.gz"));
