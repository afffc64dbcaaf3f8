/**
 * URL search params of the simple list pages (variables, artifacts): a text search, tag
 * filters, a type filter and the page; invalid values are dropped, defaults stay out of the URL. Pure.
 */

export interface ListSearch {
  q?: string;
  tag?: string[];
  /** Artifact type. */
  type?: string;
  page?: number;
}

export function parseListSearch(raw: Record<string, unknown>): ListSearch {
  const out: ListSearch = {};
  if (typeof raw.q === 'string' && raw.q.trim()) out.q = raw.q.slice(0, 200);
  const tags = (Array.isArray(raw.tag) ? raw.tag : typeof raw.tag === 'string' ? [raw.tag] : []).filter((t): t is string => typeof t === 'string' && t.length > 0 && t.length <= 200);
  if (tags.length) out.tag = [...new Set(tags)].slice(0, 50);
  if (typeof raw.type === 'string' && /^[\w-]{1,100}$/.test(raw.type)) out.type = raw.type;
  if (typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page > 1 && raw.page <= 100_000) out.page = raw.page;
  return out;
}

/** `POST /variables/filter|count` keys: the name contains the text (case-insensitive) and every tag is present. */
export function variableFilterBody(search: ListSearch) {
  const variables: { name?: { like_: string }; tags?: { all_: string[] } } = {};
  if (search.q) variables.name = { like_: search.q };
  if (search.tag?.length) variables.tags = { all_: search.tag };
  return Object.keys(variables).length ? { variables } : {};
}

/** `POST /artifacts/latest/filter|count` keys: the key contains the text, of this type; results (`type: result`) hidden unless asked for. */
export function latestArtifactFilterBody(search: ListSearch) {
  return {
    artifacts: {
      ...(search.q ? { key: { like_: search.q } } : {}),
      type: search.type ? { any_: [search.type] } : { not_any_: ['result'] },
    },
  };
}
