import { useMemo } from 'react';
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// Raw HTML inside markdown is dropped before it is ever parsed as HTML, so an `onerror` never reaches
// a document (the Content-Security-Policy would block it, and report it as a console error).
const markdown = new Marked({ gfm: true, renderer: { html: () => '' } });

/**
 * Markdown written by flow authors (deployment descriptions, markdown artifacts), rendered as HTML that
 * DOMPurify has stripped of scripts, event handlers and `javascript:` links. Images are
 * dropped: the dashboard never requests external URLs.
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => {
    const clean = DOMPurify.sanitize(markdown.parse(text, { async: false }), { FORBID_TAGS: ['img', 'style', 'iframe', 'form', 'input'], FORBID_ATTR: ['style'] });
    // Code blocks scroll sideways: focusable, so the keyboard can scroll them too.
    return clean.replaceAll('<pre>', '<pre tabindex="0">');
  }, [text]);
  return (
    <div
      className={`markdown grid max-w-3xl gap-2 break-words [&_a]:text-accent [&_a]:underline [&_code]:rounded [&_code]:bg-surface-hover [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-medium [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-auto [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre]:rounded [&_pre]:bg-surface [&_pre]:p-2 [&_table]:border-collapse [&_td]:border [&_td]:border-border [&_td]:px-2 [&_th]:border [&_th]:border-border [&_th]:px-2 [&_ul]:list-disc ${className ?? ''}`}
      // Sanitized above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
