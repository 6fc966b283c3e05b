// @vitest-environment node
/** The hosted build's Content-Security-Policy: the page allows no plugins, no <base> elsewhere and no form posts. */
import type { HtmlTagDescriptor } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../vite.config';

/** The policy as the built page carries it: the content of the meta tag the plugin writes, as directive → value. */
function writtenPolicy(): Map<string, string> {
  const hook = contentSecurityPolicy().transformIndexHtml as () => HtmlTagDescriptor[];
  const meta = hook().find((tag) => tag.tag === 'meta' && tag.attrs?.['http-equiv'] === 'Content-Security-Policy');
  const content = String(meta?.attrs?.content ?? '');
  return new Map(
    content.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('the hosted build’s content security policy', () => {
  it('forbids plugins, a foreign <base> and form posts', () => {
    const policy = writtenPolicy();
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'self'");
    expect(policy.get('form-action')).toBe("'none'");
  });
});
