/** Message keys for the diagram's codes (roles, statuses), shared by nodes and tables. */
import type { MessageKey } from '../i18n/messages';
import type { BrokerRole, BrokerStatus } from './diagramTypes';

export const brokerStatusLabel: Record<BrokerStatus, MessageKey> = {
  up: 'status.up',
  stopped: 'status.stopped',
  'shutting-down': 'status.shuttingDown',
  'cut-off': 'status.cutOff',
};

export const brokerRoleLabel: Record<BrokerRole, MessageKey> = {
  controller: 'role.controller',
  broker: 'role.broker',
  'kraft-voter': 'role.kraftVoter',
  'kraft-leader': 'role.kraftLeader',
};

export const replicaRoleLabel: Record<'leader' | 'follower' | 'offline', MessageKey> = {
  leader: 'replica.leader',
  follower: 'replica.follower',
  offline: 'replica.offline',
};
