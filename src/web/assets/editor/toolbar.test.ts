import { describe, expect, it } from 'vitest';
import { ariaShortcut, shortcutText } from './toolbar.js';

describe('shortcut names', () => {
  it('reads as people see them on each kind of computer', () => {
    expect(shortcutText('Mod-b', false)).toBe('Ctrl+B');
    expect(shortcutText('Mod-Alt-2', false)).toBe('Ctrl+Alt+2');
    expect(shortcutText('Mod-Shift-z', true)).toBe('⌘⇧Z');
  });

  it('uses the aria-keyshortcuts notation', () => {
    expect(ariaShortcut('Mod-Shift-8', false)).toBe('Control+Shift+8');
    expect(ariaShortcut('Mod-k', true)).toBe('Meta+K');
  });
});
