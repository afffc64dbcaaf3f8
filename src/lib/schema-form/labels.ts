import { detectMember } from './members.ts';
import { describeField } from './model.ts';
import { isObject, type JsonSchema } from './schema.ts';

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function pointerPath(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
}

/**
 * A readable name for the field at a pointer, by the schema's titles: `Thresholds › Warn at`,
 * `Recipients › item 2`. Unions follow the member the value belongs to.
 */
export function fieldLabel(root: JsonSchema, value: unknown, pointer: string): string {
  const parts: string[] = [];
  let schema: unknown = root;
  let current: unknown = value;
  let isRoot = true;
  for (const key of pointerPath(pointer)) {
    let model = describeField(root, schema, { isRoot });
    isRoot = false;
    for (let i = 0; i < 5 && model.kind === 'union'; i++) {
      const members = model.members ?? [];
      model = describeField(root, members[Math.max(0, detectMember(root, members, current))]);
    }
    const index = Number(key);
    if (model.kind === 'object') {
      const property = model.properties?.find((p) => p.name === key);
      schema = property?.schema ?? {};
      parts.push(describeField(root, schema).title ?? key);
    } else if (model.kind === 'array' || model.kind === 'multi-select') {
      schema = model.item ?? {};
      parts.push(`item ${index + 1}`);
    } else if (model.kind === 'tuple') {
      schema = model.tupleItems?.[index] ?? {};
      parts.push(`position ${index + 1}`);
    } else if (model.kind === 'dict') {
      schema = model.item ?? {};
      parts.push(key.startsWith('#') ? `entry ${Number(key.slice(1)) + 1}` : key);
    } else {
      schema = {};
      parts.push(key);
    }
    current = Array.isArray(current) ? current[index] : isObject(current) ? current[key] : undefined;
  }
  return parts.length ? parts.join(' › ') : 'The whole value';
}
