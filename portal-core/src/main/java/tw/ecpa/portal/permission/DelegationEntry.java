package tw.ecpa.portal.permission;

/**
 * A delegation with the people it names and where it stands now (兼辦管理's list).
 *
 * @param delegation the delegation
 * @param delegator who lent the right
 * @param delegate who received it
 * @param status where it stands now
 */
public record DelegationEntry(Delegation delegation, Member delegator, Member delegate, Delegation.Status status) {}
