/**
 * Light and dark themes follow the system; the toggle overrides it and is remembered. The
 * toggle is a "Dark theme" button, pressed while the dark theme shows.
 */

function currentTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function setupThemeToggle(): void {
  const button = document.getElementById('theme-toggle');
  if (button === null) return;
  const showState = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  showState();
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', showState);
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset['theme'] = next;
    showState();
    try {
      localStorage.setItem('theme', next);
    } catch {
      // storage may be unavailable (private mode); the choice then lasts for this page
    }
  });
}
