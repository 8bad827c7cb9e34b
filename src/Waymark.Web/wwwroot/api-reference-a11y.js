// Scalar's code fields on the API reference page (request bodies, the auth token) are comboboxes that never say
// whether their list is open, so screen readers cannot announce them (axe: aria-required-attr). Waymark's page adds
// the state they have until Scalar sets one itself: closed.
(() => {
  const closeUnstated = () => document.querySelectorAll('[role=combobox]:not([aria-expanded])')
    .forEach(field => field.setAttribute('aria-expanded', 'false'));
  new MutationObserver(closeUnstated).observe(document.documentElement,
    { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-expanded'] });
  closeUnstated();
})();
