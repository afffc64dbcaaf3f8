import { useMemo } from 'react';
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * Markdown written by flow authors (deployment descriptions, markdown artifacts), rendered as HTML that
 * DOMPurify has stripped of scripts, event handlers and `javascript:` links. Images are
 * dropped: the dashboard never requests external URLs.
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true }), { FORBID_TAGS: ['img', 'style', 'iframe', 'form', 'input'], FORBID_ATTR: ['style'] }), [text]);
  return (
    <div
      className={`markdown grid max-w-3xl gap-2 break-words [&_a]:text-accent [&_a]:underline [&_code]:rounded [&_code]:bg-surface-hover [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-medium [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-auto [&_pre]:rounded [&_pre]:bg-surface [&_pre]:p-2 [&_table]:border-collapse [&_td]:border [&_td]:border-border [&_td]:px-2 [&_th]:border [&_th]:border-border [&_th]:px-2 [&_ul]:list-disc ${className ?? ''}`}
      // Sanitized above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
