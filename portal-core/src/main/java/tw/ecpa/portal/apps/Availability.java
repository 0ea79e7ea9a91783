package tw.ecpa.portal.apps;

/**
 * Whether a system can be opened from the current session, and if not, why (系統反灰表示不適用您現在之登入方式或裝置).
 *
 * @param available whether it can be opened
 * @param reason the zh-TW reason it is greyed, or {@code null} when available
 */
public record Availability(boolean available, String reason) {

  /** The reason given on a phone or tablet for a system whose screens do not suit one (the seed's words). */
  public static final String DEVICE_REASON =
      "此系統畫面功能複雜度高，尚不適合使用行動裝置操作，請以電腦操作。";

  private static final Availability OPEN = new Availability(true, null);

  /** Whether a session of this login method on this device may open the system. */
  public static Availability of(AppSystem system, String loginMethod, Device device) {
    StringBuilder reason = new StringBuilder();
    if (!system.loginMethods().contains(loginMethod)) {
      reason.append("此系統").append(system.why().isEmpty() ? "" : system.why() + "，")
          .append("須以").append(LoginMethods.names(system.loginMethods())).append("登入後使用；您目前以")
          .append(LoginMethods.name(loginMethod)).append("登入。");
    }
    if (device == Device.MOBILE && !system.mobileFriendly()) {
      reason.append(DEVICE_REASON);
    }
    return reason.length() == 0 ? OPEN : new Availability(false, reason.toString());
  }
}
