/**
 * What differs between ZooKeeper mode and KRaft mode: how the controller is chosen, how metadata is
 * made durable, and how broker failures are detected. Everything else is shared.
 */
import type { ControllerChannel } from '../broker/broker';
import type { ActiveController } from '../controller/activeController';
import type { MetadataImage } from '../metadata/image';

export interface ModeDriver {
  readonly mode: 'kraft' | 'zookeeper';
  /** The broker ↔ controller channel the brokers use. */
  readonly channel: ControllerChannel;
  /** Starts the non-broker processes this mode needs (ZooKeeper, or nothing for KRaft). */
  boot(): void;
  /** The active controller, if one is elected and running. */
  active(): ActiveController | undefined;
  /**
   * The freshest committed metadata image known: the active controller's, or while an election is
   * under way the most up-to-date controller (KRaft) or broker (ZooKeeper mode).
   */
  latestImage(): MetadataImage | undefined;
  /** Node id of the active controller, -1 when none (Metadata `controllerId`). */
  controllerId(): number;
  /** A broker process started (KRaft combined mode: its controller starts too). */
  onBrokerProcessStarted(id: number): void;
  /** A broker process stopped (KRaft combined mode: its controller stops too). */
  onBrokerProcessStopped(id: number): void;
  /** Plain-data view of the controller side for snapshots (quorum or ZooKeeper state). */
  describe(): ControllerSideSnapshot;
}

export interface ControllerSideSnapshot {
  mode: 'kraft' | 'zookeeper';
  controllerId: number;
  /** ZooKeeper mode: `/controller_epoch`; KRaft: the quorum leader epoch. */
  controllerEpoch: number;
  zookeeper?: {
    running: boolean;
    sessions: { sessionId: string; owner: string; expiresInMs: number }[];
    znodes: string[];
  };
  quorum?: {
    leaderId: number;
    leaderEpoch: number;
    highWatermark: number;
    voters: {
      nodeId: number;
      role: string;
      logEndOffset: number;
      running: boolean;
      lastFetchTimestamp: number;
      lastCaughtUpTimestamp: number;
    }[];
  };
}
