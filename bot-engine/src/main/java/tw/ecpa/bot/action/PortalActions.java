package tw.ecpa.bot.action;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.bot.dialog.Actions;
import tw.ecpa.bot.dialog.Caller;
import tw.ecpa.bot.dialog.Dialog;
import tw.ecpa.bot.dialog.Form;
import tw.ecpa.bot.dialog.Form.Field;
import tw.ecpa.bot.dialog.Form.FieldType;
import tw.ecpa.bot.dialog.Message;
import tw.ecpa.bot.dialog.Message.Choice;
import tw.ecpa.bot.dialog.Message.Type;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.captcha.Captchas;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.password.PasswordRule;
import tw.ecpa.portal.recovery.PasswordRecovery;
import tw.ecpa.portal.recovery.RecoveryRequests;
import tw.ecpa.portal.recovery.RequestOutcome;
import tw.ecpa.portal.recovery.ResetOutcome;
import tw.ecpa.portal.time.RocDate;

/**
 * The bot's actions over the portal: the password reset and the mailbox re-verification inside the
 * chat (through the same front door, limits and one-answer rule as the pages), the helpline's hours
 * now, and the logged-in user's own account. Values typed into the forms pass through to the portal
 * and are never kept: the conversation remembers only which form it waits for.
 */
public final class PortalActions implements Actions {

  static final String PASSWORD_RESET = "password-reset";
  static final String MAILBOX_REVERIFY = "mailbox-reverify";
  static final String HELPLINE = "helpline";
  static final String ME_ACCOUNT = "me.account";
  static final String ME_PASSWORD_EXPIRY = "me.password-expiry";
  static final String ME_LOCK_STATE = "me.lock-state";

  static final String START_RESET = OPTION_PREFIX + PASSWORD_RESET;
  static final String START_REVERIFY = OPTION_PREFIX + MAILBOX_REVERIFY;
  static final String REQUEST_FORM = "password-reset.request";
  static final String REVERIFY_FORM = "mailbox.request";
  static final String VERIFY_FORM = "password-reset.verify";

  private static final String LOGIN_MENU = "menu.login";
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H時mm分");

  private final RecoveryRequests requests;
  private final PasswordRecovery recovery;
  private final Captchas captchas;
  private final boolean revealCaptcha;
  private final Accounts accounts;
  private final PasswordPolicy policy;
  private final Clock clock;

