/**
 * The token badge of a validator (a node with `auth`): its token state in words ("REJECTING
 * TOKENS", with its own colour and a key-with-slash icon), which key it rejects on what share of
 * replicas, which keys every replica trusts, 401s and key-set fetches per second, and the time to
 * the next scheduled refresh. Static structure; live/token-readouts.ts paints it every frame.
 */
import { TOKEN_KEY_SLOTS } from '../live/token-readouts.ts';

const SLOTS = Array.from({ length: TOKEN_KEY_SLOTS }, (_, i) => i);

export function TokenBadge() {
  return (
    <div className="fl-token" data-live="token" data-state="idle" role="group" aria-label="Token validation">
      <div className="fl-token__state" data-live="token-state" data-state="idle">–</div>
      <div className="fl-token__rejecting" data-live="token-rejecting">–</div>
      <div className="fl-token__keys">
        <span className="fl-readout__caption">keys</span>
        {SLOTS.map((slot) => (
          <span key={slot} className="fl-token__key" data-live={`token-key-${slot}`} />
        ))}
        <span className="fl-token__note" data-live="token-keys-note">–</span>
      </div>
      <div className="fl-token__line">
        <span title="Requests rejected for their token (401) per second">
          <span className="fl-readout__caption">rejected</span> <span className="fl-readout__value" data-live="token-rejected-rate">–</span>
          <span className="fl-readout__unit">/s</span>
        </span>
        <span title="Fetches of the key set per second (scheduled refreshes and re-fetches on an unknown key)">
          <span className="fl-readout__caption">fetch</span> <span className="fl-readout__value" data-live="token-fetch-rate">–</span>
          <span className="fl-readout__unit">/s</span>
        </span>
      </div>
      <div className="fl-token__refresh" data-live="token-refresh">–</div>
    </div>
  );
}

/** Whether a node validates tokens: it has an `auth` object (docs/format.md § token validation). */
export const validatesTokens = (node: Record<string, unknown>): boolean => typeof node.auth === 'object' && node.auth !== null && !Array.isArray(node.auth);
