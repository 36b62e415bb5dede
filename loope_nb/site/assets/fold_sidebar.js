const s = document.getElementById('sidebar'), b = document.querySelector('button.menu');
const before = s.offsetHeight; b.click(); const after = s.offsetHeight; b.click();
return [before, after];
