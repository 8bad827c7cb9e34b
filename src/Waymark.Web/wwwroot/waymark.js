// Small helpers the Blazor UI calls; everything else is server-rendered.
window.waymark = {
  focus: (selector) => { const el = document.querySelector(selector); if (el) el.focus(); },
  scrollIntoView: (selector) => { const el = document.querySelector(selector); if (el) el.scrollIntoView({ block: 'nearest', inline: 'center' }); },
  // The zoom at which the content fits its scroll area whole; the content's size is read at its current zoom and scaled back.
  fitScale: (areaSelector, contentSelector) => {
    const area = document.querySelector(areaSelector); const content = document.querySelector(contentSelector);
    if (!area || !content) return 0;
    const zoom = parseFloat(getComputedStyle(content).zoom) || 1;
    const box = content.getBoundingClientRect();
    const width = box.width / zoom, height = box.height / zoom;
    return width === 0 || height === 0 ? 0 : Math.min(area.clientWidth / width, area.clientHeight / height);
  },
};

// ---- Action board: drag a card to another status column ------------------------------------------
// The page itself moves the card (Blazor's ondragstart and ondrop). This part stays in the browser so the
// feedback follows the pointer without a round trip per move: only another column of the same board accepts
// the drop, the card being dragged is marked data-dragging and the column under the pointer data-drop-over.
// Only editors' cards are draggable, so for viewers none of this ever starts.
(() => {
  let card = null;
  const columnOf = (el) => (el instanceof Element ? el.closest('.wm-board .wm-column[data-status]') : null);
  const markOver = (column) => {
    for (const c of document.querySelectorAll('[data-drop-over]')) if (c !== column) c.removeAttribute('data-drop-over');
    if (column && !column.hasAttribute('data-drop-over')) column.setAttribute('data-drop-over', '');
  };
  const finish = () => {
    markOver(null);
    if (card) card.removeAttribute('data-dragging');
    card = null;
  };

  document.addEventListener('dragstart', (e) => {
    // A link inside a card drags the link, not the card.
    if (!(e.target instanceof Element) || !e.target.matches('.wm-board .wm-ticket[draggable=true]')) return;
    card = e.target;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', card.dataset.action ?? '');
    // Marked after this event: the browser has taken its picture of the card by then, so the picture is not faded.
    setTimeout(() => card?.setAttribute('data-dragging', ''));
  });

  // Entering an element and hovering over it both decide: browsers repeat dragover while the pointer rests, but
  // not every one does (Playwright's drag fires only dragenter until the drop).
  const over = (e) => {
    if (!card) return;
    const column = columnOf(e.target);
    const home = columnOf(card);
    const accepts = column !== null && column !== home && column.parentElement === home?.parentElement;
    markOver(accepts ? column : null);
    if (accepts) { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }
  };
  document.addEventListener('dragenter', over);
  document.addEventListener('dragover', over);

  // Leaving the window: no column is under the pointer any more.
  document.addEventListener('dragleave', (e) => { if (card && e.relatedTarget === null) markOver(null); });
  document.addEventListener('drop', finish);
  document.addEventListener('dragend', finish);
})();

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
