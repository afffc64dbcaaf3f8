import blockText from '@fixtures/block-schemas.ndjson?raw';
import parameterText from '@fixtures/parameter-schemas.ndjson?raw';

/**
 * The shared corpus of real-world schemas: every parameter schema and every block schema,
 * one case each, for the schema form's corpus tests.
 */

export interface CorpusCase {
  name: string;
  origin: 'parameters' | 'blocks';
  schema: Record<string, unknown>;
  quirks: string[];
}

interface Line {
  name?: string;
  block_type_slug?: string;
  version?: string;
  fields?: Record<string, unknown>;
  schema?: Record<string, unknown>;
  quirks?: string[];
}

const lines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);

export const CORPUS: CorpusCase[] = [
  ...lines(parameterText).map((l) => ({ name: `parameters: ${l.name}`, origin: 'parameters' as const, schema: l.schema ?? {}, quirks: l.quirks ?? [] })),
  ...lines(blockText).map((l) => ({
    name: `blocks: ${l.block_type_slug ? `${l.block_type_slug} ${l.version ?? ''}`.trim() : l.name}`,
    origin: 'blocks' as const,
    schema: l.fields ?? l.schema ?? {},
    quirks: l.quirks ?? [],
  })),
];
