/**
 * A fit view is worked out from the cards' measured sizes, but the sizes depend on the zoom
 * (semantic zoom: a smaller tier has other rows and larger type). When the fit's zoom changes the
 * tier, or the cards change size after it, the graph is fitted once more with the cards as they
 * are now drawn. At most MAX_REFITS per fit, so sizes that would each call for the other cannot
 * ping-pong.
 */
import { useEffect, useRef } from 'react';
import type { DetailTier } from './legibility.ts';

const MAX_REFITS = 6;

/** The cards as measured: a new `sizes` object whenever a size changes, and how many there are. */
export interface MeasuredCards {
  sizes: object;
  count: number;
}

/**
 * `refit` runs two frames after a tier change, or after a change of the cards' measured sizes
 * while the graph still has the cards it was fitted with (React Flow has measured the new sizes by
 * then): a card that grows after the fit (a state line, a headline number, a label wrapping
 * differently) would otherwise end under the minimap or the controls the fit had kept it clear of.
 * A card added or removed by the person never moves the view. Call the returned function whenever
 * a fit starts.
 */
export function useFitFollowsTier(tier: DetailTier, refit: () => void, cards?: MeasuredCards): () => void {
  const refits = useRef(0);
  const refitRef = useRef(refit);
  refitRef.current = refit;
  const countNow = useRef(cards?.count);
  countNow.current = cards?.count;
  const countAtFit = useRef(cards?.count);
  const seen = useRef<[DetailTier, object | undefined]>([tier, cards?.sizes]);
  const sizes = cards?.sizes;
  useEffect(() => {
    const [seenTier, seenSizes] = seen.current;
    if (seenTier === tier && seenSizes === sizes) return;
    seen.current = [tier, sizes];
    if (seenTier === tier && countNow.current !== countAtFit.current) return;
    if (refits.current >= MAX_REFITS) return;
    // counted when it runs: a refit cancelled by the next change (sizes arrive in bursts) is not spent
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        refits.current++;
        refitRef.current();
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [tier, sizes]);
  return () => {
    refits.current = 0;
    countAtFit.current = countNow.current;
  };
}
