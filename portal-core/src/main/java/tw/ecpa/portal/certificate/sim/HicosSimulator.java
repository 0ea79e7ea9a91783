package tw.ecpa.portal.certificate.sim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.ecpa.portal.demo.DemoData;

/**
 * The HiCOS cross-platform component with a card reader, as the demo login page reaches it: the user
 * "inserts" one of the demo cards and types its PIN; the card signs the server's challenge. A
 * production page talks to the real component on {@code http://localhost:61161} instead.
 *
 * <p>The demo cards: a citizen card for each demo person, for 王小明 also a renewed card (換發新證),
 * one already expired, one revoked, one not yet valid and one from a CA the portal does not trust, and
 * organization cards (a known organization, an unknown code). Every card's PIN is {@link #DEMO_PIN}.
 */
public final class HicosSimulator {

  /** The PIN of every demo card. */
  public static final String DEMO_PIN = "123456";

  /** The reader the component reports. */
  public static final String READER = "Alcor Micro USB Smart Card Reader 0";

  /**
   * A card the demo page can insert.
   *
   * @param id a stable id for the page
   * @param label what the page shows (zh-TW)
   * @param kind {@code moica} or {@code gca}
   * @param card the software card
   */
  public record DemoCard(String id, String label, String kind, SoftwareCard card) {}

  private final Map<String, DemoCard> cards = new LinkedHashMap<>();

  /** A reader with these cards to choose from. */
  public HicosSimulator(List<DemoCard> cards) {
    cards.forEach(card -> this.cards.put(card.id(), card));
  }

  /**
   * The demo cards for the demo people: issued by the demo CA (whose roots the portal trusts in the
   * default run), a few broken on purpose, and one from a second CA nobody trusts.
   */
  public static HicosSimulator withDemoCards(DemoCa ca, Clock clock) {
    List<DemoCard> cards = new ArrayList<>();
    for (DemoData.DemoAccount person : DemoData.ACCOUNTS) {
      String lastFour = person.idNumber().substring(6);
      cards.add(new DemoCard("moica-" + person.idNumber().substring(0, 1).toLowerCase() + lastFour,
          "自然人憑證：" + person.name() + "（" + person.idNumber().substring(0, 5) + "*****）", "moica",
          ca.issuePerson(person.name(), lastFour).card(DEMO_PIN)));
    }
    Instant now = clock.instant();
    DemoData.DemoAccount wang = DemoData.ACCOUNTS.stream().filter(a -> "wangxm".equals(a.account())).findFirst()
        .orElseThrow();
    String wangLastFour = wang.idNumber().substring(6);
    cards.add(new DemoCard("moica-expired", "自然人憑證：" + wang.name() + "（已過期）", "moica",
        ca.issuePerson(wang.name(), wangLastFour, now.minus(Duration.ofDays(5 * 365 + 30)),
            now.minus(Duration.ofDays(30)), DemoCa.KeyType.RSA).card(DEMO_PIN)));
    cards.add(new DemoCard("moica-not-yet-valid", "自然人憑證：" + wang.name() + "（尚未生效）", "moica",
        ca.issuePerson(wang.name(), wangLastFour, now.plus(Duration.ofDays(3)),
            now.plus(Duration.ofDays(5 * 365)), DemoCa.KeyType.RSA).card(DEMO_PIN)));
    cards.add(new DemoCard("moica-renewed", "自然人憑證：" + wang.name() + "（換發新證）", "moica",
        ca.issuePerson(wang.name(), wangLastFour).card(DEMO_PIN)));
    DemoCa.Issued revoked = ca.issuePerson(wang.name(), wangLastFour);
    ca.revoke(revoked.certificate(), now.minus(Duration.ofDays(1)));
    cards.add(new DemoCard("moica-revoked", "自然人憑證：" + wang.name() + "（已廢止）", "moica",
        revoked.card(DEMO_PIN)));
    cards.add(new DemoCard("moica-untrusted", "自然人憑證：" + wang.name() + "（非信任的發行單位）", "moica",
        DemoCa.create(clock, DemoKeys.reused("demo-untrusted-ca")).issuePerson(wang.name(), wangLastFour)
            .card(DEMO_PIN)));
    for (var organization : DemoData.ORGANIZATIONS) {
      cards.add(new DemoCard("gca-" + organization.code().toLowerCase(), "機關憑證：" + organization.name(), "gca",
          ca.issueOrganization(organization.name(), organization.code()).card(DEMO_PIN)));
    }
    cards.add(new DemoCard("gca-unknown", "機關憑證：不在人事服務網機關組織中的機關", "gca",
        ca.issueOrganization("示範未入檔機關", "999999999Z").card(DEMO_PIN)));
    return new HicosSimulator(cards);
  }

  /** The cards the user can insert, in a stable order. */
  public List<DemoCard> cards() {
    return List.copyOf(cards.values());
  }

  /** The card with this id. */
  public Optional<DemoCard> card(String id) {
    return Optional.ofNullable(id).map(cards::get);
  }

  /** What signing the server's challenge text with a card came to; empty when no such card is inserted. */
  public Optional<CardResult> sign(String cardId, String pin, String challenge) {
    return card(cardId).map(c -> c.card().sign(pin, challenge.getBytes(StandardCharsets.US_ASCII)));
  }
}
