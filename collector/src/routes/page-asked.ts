// The page a list endpoint is asked for (GET /api/records, /api/snapshots, /api/erasures): `page` and
// `pageSize` as their query schemas let them through (whole and positive, or empty), each list with its
// own largest page.

/** The query parameters of a page. */
export interface PageQuery {
  page?: string;
  pageSize?: string;
}

/**
 * The page and its size (1 and 50 when not given), and the message of a 400 when the size is over `max`.
 */
export function pageAsked(
  { page, pageSize }: PageQuery,
  max: number,
): { page: number; pageSize: number; error?: string } {
  const size = Number(pageSize || 50);
  return {
    page: Number(page || 1),
    pageSize: size,
    ...(size > max && { error: `pageSize must be at most ${max}` }),
  };
}
