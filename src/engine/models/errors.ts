import { errorMessage, withTechnical } from "../../lib/errorMessage";

/**
 * Errors raised while downloading, reading or checking an ImageNet model. Each carries a `kind`
 * the UI can switch on (retry button, file picker, ...) and a message written for the reader.
 */

/** What went wrong while loading a model. */
export type ModelLoadErrorKind =
  | "offline"
  | "http"
  | "truncated"
  | "not-a-model"
  | "wrong-classes"
  | "missing-files"
  | "aborted";

/** A model could not be loaded; `message` is meant to be shown to the user as is. */
export class ModelLoadError extends Error {
  /** The category of the failure. */
  readonly kind: ModelLoadErrorKind;

  constructor(kind: ModelLoadErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ModelLoadError";
    this.kind = kind;
  }
}

/** Formats a byte count for messages: "512 B", "12.3 kB", "1.9 MB" (decimal units). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The last path segment of a URL or file path, without its query string. */
export function fileNameOf(urlOrPath: string): string {
  const noQuery = urlOrPath.split(/[?#]/)[0];
  const parts = noQuery.split(/[/\\]/);
  return parts[parts.length - 1] || noQuery;
}

/** Host name of a URL for messages ("tfhub.dev"); a relative URL is the app's own server. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "Gibbon's own server";
  }
}

/**
 * The request for `url` failed before any answer came back (no network, DNS, CORS). What the
 * browser reported goes with it, folded away, so a fault that only looks like one can be told.
 */
export function offlineError(url: string, cause?: unknown): ModelLoadError {
  const host = hostOf(url);
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  const message = offline
    ? `${host} cannot be reached: this device is offline.`
    : `${host} did not answer: there may be no internet here, or the site is down or refusing this page.`;
  const reported = cause === undefined ? "" : `fetch ${url}: ${errorMessage(cause)}`;
  return new ModelLoadError("offline", withTechnical(message, reported), { cause });
}

/** The server answered `url` with a non-2xx status. */
export function httpError(url: string, status: number): ModelLoadError {
  return new ModelLoadError(
    "http",
    `${hostOf(url)} refused the file ${fileNameOf(url)} (HTTP ${status}).`,
  );
}

/** A weight file (or group of files) holds fewer bytes than model.json describes. */
export function truncatedError(
  fileName: string,
  received: number,
  expected: number,
  cause?: unknown,
): ModelLoadError {
  const interrupted = cause === undefined ? "" : " (the download was interrupted; retry)";
  return new ModelLoadError(
    "truncated",
    `The weight file ${fileName} is incomplete: received ${formatBytes(received)} of ${formatBytes(expected)}${interrupted}.`,
    { cause },
  );
}

/** The download was cancelled through its AbortSignal. */
export function abortedError(cause?: unknown): ModelLoadError {
  return new ModelLoadError("aborted", "The model download was cancelled.", { cause });
}
