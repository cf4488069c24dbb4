/**
 * The part of Kafka's `NetworkClient` the simulation needs on top of the transport: correlation ids
 * (one counter per client, as in the Java client, where the first request on a new connection is
 * the ApiVersions handshake) and in-flight request counts per broker (the limit of
 * `max.in.flight.requests.per.connection`).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/NetworkClient.java
 */
import type { KafkaErrorName } from '../protocol/errors';
import type { ClientRequest, ClientTransport, ResponseOf } from './transport';

/** One client's connections to the brokers. */
export class NetworkClient {
  private correlationId = 0;
  private readonly connected = new Set<number>();
  private readonly inFlight = new Map<number, number>();
  /** Brokers whose connection failed, and until when they are in reconnect backoff (ms). */
  private readonly blackedOutUntil = new Map<number, number>();
  private readonly failures = new Map<number, number>();

  /**
   * @param logPrefix Kafka's `LogContext` prefix, e.g. `[Producer clientId=console-producer] `
   */
  constructor(
    readonly transport: ClientTransport,
    readonly logPrefix: string,
  ) {}

  /** Virtual time, ms. */
  now(): number {
    return this.transport.now();
  }

  /** True when a connection to `brokerId` is open (a request got through and none failed since). */
  isConnected(brokerId: number): boolean {
    return this.connected.has(brokerId);
  }

  /**
   * Virtual ms until which `brokerId` is in reconnect backoff after a failure
   * (`reconnect.backoff.ms` 50 doubling up to `reconnect.backoff.max.ms` 1000), or 0.
   */
  blackedOutUntilMs(brokerId: number): number {
    const until = this.blackedOutUntil.get(brokerId) ?? 0;
    return until > this.now() ? until : 0;
  }

  /** Requests sent to `brokerId` and not answered yet. */
  inFlightRequests(brokerId: number): number {
    return this.inFlight.get(brokerId) ?? 0;
  }

  /**
   * Sends `request`; the callbacks receive the request's correlation id. A failed request closes
   * the connection, so the next request to that broker opens a new one (with a new handshake).
   * @returns the correlation id of the request
   */
  send<R extends ClientRequest>(
    brokerId: number,
    request: R,
    timeoutMs: number,
    onResponse: (response: ResponseOf<R>, correlationId: number) => void,
    onError: (error: KafkaErrorName, correlationId: number) => void,
  ): number {
    if (!this.connected.has(brokerId)) {
      this.connected.add(brokerId);
      this.correlationId++; // ApiVersions handshake on the new connection
    }
    const correlationId = this.correlationId++;
    this.inFlight.set(brokerId, this.inFlightRequests(brokerId) + 1);
    this.transport.send(
      brokerId,
      request,
      timeoutMs,
      (response) => {
        this.inFlight.set(brokerId, this.inFlightRequests(brokerId) - 1);
        this.failures.delete(brokerId);
        onResponse(response, correlationId);
      },
      (error) => {
        this.inFlight.set(brokerId, this.inFlightRequests(brokerId) - 1);
        this.connected.delete(brokerId);
        const failures = (this.failures.get(brokerId) ?? 0) + 1;
        this.failures.set(brokerId, failures);
        this.blackedOutUntil.set(brokerId, this.now() + Math.min(1000, 50 * 2 ** (failures - 1)));
        onError(error, correlationId);
      },
    );
    return correlationId;
  }

  /**
   * Sends a request that gets no response (an acks=0 Produce request): not counted in flight,
   * whatever the transport reports for it is ignored.
   */
  sendOneWay<R extends ClientRequest>(brokerId: number, request: R, timeoutMs: number): number {
    if (!this.connected.has(brokerId)) {
      this.connected.add(brokerId);
      this.correlationId++;
    }
    const correlationId = this.correlationId++;
    this.transport.send(
      brokerId,
      request,
      timeoutMs,
      () => {},
      () => this.connected.delete(brokerId),
    );
    return correlationId;
  }
}
