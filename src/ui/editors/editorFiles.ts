/**
 * The files the editor panel opens (DESIGN §1): where each lives on the simulated machine, its
 * Monaco language, and which backend call applies it.
 */
import type { ApplyResult, WorkbenchRemote } from '../../worker/client';

export interface EditorFile {
  /** Stable id, used in `data-testid`s. */
  id: 'server-properties' | 'docker-compose';
  /** Tab label: the file name as a learner knows it. */
  name: string;
  path: string;
  /** A Monaco basic language: highlighting only. */
  language: 'ini' | 'yaml';
  apply(remote: WorkbenchRemote, text: string): Promise<ApplyResult>;
}

export const editorFiles: readonly EditorFile[] = [
  {
    id: 'server-properties',
    name: 'server.properties',
    path: '/opt/kafka/config/server.properties',
    language: 'ini',
    apply: (remote, text) => remote.applyServerProperties(text),
  },
  {
    id: 'docker-compose',
    name: 'docker-compose.yml',
    path: '/root/docker-compose.yml',
    language: 'yaml',
    apply: (remote, text) => remote.applyCompose(text),
  },
];
