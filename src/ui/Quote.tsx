import type { ReactNode } from 'react';

/** A verbatim passage of a plan, with the section it stands in. Text only: plan content is never parsed as markup. */
export function Quote({ quote, section, label, extra }: { quote: string; section: string; label: string; extra?: ReactNode }) {
  return (
    <figure className="quote">
      <blockquote lang="zh-CN">{quote}</blockquote>
      <figcaption>
        <span className="quote-label">{label}</span> {section}
        {extra}
      </figcaption>
    </figure>
  );
}
