/** Tools of the 'console' family, registered in ../../kafkaTools.ts. */
import type { Tool } from '../../../runtime/types';
import { consoleConsumerTool } from './consoleConsumer';
import { consoleProducerTool } from './consoleProducer';

export const consoleTools: Tool[] = [consoleProducerTool, consoleConsumerTool];
