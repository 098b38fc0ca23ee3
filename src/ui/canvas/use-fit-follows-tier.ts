/**
 * A fit view is worked out from the cards' measured sizes, but the sizes depend on the zoom
 * (semantic zoom: a smaller tier has other rows and larger type). When the fit's zoom changes the
 * tier, the graph is fitted once more with the cards as they are now drawn. At most
 * MAX_REFITS per fit, so two tiers whose sizes would each call for the other cannot ping-pong.
 */
import { useEffect, useRef } from 'react';
import type { DetailTier } from './legibility.ts';

const MAX_REFITS = 2;

/** `refit` runs two frames after a tier change (React Flow has measured the new sizes by then); call the returned function whenever a fit starts. */
export function useFitFollowsTier(tier: DetailTier, refit: () => void): () => void {
  const refits = useRef(0);
  const refitRef = useRef(refit);
  refitRef.current = refit;
  const seen = useRef(tier);
  useEffect(() => {
    if (seen.current === tier) return;
    seen.current = tier;
    if (refits.current >= MAX_REFITS) return;
    refits.current++;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => refitRef.current());
    });
    return () => cancelAnimationFrame(frame);
  }, [tier]);
  return () => {
    refits.current = 0;
  };
}
