import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { BatchHub } from '../workbench/batchHub';
import type { DiagramModel } from './diagramTypes';
import { dotsForEvents } from './recordDots';
import type { ProducerMemory } from './recordDots';

/** Wall ms a dot takes along its path. */
const travelMs = 650;
/** Most dots in flight; further ones wait for the next batch. */
const maxInFlight = 300;
const svgNs = 'http://www.w3.org/2000/svg';

/**
 * Records moving as dots (DESIGN §1), drawn imperatively into an SVG layer in flow coordinates:
 * one Web Animation per dot, no React state per record. Nothing moves with reduced motion.
 */
export function RecordDots({
  hub,
  model,
  reducedMotion,
}: {
  hub: BatchHub;
  model: RefObject<DiagramModel | undefined>;
  reducedMotion: boolean;
}) {
  const layer = useRef<SVGGElement>(null);
  useEffect(() => {
    if (reducedMotion) return;
    const producers: ProducerMemory = new Map();
    let generation: number | undefined;
    let inFlight = 0;
    return hub.subscribe((batch) => {
      const g = layer.current;
      if (generation !== batch.clock.generation) {
        // A new cluster: records of the old one stop where they are.
        producers.clear();
        for (const circle of [...(g?.children ?? [])])
          for (const animation of circle.getAnimations()) animation.cancel();
      }
      generation = batch.clock.generation;
      const current = model.current;
      if (!g || !current || batch.events.length === 0) return;
      const dots = dotsForEvents(batch.events, current, producers);
      dots.forEach((dot, i) => {
        if (inFlight >= maxInFlight || typeof Element.prototype.animate !== 'function') return;
        const circle = document.createElementNS(svgNs, 'circle');
        circle.setAttribute('r', String(Math.min(9, 4 + Math.log2(dot.count + 1))));
        circle.setAttribute('class', `record-dot record-dot--${dot.kind}`);
        g.appendChild(circle);
        inFlight++;
        const animation = circle.animate(
          [
            { transform: `translate(${dot.from.x}px, ${dot.from.y}px)`, opacity: 0.2 },
            { opacity: 1, offset: 0.15 },
            { transform: `translate(${dot.to.x}px, ${dot.to.y}px)`, opacity: 0.9 },
          ],
          { duration: travelMs, delay: Math.min(i * 12, 300), easing: 'ease-in-out', fill: 'both' },
        );
        const done = () => {
          circle.remove();
          inFlight--;
        };
        animation.onfinish = done;
        animation.oncancel = done;
      });
    });
  }, [hub, model, reducedMotion]);
  return (
    <ViewportPortal>
      <svg className="record-dots" aria-hidden="true">
        <g ref={layer} />
      </svg>
    </ViewportPortal>
  );
}
