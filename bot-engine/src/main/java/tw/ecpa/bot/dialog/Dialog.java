package tw.ecpa.bot.dialog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.portal.security.Redaction;
import tw.ecpa.kb.search.Candidate;
import tw.ecpa.kb.search.Match;
import tw.ecpa.kb.tree.AnswerNode;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.MenuNode;
import tw.ecpa.kb.tree.Node;
import tw.ecpa.bot.dialog.Message.Choice;
import tw.ecpa.bot.dialog.Message.Type;

/**
 * The bot's dialog: greets with the main menu, walks the FAQ tree on option clicks, understands free
 * text at any point, and says so when nothing fits.
 */
public final class Dialog {

  /** Option id that goes one level up. */
  public static final String BACK = "nav.back";
  /** Option id that returns to the main menu. */
  public static final String MAIN = "nav.main";
  /** Option id of 以上皆非 under a "did you mean" question. */
  public static final String NONE = "nav.none";
  /** The answerId of a "did you mean" question. */
  public static final String DID_YOU_MEAN = "did-you-mean";
  /** The answerId of a fallback. */
  public static final String FALLBACK = "fallback";

  /** Option id that leaves a form the bot is waiting for. */
  public static final String LEAVE_FORM = "form.leave";

  /**
   * An unmarked message whose character pairs the knowledge base mostly never uses (好煩喔, 我好蠢) is a
   * remark of its own, not a follow-up to carry the topic on; 如果…呢 still refers back.
   */
  private static final double WORDS_OF_ITS_OWN = 0.6;

  private final Supplier<Knowledge> knowledge;
  private final Actions actions;
  private final QuestionLog questions;
  private final Clock clock;
  private final int turnsPerMinute;
  private volatile SmallTalk.Cached smallTalk;

  /**
   * Creates a dialog.
   *
   * @param knowledge the published knowledge version, read afresh on every turn
   * @param clock the clock for message times and the turn limit
   * @param turnsPerMinute how many turns one conversation may take in a minute
   */
  public Dialog(Supplier<Knowledge> knowledge, Clock clock, int turnsPerMinute) {
    this(knowledge, Actions.none(), clock, turnsPerMinute);
  }

  /**
   * Creates a dialog that also acts.
   *
   * @param actions what answers' actions, their options and forms do
   */
  public Dialog(Supplier<Knowledge> knowledge, Actions actions, Clock clock, int turnsPerMinute) {
    this(knowledge, actions, QuestionLog.NONE, clock, turnsPerMinute);
  }

  /**
   * Creates a dialog that acts and reports the questions it could not answer.
   *
   * @param questions where unanswered and unsure questions go
   */
  public Dialog(Supplier<Knowledge> knowledge, Actions actions, QuestionLog questions, Clock clock,
      int turnsPerMinute) {
    this.knowledge = knowledge;
    this.actions = actions;
    this.questions = questions;
    this.clock = clock;
    this.turnsPerMinute = turnsPerMinute;
  }

  /** Opens a conversation: the greeting and the main menu. */
  public List<Message> start(Conversation conversation) {
    synchronized (conversation) {
      MenuNode root = knowledge.get().knowledgeBase().root();
      conversation.restart(root.id());
      return List.of(message(Type.NOTICE, Replies.GREETING, null, List.of()), menu(root, false));
    }
  }

  /** Whether an id names a node of the knowledge the bot answers from now (for votes on answers). */
  public boolean knowsNode(String id) {
    return id != null && knowledge.get().knowledgeBase().node(id).isPresent();
  }

  /** Takes one turn of an anonymous caller; see {@link #turn(Conversation, Turn, Caller)}. */
  public TurnResult turn(Conversation conversation, Turn turn) {
    return turn(conversation, turn, Caller.ANONYMOUS);
  }

