(function () {
  const box = document.getElementById('search');
  if (box && location.protocol === 'file:')
    box.innerHTML = '<span class="search-off" title="The search index is fetched over HTTP">search: <code>loope-docs --serve</code></span>';
  else if (box && window.PagefindUI)
    new PagefindUI({element: '#search', showSubResults: true, showImages: false, resetStyles: false});
  const menu = document.querySelector('button.menu'), side = document.getElementById('sidebar');
  if (menu && side) menu.addEventListener('click', () => menu.setAttribute('aria-expanded', side.classList.toggle('open')));
  document.querySelectorAll('div.sourceCode').forEach(div => {
    const pre = div.querySelector('pre'), b = document.createElement('button');
    if (!pre) return;
    b.className = 'copy'; b.type = 'button'; b.textContent = 'Copy'; b.title = 'Copy to clipboard';
    b.addEventListener('click', async () => {
      let ok = false;
      try { await navigator.clipboard.writeText(pre.innerText); ok = true; }
      catch (e) {  // no clipboard API (a page opened from a file): the old way
        const t = document.createElement('textarea'); t.value = pre.innerText; document.body.appendChild(t); t.select();
        try { ok = document.execCommand('copy'); } catch (e2) {}
        t.remove();
      }
      b.textContent = ok ? 'Copied' : 'Copy failed'; setTimeout(() => { b.textContent = 'Copy'; }, 1500);
    });
    div.appendChild(b);
  });
})();
