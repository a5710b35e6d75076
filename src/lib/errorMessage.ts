/** The one way to turn anything thrown into words for the page. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return String(error);
}

/**
 * Where a message's technical part starts. A message says in plain words what the reader can
 * expect; what the browser or the server reported follows this marker, and the page shows it
 * behind a "Technical details" disclosure (components/ErrorText). One string, so it crosses the
 * workers' protocol as any message does.
 */
const TECHNICAL = "\n\nTechnical details: ";

/** A message with its technical reason appended (shown folded away). */
export const withTechnical = (plain: string, technical: string): string =>
  technical ? `${plain}${TECHNICAL}${technical}` : plain;

/** A message split into its plain words and its technical reason (null if it has none). */
export function splitTechnical(message: string): { plain: string; technical: string | null } {
  const at = message.indexOf(TECHNICAL);
  if (at < 0) return { plain: message, technical: null };
  return { plain: message.slice(0, at), technical: message.slice(at + TECHNICAL.length) };
}
