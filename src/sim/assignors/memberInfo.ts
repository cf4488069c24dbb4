import { compareJavaStrings } from './javaHash';
import type { AssignorMember } from './types';

/**
 * Kafka's `AbstractPartitionAssignor.MemberInfo.compareTo`: static members (with a
 * `group.instance.id`) first, ordered by instance id; then dynamic members ordered by member id.
 * Range and round-robin lay members out in this order, which keeps a static member's assignment
 * stable across restarts (KIP-345).
 * https://github.com/apache/kafka/blob/3.9/clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractPartitionAssignor.java
 */
export function compareMemberInfo(a: AssignorMember, b: AssignorMember): number {
  if (a.groupInstanceId !== undefined && b.groupInstanceId !== undefined) {
    return compareJavaStrings(a.groupInstanceId, b.groupInstanceId);
  } else if (a.groupInstanceId !== undefined) {
    return -1;
  } else if (b.groupInstanceId !== undefined) {
    return 1;
  }
  return compareJavaStrings(a.memberId, b.memberId);
}
