import { useEffect, useRef } from 'react';
import type { BrokerSnapshot } from '../../sim/index';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/useT';

export type BrokerAction = 'stop' | 'crash' | 'start' | 'isolate' | 'heal' | 'select';

const items: { action: BrokerAction; label: MessageKey }[] = [
  { action: 'stop', label: 'menu.stop' },
  { action: 'crash', label: 'menu.crash' },
  { action: 'start', label: 'menu.start' },
  { action: 'isolate', label: 'menu.isolate' },
  { action: 'heal', label: 'menu.heal' },
  { action: 'select', label: 'menu.select' },
];

function enabled(action: BrokerAction, broker: BrokerSnapshot): boolean {
  const running = broker.state !== 'stopped';
  switch (action) {
    case 'stop':
    case 'crash':
      return running;
    case 'start':
      return !running;
    case 'isolate':
      return !broker.isolated;
    case 'heal':
      return broker.isolated;
    default:
      return true;
  }
}

/** Right-click menu of a broker: stop, crash, start, cut off, reconnect. */
export function BrokerContextMenu({
  broker,
  x,
  y,
  onAction,
  onClose,
}: {
  broker: BrokerSnapshot;
  x: number;
  y: number;
  onAction: (action: BrokerAction) => void;
  onClose: () => void;
}) {
  const t = useT();
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [onClose]);
  return (
    <div
      ref={menu}
      className="context-menu"
      data-testid="broker-menu"
      data-broker={broker.id}
      role="menu"
      aria-label={t('menu.label', { id: broker.id })}
      style={{ left: x, top: y }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        const buttons = [
          ...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
        ];
        const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
        buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
      }}
    >
      <div className="context-menu__title">{t('menu.label', { id: broker.id })}</div>
      {items.map((item) => (
        <button
          key={item.action}
          type="button"
          role="menuitem"
          data-testid={`broker-menu-${item.action}`}
          disabled={!enabled(item.action, broker)}
          onClick={() => {
            onAction(item.action);
            onClose();
          }}
        >
          {t(item.label)}
        </button>
      ))}
    </div>
  );
}
