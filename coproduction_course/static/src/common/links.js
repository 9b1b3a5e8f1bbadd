// links.js: links to book pages from paths relative to the site root, such as
// "chapters/05-critiques.html#barrier-resistance".
import { h } from "./dom.js";

// The site's root as an absolute URL, or null in a running notebook (no site).
// Sphinx puts the way from this page to the root in <html data-content_root>.
// When the book names its published address (`publishing.site_url` in _config.yml,
// which _ext/course_publishing.py makes Sphinx's html_baseurl), each page carries
// <link rel="canonical">, and links
// are built from that address, so an exported file handed in later still
// points at the published course. Otherwise they are built from the address
// the page was opened at.
export function siteRoot(doc = globalThis.document) {
  if (!doc || !doc.documentElement) return null;
  const root = doc.documentElement.dataset.content_root;
  if (root === undefined) return null;
  const canonical = doc.querySelector('link[rel="canonical"]');
  const here = (canonical && canonical.href) || (globalThis.location && globalThis.location.href);
  try {
    return new URL(root || "./", here).href;
  } catch (err) {
    return null;
  }
}

// The absolute address of a book page, or null when there is no site.
export function absoluteHref(href, root) {
  if (!root) return null;
  try {
    return new URL(href, root).href;
  } catch (err) {
    return null;
  }
}

// A link to a book page; in a notebook (no site) the label as plain text.
export function bookLink(link) {
  const url = absoluteHref(link.href, siteRoot());
  return url ? h("a", { href: url, text: link.label }) : h("span", { text: link.label });
}

// The root for links in a file a student downloads (Markdown exports): the
// published address when the book names one (the canonical link), else the
// address the page was opened at when that is on the web. From a copy opened
// from disk with no published address: null, so exports link to nothing rather
// than to a file:/// path on the student's machine.
export function exportRoot(doc = globalThis.document) {
  const root = siteRoot(doc);
  return root && /^https?:/.test(root) ? root : null;
}
