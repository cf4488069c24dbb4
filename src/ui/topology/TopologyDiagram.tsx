import { useCallback, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import type { Node, Viewport } from '@xyflow/react';
import { useAppActor, useAppSelector } from '../app/actorContexts';
import { useT } from '../i18n/useT';
import { useSnapshot, useWorkbench } from '../workbench/WorkbenchProvider';
import { BrokerContextMenu } from './BrokerContextMenu';
import type { BrokerAction } from './BrokerContextMenu';
import type { DiagramModel, DiagramNode } from './diagramTypes';
import { FitViewOnChange } from './FitViewOnChange';
import { nodeTypes } from './nodeTypes';
import { RecordDots } from './RecordDots';
import { snapshotToDiagram } from './snapshotToDiagram';
import { useStableItems } from './stableNodes';
import { useNodeFlashes } from './useNodeFlashes';
import { useProducerActivity } from './useProducerActivity';

/** Diagrams with more nodes draw only what is in view. */
const virtualizeAbove = 300;

const minimapColor = (node: Node) => {
  const c = node.className ?? '';
  if (c.includes('broker--stopped') || c.includes('replica--offline')) return 'var(--offline)';
  if (c.includes('replica--out-of-sync')) return 'var(--out-of-sync)';
  if (c.includes('replica')) return 'var(--in-sync)';
  if (c.includes('client')) return 'var(--client)';
  return 'var(--panel-strong)';
};

/**
 * The live cluster (DESIGN §1): brokers holding their replicas, the control plane, producers and
 * consumer groups; records as moving dots; elections and rebalances flash. Right-click a broker to
 * stop, crash, start, cut off or reconnect it.
 */
export function TopologyDiagram() {
  const t = useT();
  const app = useAppActor();
  const { remote, hub } = useWorkbench();
  const snapshot = useSnapshot();
  const producers = useProducerActivity(hub);
  const selection = useAppSelector((s) => s.context.selection);
  const theme = useAppSelector((s) => s.context.theme);
  const reducedMotion = useAppSelector((s) => s.context.reducedMotion);
  const container = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<{ brokerId: number; x: number; y: number }>();
  const [notice, setNotice] = useState<string>();
  /** Set once the learner pans or zooms: automatic fitting then waits for the next reset. */
  const userMoved = useRef(false);
  const moveStart = useRef<Viewport | undefined>(undefined);

  const model = useMemo(
    () => (snapshot ? snapshotToDiagram(snapshot, { producers, selection }) : undefined),
    [snapshot, producers, selection],
  );
  const modelRef = useRef<DiagramModel | undefined>(model);
  modelRef.current = model;
  const nodes = useStableItems(model?.nodes ?? []);
  const edges = useStableItems(model?.edges ?? []);
  useNodeFlashes(container, hub, modelRef, reducedMotion);

  const generation = hub.clock?.generation ?? 0;
  const topLevel = model?.nodes.filter((n) => !n.parentId).length ?? 0;
  const fitKey = `${generation}:${snapshot?.brokers.length ?? 0}:${topLevel}`;

  const onNodeClick = useCallback(
    (_: ReactMouseEvent, node: DiagramNode) => {
      switch (node.type) {
        case 'broker':
          app.send({ type: 'select.broker', brokerId: node.data.brokerId });
          break;
        case 'replica':
          app.send({
            type: 'select.partition',
            topic: node.data.topic,
            partition: node.data.partition,
          });
          break;
        case 'topicSummary':
          app.send({ type: 'select.topic', topic: node.data.topic });
          break;
        case 'consumerGroup':
          app.send({ type: 'select.group', groupId: node.data.groupId });
          break;
        default:
          app.send({ type: 'select.clear' });
      }
    },
    [app],
  );

  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: DiagramNode) => {
    const data = node.data as { brokerId?: number };
    if (typeof data.brokerId !== 'number') return;
    event.preventDefault();
    const box = container.current?.getBoundingClientRect();
    const target = (event.target as Element).getBoundingClientRect();
    const keyboard = event.clientX === 0 && event.clientY === 0;
    const x = (keyboard ? target.left + 16 : event.clientX) - (box?.left ?? 0);
    const y = (keyboard ? target.top + 16 : event.clientY) - (box?.top ?? 0);
    setMenu({ brokerId: data.brokerId, x, y });
  }, []);

  const act = useCallback(
    async (brokerId: number, action: BrokerAction) => {
      if (action === 'select') {
        app.send({ type: 'select.broker', brokerId });
        return;
      }
      const result = await (action === 'stop'
        ? remote.stopBroker(brokerId, false)
        : action === 'crash'
          ? remote.stopBroker(brokerId, true)
          : action === 'start'
            ? remote.startBroker(brokerId)
            : action === 'isolate'
              ? remote.isolateBroker(brokerId)
              : remote.healBroker(brokerId));
      setNotice(result.ok ? undefined : t('diagram.notice', { id: brokerId, error: result.error }));
    },
    [app, remote, t],
  );

  const menuBroker = menu && snapshot?.brokers.find((b) => b.id === menu.brokerId);
  return (
    <div className="topology" ref={container} aria-label={t('diagram.label')} role="region">
      <ReactFlow<DiagramNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={theme}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        // The workbench's own shortcuts use Space (play/pause); nothing here is deleted or multi-selected.
        panActivationKeyCode={null}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomActivationKeyCode={null}
        onlyRenderVisibleElements={nodes.length > virtualizeAbove}
        minZoom={0.05}
        maxZoom={2.5}
        onNodeClick={onNodeClick}
        onNodeContextMenu={onNodeContextMenu}
        onPaneClick={() => app.send({ type: 'select.clear' })}
        onMoveStart={(event, viewport) => {
          moveStart.current = event ? viewport : undefined;
        }}
        onMoveEnd={(event, viewport) => {
          const start = moveStart.current;
          // d3-zoom starts a "move" on every press of the pane: only a real pan or zoom counts.
          if (
            event &&
            start &&
            (start.x !== viewport.x || start.y !== viewport.y || start.zoom !== viewport.zoom)
          )
            userMoved.current = true;
        }}
      >
        <Background gap={24} />
        <MiniMap
          position="top-right"
          style={{ width: 160, height: 96 }}
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
          ariaLabel={t('diagram.label')}
        />
        <Controls showInteractive={false} />
        <RecordDots hub={hub} model={modelRef} reducedMotion={reducedMotion} />
        {model && (
          <FitViewOnChange
            fitKey={fitKey}
            bounds={model.bounds}
            animate={!reducedMotion}
            userMoved={userMoved}
          />
        )}
      </ReactFlow>
      {snapshot && snapshot.brokers.length === 0 && (
        <p className="topology__empty">{t('diagram.empty')}</p>
      )}
      {notice && (
        <p className="topology__notice" role="alert" onClick={() => setNotice(undefined)}>
          {notice}
        </p>
      )}
      {menu && menuBroker && (
        <BrokerContextMenu
          broker={menuBroker}
          x={menu.x}
          y={menu.y}
          onAction={(action) => void act(menu.brokerId, action)}
          onClose={() => setMenu(undefined)}
        />
      )}
    </div>
  );
}