  /** Takes one turn of a conversation and returns the bot's reply or why the turn was refused. */
  public TurnResult turn(Conversation conversation, Turn turn, Caller caller) {
    synchronized (conversation) {
      Knowledge k = knowledge.get();
      if (turn instanceof Turn.Click click && !knows(k.knowledgeBase(), click.optionId())) {
        return new TurnResult.Refused(TurnResult.Refusal.UNKNOWN_OPTION);
      }
      if (turn instanceof Turn.FormSubmission form
          && !conversation.pendingForm().filter(form.formId()::equals).isPresent()) {
        return new TurnResult.Refused(TurnResult.Refusal.UNKNOWN_FORM);
      }
      if (!conversation.admitTurn(clock.instant(), turnsPerMinute)) {
        return new TurnResult.Refused(TurnResult.Refusal.TOO_MANY_TURNS);
      }
      if (turn instanceof Turn.Text text && conversation.pendingForm().isEmpty()) {
        // 2, 第二個, an option's label or 回上一層, typed: the same as clicking it.
        Optional<String> picked = TypedNavigation.pick(text.text(), atMenu(k.knowledgeBase(), conversation));
        if (picked.isPresent()) {
          turn = new Turn.Click(picked.get());
        }
      }
      noteLeavingMenu(k.knowledgeBase(), conversation, turn);
      List<Message> reply;
      if (turn instanceof Turn.Text text) {
        reply = ask(k, conversation, text.text(), caller);
      } else if (turn instanceof Turn.Click click) {
        reply = click(k.knowledgeBase(), conversation, click.optionId(), caller);
      } else {
        Turn.FormSubmission form = (Turn.FormSubmission) turn;
        Optional<List<Message>> submitted = actions.submit(form.formId(), form.fields(),
            context(k.knowledgeBase(), conversation, caller));
        if (submitted.isEmpty()) {
          return new TurnResult.Refused(TurnResult.Refusal.UNKNOWN_FORM);
        }
        reply = submitted.get();
      }
      return new TurnResult.Replied(reply);
    }
  }

  /** Whether a conversation ends at a menu, for the knowledge staff's "where users leave menus". */
  public void ended(Conversation conversation) {
    synchronized (conversation) {
      KnowledgeBase kb = knowledge.get().knowledgeBase();
      Optional.ofNullable(conversation.current()).flatMap(kb::node).filter(MenuNode.class::isInstance)
          .ifPresent(menu -> questions.leftMenu(menu.id()));
    }
  }

  /** A turn at a menu that is not one of its options leaves the menu. */
  private void noteLeavingMenu(KnowledgeBase kb, Conversation conversation, Turn turn) {
    if (conversation.pendingForm().isPresent() || turn instanceof Turn.FormSubmission) {
      return;
    }
    Optional.ofNullable(conversation.current()).flatMap(kb::node)
        .filter(MenuNode.class::isInstance).map(MenuNode.class::cast)
        .filter(menu -> !(turn instanceof Turn.Click click)
            || menu.options().stream().noneMatch(o -> o.target().equals(click.optionId())))
        .filter(menu -> !(turn instanceof Turn.Click click) || !actions.handles(click.optionId()))
        .ifPresent(menu -> questions.leftMenu(menu.id()));
  }

  private boolean knows(KnowledgeBase kb, String optionId) {
    return BACK.equals(optionId) || MAIN.equals(optionId) || NONE.equals(optionId) || LEAVE_FORM.equals(optionId)
        || actions.handles(optionId) || kb.node(optionId).isPresent();
  }

  private List<Message> click(KnowledgeBase kb, Conversation conversation, String optionId, Caller caller) {
    if (actions.handles(optionId)) {
      return actions.click(optionId, context(kb, conversation, caller));
    }
    switch (optionId) {
      case LEAVE_FORM -> {
        conversation.awaitForm(null);
        return List.of(message(Type.NOTICE, Replies.FORM_LEFT, null, List.of(mainChoice())));
      }
      case MAIN -> {
        conversation.restart(kb.root().id());
        return List.of(menu(kb.root(), false));
      }
      case BACK -> {
        String at = conversation.back();
        Node node = kb.node(at).orElse(kb.root());
        return show(kb, node, conversation, caller);
      }
      case NONE -> {
        return List.of(message(Type.FALLBACK, Replies.NONE_OF_THESE, FALLBACK, List.of(mainChoice())));
      }
      default -> {
        Node node = kb.node(optionId).orElseThrow();
        conversation.moveTo(node.id());
        return show(kb, node, conversation, caller);
      }
    }
  }

