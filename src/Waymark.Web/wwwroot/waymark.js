// Small helpers the Blazor UI calls; everything else is server-rendered.
window.waymark = {
  focus: (selector) => { const el = document.querySelector(selector); if (el) el.focus(); },
  scrollIntoView: (selector) => { const el = document.querySelector(selector); if (el) el.scrollIntoView({ block: 'nearest', inline: 'center' }); },
};

// ---- Journey map: undo and redo keys --------------------------------------------------------
// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, wherever the focus is on the map page; in a text field
// the keys keep undoing typing. The keys press the map's own buttons, so a disabled one does nothing.
document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const key = e.key.toLowerCase();
  if (key !== 'z' && key !== 'y') return;
  if (e.target instanceof Element && e.target.closest('input, textarea, select, [contenteditable]')) return;
  const button = document.querySelector(key === 'y' || e.shiftKey ? '[data-testid=redo]' : '[data-testid=undo]');
  if (!button) return;
  e.preventDefault();
  if (!button.disabled) button.click();
});
