package tw.ecpa.portal.permission;

import java.time.Instant;

/**
 * Someone who holds a system, an HR function or the manager right within an organization.
 *
 * @param member who
 * @param right what, and where it comes from ({@code systemId} is null for the manager right)
 * @param since when it was granted or made, or {@code null} for a role's default
 * @param by who granted or made it, or {@code null}
 */
public record Holder(Member member, Right right, Instant since, String by) {}
