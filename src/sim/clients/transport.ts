/**
 * The only way a simulated client reaches a broker: an injected transport, which the cluster
 * implements over the simulated network (and tests implement with an in-memory fake). Requests and
 * responses are the plain-data wire messages of `../protocol/messages` and `../groups/protocol`.
 */
import type { GroupRequest, GroupResponse } from '../groups/protocol';
import type { KafkaErrorName } from '../protocol/errors';
import type {
  FetchRequest,
  FetchResponse,
  FindCoordinatorRequest,
  FindCoordinatorResponse,
  InitProducerIdRequest,
  InitProducerIdResponse,
  ListOffsetsRequest,
  ListOffsetsResponse,
  MetadataRequest,
  MetadataResponse,
  ProduceRequest,
  ProduceResponse,
} from '../protocol/messages';
import type { Prng } from '../random/prng';

/** A request a client sends to a broker, told apart by its `kind`. */
export type WireRequest =
  | ProduceRequest
  | FetchRequest
  | MetadataRequest
  | ListOffsetsRequest
  | FindCoordinatorRequest
  | InitProducerIdRequest;

/** A broker's answer to a {@link WireRequest}, with the same `kind`. */
export type WireResponse =
  | ProduceResponse
  | FetchResponse
  | MetadataResponse
  | ListOffsetsResponse
  | FindCoordinatorResponse
  | InitProducerIdResponse;

/** Any request a client sends: wire requests (`kind`) and group-coordinator requests (`api`). */
export type ClientRequest = WireRequest | GroupRequest;

/** The response type answering request type `R`. */
export type ResponseOf<R extends ClientRequest> = R extends { kind: infer K }
  ? Extract<WireResponse, { kind: K }>
  : R extends { api: infer A }
    ? Extract<GroupResponse, { api: A }>
    : never;

/**
 * How a producer or consumer talks to the cluster. One transport per client instance.
 *
 * Contract of {@link ClientTransport.send}: exactly one of the two callbacks runs, later (never
 * synchronously inside `send`). An acks=0 Produce request gets no response from a Kafka broker;
 * the producer ignores whatever the transport reports for it.
 */
export interface ClientTransport {
  /** `client.id`, as the broker logs it and as the client's log prefix shows it. */
  readonly clientId: string;
  /** Broker ids of `bootstrap.servers` that resolved to a broker. */
  bootstrapBrokers(): number[];
  /**
   * Sends one request to broker `brokerId`.
   * @param timeoutMs `request.timeout.ms`: after this many virtual ms without an answer,
   *   `onError('REQUEST_TIMED_OUT')` runs
   * @param onError `'NETWORK_EXCEPTION'` when the broker is down or the connection is refused or
   *   lost, `'REQUEST_TIMED_OUT'` when no answer came within `timeoutMs`
   */
  send<R extends ClientRequest>(
    brokerId: number,
    request: R,
    timeoutMs: number,
    onResponse: (response: ResponseOf<R>) => void,
    onError: (error: KafkaErrorName) => void,
  ): void;
  /** Virtual time, ms. */
  now(): number;
  /**
   * Wall-clock epoch ms of the current virtual time: a record's CreateTime (`System.currentTimeMillis()`
   * in the Java client). Defaults to {@link ClientTransport.now} where a test transport has no epoch.
   */
  wallClockMs?(): number;
  /** Runs `fn` after `delayMs` virtual ms; returns a timer id for {@link ClientTransport.cancel}. */
  schedule(delayMs: number, fn: () => void): number;
  cancel(id: number): void;
  /** Emits a simulation event (`{ tick, type, ...fields }`) on the cluster's event bus. */
  emit(type: string, fields: Record<string, unknown>): void;
  /** This client's own sub-stream of the cluster PRNG (`Prng.fork`). */
  readonly rng: Prng;
}
