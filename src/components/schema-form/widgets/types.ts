import type { FieldModel } from '../../../lib/schema-form/model.ts';

/** What every widget receives from its field. */
export interface WidgetProps {
  model: FieldModel;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Id of the main control (the field's label points at it). */
  id: string;
  /** JSON pointer of the value in the form. */
  pointer: string;
  required: boolean;
  label: string;
  invalid: boolean;
  describedBy?: string;
}

export const controlClass = 'w-full max-w-xl';
