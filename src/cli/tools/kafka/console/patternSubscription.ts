/**
 * `consumer.subscribe(Pattern.compile(include))` for `--include`: the simulated consumer subscribes
 * to topic lists only, so the tool matches the pattern against the cluster's topics (a Metadata
 * request for all topics) and resubscribes when the match changes — at start and every
 * `metadata.max.age.ms`, as the Java consumer refreshes its full-topic metadata
 * (`ConsumerMetadata` with a pattern subscription). Internal topics are excluded
 * (`exclude.internal.topics`, default true).
 */
import type { Consumer } from '../../../../sim/index';
import type { ProcessContext } from '../../../runtime/types';

/** Java `Pattern.matcher(topic).matches()` over a regex given on the command line. */
function javaPattern(regex: string): RegExp {
  try {
    return new RegExp(`^(?:${regex})$`, 'u');
  } catch {
    return new RegExp(`^(?:${regex})$`);
  }
}

export class PatternSubscription {
  private readonly regex: RegExp;
  private subscribed: string[] = [];
  private timer: number | undefined;
  private stopped = false;

  /** @throws SyntaxError for a pattern JavaScript cannot compile */
  constructor(
    private readonly ctx: ProcessContext,
    private readonly consumer: Consumer,
    regex: string,
    private readonly bootstrapServers: string,
  ) {
    this.regex = javaPattern(regex);
    this.refresh();
  }

  /** True once some topic matched: the consumer is subscribed and may be polled. */
  get active(): boolean {
    return this.subscribed.length > 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.ctx.clock.cancel(this.timer);
  }

  private refresh(): void {
    if (this.stopped) return;
    const cluster = this.ctx.host.cluster;
    const bootstrap = this.ctx.host.resolveBootstrap(this.bootstrapServers);
    if (bootstrap.length === 0) return this.again();
    const response = cluster.admin.metadata(null, bootstrap);
    response.onSettled(() => {
      if (this.stopped) return;
      if (response.error === undefined) {
        const topics = response.result.topics
          .filter((t) => !t.isInternal && t.error === 'NONE' && this.regex.test(t.name))
          .map((t) => t.name)
          .sort();
        if (topics.join('\u0000') !== this.subscribed.join('\u0000')) {
          this.subscribed = topics;
          if (topics.length > 0) this.consumer.subscribe(topics);
          else this.consumer.unsubscribe();
        }
      }
      this.again();
    });
  }

  /** The next full-metadata refresh, `metadata.max.age.ms` from now. */
  private again(): void {
    this.timer = this.ctx.clock.schedule(this.consumer.config.metadataMaxAgeMs, () =>
      this.refresh(),
    );
  }
}
