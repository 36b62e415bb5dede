const shown = document.body ? document.body.cloneNode(true) : document.createElement('body');
shown.querySelectorAll('div.sourceCode, p code, li code, td code').forEach(e => e.remove());  // code a reader reads as code
const text = shown.textContent;
return {
  ids: Array.from(document.querySelectorAll('[id], a[name]'), e => e.id || e.name),
  links: Array.from(document.querySelectorAll('a[href]'), a => a.href),
  bad_images: Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src.slice(0, 60)),
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  garbled: ['<Axes:', 'array([[<', '<Figure size'].filter(s => text.includes(s)),
  stale: (text.match(/\b[1-9]\d* problem\(s\)/) || []).slice(0, 1),
  backticks: Array.from(document.querySelectorAll('h1, p.description'), e => e.textContent).filter(t => t.includes('`')),
  raw_attrs: Array.from(document.querySelectorAll('h1, h2, h3, h4, nav a'), e => e.textContent.trim()).filter(t => t.includes('{#')),  // pandoc left `{#id .class}` as text
  raw_tables: Array.from(document.querySelectorAll('pre')).filter(p => /^\s*\|\s*:?-{3,}/m.test(p.textContent)).length,
  unknown: Array.from(new Set(Array.from(document.querySelectorAll('body *')).filter(e => e instanceof HTMLUnknownElement).map(e => e.localName))),
  no_copy: document.querySelectorAll('div.sourceCode:not(:has(> button.copy))').length,
  no_anchor: Array.from(document.querySelectorAll('main h2[id], main h3[id]')).filter(h => !h.querySelector(`a.anchor[href="#${CSS.escape(h.id)}"]`)).map(h => h.id),
  menu: !!document.querySelector('button.menu'),
}
