/** An absolute URL of one of the page's own files (workers resolve relative URLs against their script). */
export const fromPage = (path: string) =>
  new URL(`${import.meta.env.BASE_URL}${path}`, location.href).href;
