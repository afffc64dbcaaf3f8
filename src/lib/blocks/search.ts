/**
 * URL search params of the block pages (validated; defaults left out of the URL) and the
 * filter bodies they stand for. Pure.
 */

const SLUG = /^[a-z0-9-]{1,200}$/;
const MAX_LIST = 50;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.slice(0, 200) : undefined);
const capability = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined);

export interface BlocksSearch {
  /** Substring of the block name. */
  q?: string;
  /** Block type slugs. */
  type?: string[];
  capability?: string;
  page?: number;
}

export function parseBlocksSearch(raw: Record<string, unknown>): BlocksSearch {
  const out: BlocksSearch = {};
  const q = text(raw.q);
  if (q) out.q = q;
  const list = Array.isArray(raw.type) ? raw.type : typeof raw.type === 'string' ? [raw.type] : [];
  const type = [...new Set(list.filter((s): s is string => typeof s === 'string' && SLUG.test(s)))].slice(0, MAX_LIST);
  if (type.length) out.type = type;
  const cap = capability(raw.capability);
  if (cap) out.capability = cap;
  if (typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page > 1 && raw.page <= 100_000) out.page = raw.page;
  return out;
}

/** `POST /block_documents/filter|count` keys for a search (no sort or paging). */
export function blockFilterBody(search: BlocksSearch) {
  return {
    ...(search.q ? { block_documents: { name: { like_: search.q } } } : {}),
    ...(search.type?.length ? { block_types: { slug: { any_: search.type } } } : {}),
    ...(search.capability ? { block_schemas: { block_capabilities: { all_: [search.capability] } } } : {}),
  };
}

export interface CatalogSearch {
  /** Substring of the block type name. */
  q?: string;
  capability?: string;
}

export function parseCatalogSearch(raw: Record<string, unknown>): CatalogSearch {
  const out: CatalogSearch = {};
  const q = text(raw.q);
  if (q) out.q = q;
  const cap = capability(raw.capability);
  if (cap) out.capability = cap;
  return out;
}

/** `POST /block_types/filter` keys for a catalog search. */
export function catalogFilterBody(search: CatalogSearch) {
  return {
    ...(search.q ? { block_types: { name: { like_: search.q } } } : {}),
    ...(search.capability ? { block_schemas: { block_capabilities: { all_: [search.capability] } } } : {}),
  };
}