  /**
   * Creates the actions.
   *
   * @param revealCaptcha whether forms carry the captcha's answer ({@code CAPTCHA_MODE=test})
   */
  public PortalActions(RecoveryRequests requests, PasswordRecovery recovery, Captchas captchas,
      boolean revealCaptcha, Accounts accounts, PasswordPolicy policy, Clock clock) {
    this.requests = requests;
    this.recovery = recovery;
    this.captchas = captchas;
    this.revealCaptcha = revealCaptcha;
    this.accounts = accounts;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Set<String> known() {
    return Set.of(PASSWORD_RESET, MAILBOX_REVERIFY, HELPLINE, ME_ACCOUNT, ME_PASSWORD_EXPIRY, ME_LOCK_STATE);
  }

  @Override
  public boolean handles(String optionId) {
    return START_RESET.equals(optionId) || START_REVERIFY.equals(optionId);
  }

  @Override
  public List<Message> afterAnswer(String action, Context context) {
    Caller caller = context.caller();
    return switch (action) {
      case PASSWORD_RESET -> List.of(notice("您也可以直接在這裡重設密碼：點選「在對話中重設密碼」，輸入身分證字號、Email 及驗證碼，"
          + "我們會將認證碼寄到您的電子信箱，再於對話中輸入認證碼及新密碼即可。",
          List.of(new Choice(START_RESET, "在對話中重設密碼"))));
      case MAILBOX_REVERIFY -> List.of(notice("若 Email 已無法使用，您可以在這裡重新驗證信箱：輸入身分證字號、生日、"
          + "任現職之實際到職日期及新的 Email，資料相符時會將認證碼寄到新的信箱。",
          List.of(new Choice(START_REVERIFY, "在對話中重新驗證信箱"))));
      case HELPLINE -> List.of(notice(Helpline.status(ZonedDateTime.ofInstant(clock.instant(), RocDate.TAIPEI)),
          List.of()));
      case ME_ACCOUNT, ME_PASSWORD_EXPIRY, ME_LOCK_STATE -> List.of(own(action, caller));
      default -> throw new IllegalArgumentException("unknown action " + action);
    };
  }

  @Override
  public List<Message> click(String optionId, Context context) {
    Conversation conversation = context.conversation();
    if (START_RESET.equals(optionId)) {
      conversation.awaitForm(REQUEST_FORM);
      return List.of(requestForm(null));
    }
    conversation.awaitForm(REVERIFY_FORM);
    return List.of(reverifyForm(null));
  }

  @Override
  public Optional<List<Message>> submit(String formId, Map<String, String> fields, Context context) {
    Conversation conversation = context.conversation();
    Caller caller = context.caller();
    return switch (formId) {
      case REQUEST_FORM -> Optional.of(requested(conversation, requests.forgot(fields.get("idNumber"),
          fields.get("email"), fields.get("captchaId"), fields.get("captchaAnswer"),
          "true".equals(fields.get("sendAccount")), caller.clientAddress()), REQUEST_FORM));
      case REVERIFY_FORM -> Optional.of(requested(conversation, requests.reverify(fields.get("idNumber"),
          fields.get("birthday"), fields.get("onDutyDate"), fields.get("email"), fields.get("captchaId"),
          fields.get("captchaAnswer"), caller.clientAddress()), REVERIFY_FORM));
      case VERIFY_FORM -> Optional.of(verified(conversation, fields, caller));
      default -> Optional.empty();
    };
  }

  private List<Message> requested(Conversation conversation, RequestOutcome outcome, String formId) {
    if (outcome instanceof RequestOutcome.Accepted accepted) {
      conversation.awaitForm(VERIFY_FORM);
      return List.of(notice(accepted.message(), List.of()), verifyForm(null));
    }
    if (outcome instanceof RequestOutcome.Invalid invalid) {
      // The captcha was used up by the try: the form comes again with a new one.
      return List.of(REQUEST_FORM.equals(formId) ? requestForm(invalid.message()) : reverifyForm(invalid.message()));
    }
    conversation.awaitForm(null);
    return List.of(notice(outcome.message(), List.of(mainChoice())));
  }

  private List<Message> verified(Conversation conversation, Map<String, String> fields, Caller caller) {
    String accountOrId = fields.get("accountOrId");
    String code = fields.get("code");
    String next = fields.get("newPassword");
    String confirmation = fields.get("confirmPassword");
    if (blank(accountOrId) || blank(code) || next == null || confirmation == null) {
      return List.of(verifyForm("請輸入帳號或身分證字號、認證碼、新密碼及確認新密碼。"));
    }
    ResetOutcome outcome = recovery.resetWithCode(accountOrId, code, next, confirmation, caller.clientAddress());
    if (outcome instanceof ResetOutcome.Done) {
      conversation.awaitForm(null);
      return List.of(notice("密碼重設完成！如帳號先前因密碼錯誤而鎖定，也已一併解除。請以新密碼登入人事服務網；"
          + "我們也寄了一封通知信到您的電子信箱。", List.of(mainChoice())));
    }
    if (outcome instanceof ResetOutcome.Rejected rejected) {
      return List.of(verifyForm("新密碼不符合設定原則：" + String.join("", rejected.broken().stream()
          .map(PasswordRule::message).toList()) + "（認證碼仍有效，請修改新密碼後再送出。）"));
    }
    return List.of(verifyForm("帳號或認證碼錯誤，或認證碼已使用、已逾期（24小時內有效）。請確認後重新輸入；"
        + "連續錯誤5次認證碼即失效，需重新申請。"));
  }

  private Message own(String action, Caller caller) {
    Optional<Account> account = caller.accountId().flatMap(accounts::byId);
    if (account.isEmpty()) {
      return loginFirst(clock);
    }
    Account a = account.get();
    Instant now = clock.instant();
    String text = switch (action) {
      case ME_ACCOUNT -> a.customAccount() == null
          ? "您尚未設定自訂帳號，請至【我的專區】→【個人資料修改】設定；設定前請以身分證字號登入。"
          : "您的自訂帳號是：" + a.customAccount() + "（登入時也可以使用身分證字號）。";
      case ME_PASSWORD_EXPIRY -> a.passwordChangedAt() == null ? "您尚未設定密碼。"
          : "您上一次修改密碼是 " + RocDate.written(a.passwordChangedAt().atZone(RocDate.TAIPEI).toLocalDateTime())
              + "，距離須更換密碼（180天）還有 " + policy.daysLeft(a.passwordChangedAt(), now) + " 天。"
              + "可至【我的專區】→【修改密碼】變更。";
      default -> a.lockedAt(now)
          ? "您的帳號因密碼連續輸入錯誤5次，暫時鎖定至 " + CLOCK.format(a.lockedUntil().atZone(RocDate.TAIPEI))
              + "。請於15分鐘後再試，或點選「忘記密碼」以Email認證碼重設密碼，重設後即解除鎖定。"
          : "您的帳號目前沒有被鎖定" + (a.failedAttempts() > 0
              ? "，但最近已有 " + a.failedAttempts() + " 次密碼輸入錯誤；連續錯誤5次將鎖定15分鐘。"
              : "，可以正常登入。");
    };
    return notice(text, List.of());
  }

  private Message requestForm(String error) {
    return form(REQUEST_FORM, lead(error, "請輸入您的身分證字號以及Email，填妥驗證碼後，我們會將認證碼函寄到您的電子信箱。"
            + "建議勿用yahoo信箱，請盡量使用自己機關或Gmail信箱。"),
        List.of(
            new Field("idNumber", "身分證字號", FieldType.TEXT, true, 10, "例如：A123456789"),
            new Field("email", "Email", FieldType.EMAIL, true, 254, null),
            new Field("captchaAnswer", "驗證碼", FieldType.CAPTCHA, true, 8, "請輸入圖片中的文字，不分大小寫"),
            new Field("sendAccount", "一併寄送帳號", FieldType.CHECKBOX, false, 0, null)),
        true, "送出");
  }

  private Message reverifyForm(String error) {
    String roc = "請輸入民國年YYYMMDD，例如：0610101";
    return form(REVERIFY_FORM, lead(error, "請輸入您的身分證字號、生日以及實際到職日期，填妥Email後，"
            + "我們會重新設定您在人事服務網的電子信箱，並寄送認證碼函（24小時內有效）。"),
        List.of(
            new Field("idNumber", "身分證字號", FieldType.TEXT, true, 10, "例如：A123456789"),
            new Field("birthday", "生日", FieldType.TEXT, true, 7, roc),
            new Field("onDutyDate", "任現職之實際到職日期", FieldType.TEXT, true, 7, roc + "；如不清楚，請逕洽單位人事"),
            new Field("email", "新的Email", FieldType.EMAIL, true, 254, null),
            new Field("captchaAnswer", "驗證碼", FieldType.CAPTCHA, true, 8, "請輸入圖片中的文字，不分大小寫")),
        true, "送出");
  }

  private Message verifyForm(String error) {
    String rules = String.join("\n", Arrays.stream(PasswordRule.values())
        .filter(r -> r != PasswordRule.CONFIRMATION).map(PasswordRule::message).toList());
    return form(VERIFY_FORM, lead(error, "收到認證碼函後，請於24小時內輸入帳號或身分證字號、Email中的認證碼，"
            + "並設定新密碼。\n密碼設定原則：\n" + rules),
        List.of(
            new Field("accountOrId", "帳號或身分證字號", FieldType.TEXT, true, 30, "第一次使用者請輸入身分證號"),
            new Field("code", "認證碼", FieldType.TEXT, true, 8, "Email 中的8碼認證碼"),
            new Field("newPassword", "新密碼", FieldType.PASSWORD, true, 200, null),
            new Field("confirmPassword", "確認新密碼", FieldType.PASSWORD, true, 200, null)),
        false, "確定");
  }

  private Message form(String id, String text, List<Field> fields, boolean captcha, String submit) {
    Form.Captcha shown = null;
    if (captcha) {
      Captchas.Issued issued = captchas.issue();
      shown = new Form.Captcha(issued.id(), issued.dataUrl(), revealCaptcha ? issued.answer() : null);
    }
    return new Message(Type.FORM, text, null, List.of(new Choice(Dialog.LEAVE_FORM, "離開")), List.of(),
        now(), new Form(id, fields, shown, submit));
  }

  private static String lead(String error, String text) {
    return error == null ? text : error + "\n" + text;
  }

  /** What the own-data answers say to someone not logged in: log in first, and how. */
  static Message loginFirst(Clock clock) {
    return new Message(Type.NOTICE, "這是您個人的資料，請先登入人事服務網後，再於頁面上的智慧客服詢問我；登入方式請見下方選項。",
        null, List.of(new Choice(LOGIN_MENU, "登入方式說明")), List.of(), Message.stampedNow(clock));
  }

  private Message notice(String text, List<Choice> options) {
    return new Message(Type.NOTICE, text, null, new ArrayList<>(options), List.of(), now());
  }

  private static Choice mainChoice() {
    return new Choice(Dialog.MAIN, "回主選單");
  }

  private java.time.OffsetDateTime now() {
    return Message.stampedNow(clock);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
