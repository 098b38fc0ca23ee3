/**
 * The last boundary, around the whole app (editor and embed): if something outside every panel
 * boundary throws, the page says so, keeps the autosaved graph untouched, and offers to try again
 * or reload — never a blank page.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './boundary.css';

interface AppBoundaryState {
  error: Error | null;
  attempt: number;
}

export class AppBoundary extends Component<{ children: ReactNode }, AppBoundaryState> {
  override state: AppBoundaryState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<AppBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Faultline stopped working', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (error === null) return <AttemptKey key={attempt}>{this.props.children}</AttemptKey>;
    return (
      <section className="fl-panel-error fl-app-error" role="alert" aria-labelledby="fl-app-error-title">
        <h1 id="fl-app-error-title">Faultline</h1>
        <p className="fl-panel-error__title">Faultline stopped working.</p>
        <p className="fl-panel-error__message">{error.message.split('\n')[0].slice(0, 300) || error.name}</p>
        <p className="fl-panel-error__hint">Your graph is still saved in this browser.</p>
        <p className="fl-panel-error__actions">
          <button type="button" className="fl-button" onClick={() => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))}>Try again</button>
          <button type="button" className="fl-button" onClick={() => window.location.reload()}>Reload the page</button>
        </p>
      </section>
    );
  }
}

function AttemptKey({ children }: { children: ReactNode }) {
  return children;
}
