// Runs before the bundle (a file, not an inline script: the Content-Security-Policy allows no inline scripts).
// Applies a stored theme override before first paint so a dark-mode user never sees a light flash.
try {
  var theme = localStorage.getItem('syntask.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {}
// Starts reading /ui-settings (the API base URL every request needs) while the bundle loads;
// src/api/client.ts takes this response on its first use.
window.__syntaskUiSettings = fetch('/ui-settings', { headers: { accept: 'application/json' } }).catch(function () {});
