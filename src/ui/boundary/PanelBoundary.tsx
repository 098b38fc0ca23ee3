/**
 * An error boundary around one panel (the canvas, the inspector, the charts, the guide, a
 * dialog, the embed's view): a panel that throws while rendering shows what went wrong and a
 * Try again button in its own place, and the rest of the app — and the graph — carry on.
 * Without it, React unmounts the whole tree and the page goes blank.
 */
import { Component, type CSSProperties, type ErrorInfo, type ReactNode } from 'react';
import { clearPanelFault, usePanelFault } from './panel-faults.ts';
import './boundary.css';

interface PanelBoundaryProps {
  /** The panel as a person calls it, first letter capital ("The inspector"). */
  name: string;
  /** The name `__faultlineBreakPanel` knows it by ("inspector"). */
  id: string;
  /** The layout's grid area, so the message sits where the panel was. */
  area?: string;
  /** A smaller message, for a panel inside another (a chart, the timeline). */
  compact?: boolean;
  /** A second way out beside Try again (close the guide, dismiss a dialog). */
  action?: { label: string; run(): void };
  children: ReactNode;
}

interface PanelBoundaryState {
  error: Error | null;
  /** Bumped by Try again: a fresh mount of the panel, not a re-render of its broken state. */
  attempt: number;
}

function FaultProbe({ id, children }: { id: string; children: ReactNode }) {
  usePanelFault(id);
  return children;
}

export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<PanelBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    clearPanelFault(this.props.id);
    // React reports it to the console too; this names the panel for whoever reads the log.
    console.error(`Faultline: ${this.props.name} stopped working`, error, info.componentStack);
  }

  private retry = (): void => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    const { name, id, area, compact, action, children } = this.props;
    const { error, attempt } = this.state;
    if (error === null) {
      return (
        <FaultProbe key={attempt} id={id}>
          {children}
        </FaultProbe>
      );
    }
    const style: CSSProperties | undefined = area ? { gridArea: area } : undefined;
    const message = error.message.split('\n')[0].slice(0, 300) || error.name;
    return (
      <section className={`fl-panel-error${compact ? ' fl-panel-error--compact' : ''}`} style={style} role="alert" aria-label={`${name}: error`} data-panel={id}>
        <p className="fl-panel-error__title">{name} stopped working.</p>
        <p className="fl-panel-error__message">{message}</p>
        {!compact && <p className="fl-panel-error__hint">The rest of Faultline still works, and your graph is kept.</p>}
        <button type="button" className="fl-button fl-button--small" onClick={this.retry}>
          Try again
        </button>
        {action && (
          <>
            {' '}
            <button type="button" className="fl-button fl-button--small" onClick={action.run}>
              {action.label}
            </button>
          </>
        )}
      </section>
    );
  }
}
