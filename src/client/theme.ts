/** Light and dark themes follow the system; the toggle overrides it and is remembered. */

export function setupThemeToggle(): void {
  const button = document.getElementById('theme-toggle');
  if (button === null) return;
  button.addEventListener('click', () => {
    const root = document.documentElement;
    const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    const current = root.dataset['theme'] ?? (systemDark ? 'dark' : 'light');
    const next = current === 'dark' ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // storage may be unavailable (private mode); the choice then lasts for this page
    }
  });
}
