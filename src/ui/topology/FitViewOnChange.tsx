import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { getViewportForBounds, useReactFlow, useStore } from '@xyflow/react';
import type { Rect } from './diagramTypes';

/**
 * Keeps the whole cluster in view: fits when `fitKey` changes (a reset, brokers or clients added)
 * and, until the learner pans or zooms (`userMoved`), whenever the pane changes size. Uses the
 * diagram's own bounds, so it needs no DOM measurement.
 */
export function FitViewOnChange({
  fitKey,
  bounds,
  animate,
  userMoved,
}: {
  fitKey: string;
  bounds: Rect;
  animate: boolean;
  userMoved: RefObject<boolean>;
}) {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const latest = useRef(bounds);
  latest.current = bounds;
  const fitted = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (width <= 0 || height <= 0 || latest.current.width === 0) return;
    const keyChanged = fitted.current !== fitKey;
    if (!keyChanged && userMoved.current) return;
    fitted.current = fitKey;
    userMoved.current = false;
    const viewport = getViewportForBounds(latest.current, width, height, 0.05, 1.25, 0.06);
    void flow.setViewport(viewport, { duration: animate && keyChanged ? 300 : 0 });
  }, [flow, fitKey, width, height, animate, userMoved]);
  return null;
}
