// Small helpers the Blazor UI calls; everything else is server-rendered.
window.waymark = {
  focus: (selector) => { const el = document.querySelector(selector); if (el) el.focus(); },
  scrollIntoView: (selector) => { const el = document.querySelector(selector); if (el) el.scrollIntoView({ block: 'nearest', inline: 'center' }); },
};