  private MenuNode atMenu(KnowledgeBase kb, Conversation conversation) {
    return Optional.ofNullable(conversation.current()).flatMap(kb::node).filter(MenuNode.class::isInstance)
        .map(MenuNode.class::cast).orElse(null);
  }

  private List<Message> ask(Knowledge k, Conversation conversation, String question, Caller caller) {
    KnowledgeBase kb = k.knowledgeBase();
    Optional<Node> small = smallTalk(kb).match(question).flatMap(kb::node);
    if (small.isPresent()) {
      return smallTalk(kb, conversation, (AnswerNode) small.get());
    }
    Match alone = k.index().match(question);
    if (!(alone instanceof Match.Answer)) {
      // Small talk in other words (辛苦了，謝謝你), by meaning.
      small = k.index().smallTalk(question).or(() -> smallTalk(kb).framing(question)).flatMap(kb::node);
      if (small.isPresent()) {
        return smallTalk(kb, conversation, (AnswerNode) small.get());
      }
    }
    Match match = inContext(k, conversation, question, alone);
    conversation.noteQuestion(Redaction.typed(question.strip()));
    return match.fold(
        answer -> {
          questions.asked("answer");
          Node node = kb.node(answer.best().nodeId()).orElseThrow();
          // 回上一層 after a typed answer goes back to the menu the user was browsing, or else to the
          // menu the answer belongs to (not to the main menu).
          MenuNode browsing = atMenu(kb, conversation);
          if (browsing == null || browsing.id().equals(kb.root().id())) {
            kb.parentOf(node.id()).filter(parent -> !parent.id().equals(conversation.current()))
                .ifPresent(parent -> conversation.moveTo(parent.id()));
          }
          conversation.moveTo(node.id());
          return show(kb, node, conversation, caller);
        },
        suggest -> {
          questions.asked(DID_YOU_MEAN);
          questions.unanswered(question, DID_YOU_MEAN);
          List<Choice> choices = choices(kb, suggest.candidates());
          choices.add(new Choice(NONE, Replies.NONE));
          choices.add(mainChoice());
          return List.of(message(Type.MENU, Replies.DID_YOU_MEAN, DID_YOU_MEAN, choices));
        },
        noMatch -> {
          questions.asked(FALLBACK);
          questions.unanswered(question, FALLBACK);
          List<Choice> choices = choices(kb, noMatch.near());
          if (choices.isEmpty()) {
            // Nothing near: the main menu's topics, so 「點選下方主題」 offers real topics.
            kb.root().options().forEach(o -> choices.add(new Choice(o.target(), o.label())));
          }
          choices.add(mainChoice());
          String text = noMatch.near().isEmpty() ? Replies.FALLBACK : Replies.FALLBACK_NEAR;
          return List.of(message(Type.FALLBACK, text, FALLBACK, choices));
        });
  }

  /**
   * The match of a message read against the conversation: a brief message with no answer of its own
   * (可以用問號嗎 after the password rules; a longer one is a question of its own), or one that refers back
   * (那Mac呢, 如果是機關憑證呢), takes the first answer that the questions carrying the last topic or question
   * get; a message that stands alone keeps its own answer.
   */
  private Match inContext(Knowledge k, Conversation conversation, String question, Match alone) {
    boolean brief = FollowUp.brief(question);
    boolean refersBack = FollowUp.marked(question);
    boolean overridesItsAnswer = brief && (refersBack || FollowUp.namesOnlyASlot(question));
    boolean remark = !refersBack && !FollowUp.namesASlot(question)
        && k.index().unknownWords(question) > WORDS_OF_ITS_OWN;
    boolean standsAlone = alone instanceof Match.Answer ? !overridesItsAnswer : !(brief || FollowUp.elliptic(question));
    // The scope probe embeds the message: asked last.
    if (standsAlone || remark || k.index().outOfScope(question)) {
      return alone;
    }
    String topic = Optional.ofNullable(conversation.current()).flatMap(k.knowledgeBase()::node)
        .filter(AnswerNode.class::isInstance).map(Node::title).orElse(null);
    for (String withContext : FollowUp.questions(question, topic, conversation.lastQuestion())) {
      Match m = k.index().match(withContext);
      if (m instanceof Match.Answer) {
        return m;
      }
    }
    return alone;
  }

