import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/** Rendering real components in a DOM test environment (happy-dom), driven like a user would. */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  rerender: (node: ReactNode) => void;
  unmount: () => void;
}

export function render(node: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(node);
  });
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Sets an input's, textarea's or select's value the way typing does, so React's onChange fires. */
export function change(element: Element | null, value: string) {
  if (!element) throw new Error('change(): no element');
  const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export function click(element: Element | null) {
  if (!element) throw new Error('click(): no element');
  act(() => (element as HTMLElement).click());
}

/** The element of a field by its JSON pointer. */
export function field(container: ParentNode, pointer: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-field="${pointer.replace(/"/g, '\\"')}"]`);
  if (!el) throw new Error(`No field at ${pointer}`);
  return el;
}

export function buttonByText(container: ParentNode, text: string | RegExp): HTMLButtonElement {
  const match = [...container.querySelectorAll('button')].find((b) => (typeof text === 'string' ? b.textContent?.trim() === text || b.getAttribute('aria-label') === text : text.test(b.textContent ?? '') || text.test(b.getAttribute('aria-label') ?? '')));
  if (!match) throw new Error(`No button ${String(text)}`);
  return match;
}
