import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from './connection.ts';

/** Column types that differ between dialects, chosen once for every migration. */
export function columnTypes(dialect: DialectName) {
  const pg = dialect === 'postgres';
  return {
    id: sql`text`,
    /** Text that is sorted or compared: binary collation so both dialects order alike. */
    text: pg ? sql`text collate "C"` : sql`text`,
    /** Epoch microseconds. */
    datetime: pg ? sql`bigint` : sql`integer`,
    int: sql`integer`,
    float: pg ? sql`double precision` : sql`real`,
    bool: sql`integer`,
    /** Preserves key order in PostgreSQL (`json`, not `jsonb`). */
    json: pg ? sql`json` : sql`text`,
    /** String arrays that filters search with containment. */
    tags: pg ? sql`jsonb` : sql`text`,
  } satisfies Record<string, RawBuilder<unknown>>;
}
