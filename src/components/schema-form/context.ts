import { createContext, useContext, useEffect, useState, type ComponentType } from 'react';
import type { JsonSchema } from '../../lib/schema-form/schema.ts';
import type { FieldErrors } from '../../lib/schema-form/validate.ts';

/** What a block-reference widget receives: the block types it may pick from and the reference value. */
export interface BlockReferenceProps {
  /** Slugs of the block types a document may have (several for a union of blocks). */
  slugs: string[];
  /** `{"$ref": {"block_document_id": …}}`, inline data (shown as is), or undefined. */
  value: unknown;
  onChange: (value: unknown) => void;
  id: string;
  label: string;
  /** The options of the surrounding form, for forms the widget opens (a new block). */
  options: SchemaFormOptions;
}

export interface SchemaFormOptions {
  /** Picks (and creates) block documents; without it a reference is shown read-only. */
  blockReference?: ComponentType<BlockReferenceProps>;
  /** The zone date-time fields start in (the user's chosen zone). */
  timeZone?: string;
  /**
   * The value the server returns in place of a stored secret (block documents mask
   * `secret_fields` as `********`). A password field holding it shows "stored secret" and
   * sends it back unchanged unless the user types a new one.
   */
  secretMask?: string;
}

export interface FormContextValue {
  root: JsonSchema;
  options: SchemaFormOptions;
  errors: FieldErrors;
  idPrefix: string;
  /** Unparseable input (JSON being typed, a duplicate key) by pointer; `null` clears it. */
  reportDraft: (pointer: string, message: string | null) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) throw new Error('Schema form fields must be rendered inside <SchemaForm>.');
  return context;
}

export const fieldId = (prefix: string, pointer: string) => `${prefix}${pointer.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0)}`)}`;

/** Reports a draft problem while it lasts, and clears it when the field goes away. */
export function useDraftIssue(pointer: string, message: string | null) {
  const { reportDraft } = useFormContext();
  useEffect(() => {
    reportDraft(pointer, message);
  }, [pointer, message, reportDraft]);
  useEffect(() => () => reportDraft(pointer, null), [pointer, reportDraft]);
}

/**
 * Text the user is typing for a value: kept as typed while it reads as the current value
 * (so `1.` or `1.50` are not rewritten mid-typing), replaced when the value changes elsewhere.
 */
export function useDraft<T>(value: T, format: (value: T) => string, matches: (draft: string, value: T) => boolean): [string, (text: string) => void] {
  const [draft, setDraft] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (!matches(draft, value)) setDraft(format(value));
  }
  return [draft, setDraft];
}
