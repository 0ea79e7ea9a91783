package tw.ecpa.portal.permission;

/**
 * A person with an account as permission pages show them: never the full identity number.
 *
 * @param accountId the account's key
 * @param customAccount the custom account, or {@code null} before activation
 * @param maskedId the masked identity number ({@code A1234*****})
 * @param name the name
 * @param organizationCode the organization the person serves in
 */
public record Member(long accountId, String customAccount, String maskedId, String name, String organizationCode) {}
