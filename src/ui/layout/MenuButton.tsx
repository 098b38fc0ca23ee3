/**
 * A toolbar menu (File, View) after the WAI-ARIA menu-button pattern: Enter, Space or ArrowDown
 * opens it on its first item, ArrowUp on its last; arrows, Home and End move; Escape closes and
 * gives focus back to the button; Tab or a click elsewhere closes it. A dozen lines of keyboard
 * handling do not justify a menu library in the editor's first JavaScript.
 */
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  onSelect(): void;
  /** A toggle (theme, presenter mode): rendered as a menuitemcheckbox. */
  checked?: boolean;
  disabled?: boolean;
  title?: string;
}

export function MenuButton({ label, items }: { label: string; items: MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const [placement, setPlacement] = useState<CSSProperties>({});
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);

  const openAt = (index: number) => {
    // fixed to the viewport: the phone's toolbar scrolls sideways and would clip an absolute popup
    const rect = button.current?.getBoundingClientRect();
    if (rect) setPlacement({ top: rect.bottom + 4, right: Math.max(4, window.innerWidth - rect.right) });
    setFocusIndex(index);
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')[focusIndex]?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') openAt(enabled[0] ?? 0);
    else if (event.key === 'ArrowUp') openAt(enabled[enabled.length - 1] ?? 0);
    else return;
    event.preventDefault();
  };

  const move = (step: number) => {
    const at = enabled.indexOf(focusIndex);
    setFocusIndex(enabled[(at + step + enabled.length) % enabled.length] ?? 0);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Home: () => setFocusIndex(enabled[0] ?? 0),
      End: () => setFocusIndex(enabled[enabled.length - 1] ?? 0),
      Escape: () => close(true),
      Tab: () => setOpen(false),
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation(); // the page's shortcuts (Escape leaves presenter mode) stay out of an open menu
    action();
  };

  const choose = (item: MenuItem) => {
    close(true);
    item.onSelect();
  };

  return (
    <div className="fl-menu">
      <button
        ref={button}
        type="button"
        className="fl-button fl-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(enabled[0] ?? 0))}
        onKeyDown={onButtonKey}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={label} className="fl-menu__list" style={placement} onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <li
              key={item.label}
              role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.checked}
              aria-disabled={item.disabled || undefined}
              title={item.title}
              tabIndex={i === focusIndex ? 0 : -1}
              className="fl-menu__item"
              onClick={() => !item.disabled && choose(item)}
              onKeyDown={(event) => {
                if ((event.key === 'Enter' || event.key === ' ') && !item.disabled) {
                  event.preventDefault();
                  choose(item);
                }
              }}
            >
              {item.checked !== undefined && <span className="fl-menu__check" aria-hidden="true">{item.checked ? '✓' : ''}</span>}
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