  /** A small-talk reply, with the main menu's topics; it is never unanswered. */
  private List<Message> smallTalk(KnowledgeBase kb, Conversation conversation, AnswerNode reply) {
    questions.asked("smalltalk");
    questions.shown(reply.id());
    conversation.restart(kb.root().id());
    List<Choice> options = new ArrayList<>();
    kb.root().options().forEach(o -> options.add(new Choice(o.target(), o.label())));
    return List.of(new Message(Type.ANSWER, reply.fullText(), reply.id(), options, reply.links(), now()));
  }

  /** The small talk of a knowledge version, read once per version. */
  private SmallTalk smallTalk(KnowledgeBase kb) {
    SmallTalk.Cached cached = smallTalk;
    if (cached == null || cached.kb() != kb) {
      cached = new SmallTalk.Cached(kb, SmallTalk.of(kb));
      smallTalk = cached;
    }
    return cached.smallTalk();
  }

  /** A node's message, followed by what its action adds. */
  private List<Message> show(KnowledgeBase kb, Node node, Conversation conversation, Caller caller) {
    questions.shown(node.id());
    Message shown = show(kb, node);
    if (node instanceof AnswerNode answer && answer.act().isPresent()) {
      List<Message> out = new ArrayList<>();
      out.add(shown);
      out.addAll(actions.afterAnswer(answer.act().get(), context(kb, conversation, caller)));
      return out;
    }
    return List.of(shown);
  }

  private Actions.Context context(KnowledgeBase kb, Conversation conversation, Caller caller) {
    return new Actions.Context(conversation, caller,
        id -> kb.node(id).filter(AnswerNode.class::isInstance).map(node -> show(kb, node)));
  }

  private Message show(KnowledgeBase kb, Node node) {
    if (node instanceof MenuNode menu) {
      return menu(menu, !menu.id().equals(kb.root().id()));
    }
    AnswerNode answer = (AnswerNode) node;
    List<Choice> options = new ArrayList<>();
    for (String related : answer.related()) {
      kb.node(related).ifPresent(r -> options.add(new Choice(r.id(), r.title())));
    }
    options.add(new Choice(BACK, Replies.BACK));
    options.add(mainChoice());
    return new Message(Type.ANSWER, answer.fullText(), answer.id(), options, answer.links(), now());
  }

  private Message menu(MenuNode menu, boolean navigation) {
    List<Choice> options = new ArrayList<>();
    menu.options().forEach(o -> options.add(new Choice(o.target(), o.label())));
    if (navigation) {
      options.add(new Choice(BACK, Replies.BACK));
      options.add(mainChoice());
    }
    String text = menu.prompt().isBlank() ? menu.title() : menu.title() + "\n" + menu.prompt();
    return new Message(Type.MENU, text, menu.id(), options, List.of(), now());
  }

  private static List<Choice> choices(KnowledgeBase kb, List<Candidate> candidates) {
    List<Choice> choices = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Optional<Node> node = kb.node(candidate.nodeId());
      node.ifPresent(n -> choices.add(new Choice(n.id(), n.title())));
    }
    return choices;
  }

  private static Choice mainChoice() {
    return new Choice(MAIN, Replies.MAIN);
  }

  private Message message(Type type, String text, String answerId, List<Choice> options) {
    return new Message(type, text, answerId, options, List.of(), now());
  }

  private OffsetDateTime now() {
    return Message.stampedNow(clock);
  }
}
