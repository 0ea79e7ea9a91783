package tw.ecpa.bot.chat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.bot.conversation.ConversationStore;
import tw.ecpa.bot.dialog.Caller;
import tw.ecpa.bot.dialog.Dialog;
import tw.ecpa.bot.dialog.Turn;
import tw.ecpa.bot.dialog.TurnResult;
import tw.ecpa.bot.feedback.AnswerVote;
import tw.ecpa.bot.feedback.FeedbackStore;
import tw.ecpa.bot.feedback.Satisfaction;
import tw.ecpa.portal.security.Redaction;
import tw.ecpa.portal.security.Secrets;
import tw.ecpa.portal.session.http.SessionGuard;

/** The chat HTTP API ({@code ../shared/docs/chat-api.md}): start a conversation, send a turn. */
public final class ChatRoutes {

  private static final int MAX_FORM_FIELDS = 20;

  private final Dialog dialog;
  private final ConversationStore conversations;
  private final FeedbackStore feedback;
  private final ObjectMapper json;
  private final int maxTextLength;
  private final Function<String, Optional<Long>> sessionAccount;
  private final Clock clock;

  /**
   * Creates the routes.
   *
   * @param dialog the dialog that answers
   * @param conversations where conversations live between turns
   * @param feedback where satisfaction answers are kept
   * @param json the mapper used to read request bodies
   * @param maxTextLength the longest question accepted, in characters
   * @param sessionAccount the portal account of a session cookie's token, if it is a live session (the
   *     widget on a logged-in page asks about the user's own account)
   */
  public ChatRoutes(Dialog dialog, ConversationStore conversations, FeedbackStore feedback, ObjectMapper json,
      int maxTextLength, Function<String, Optional<Long>> sessionAccount, Clock clock) {
    this.dialog = dialog;
    this.conversations = conversations;
    this.feedback = feedback;
    this.json = json;
    this.maxTextLength = maxTextLength;
    this.sessionAccount = sessionAccount;
    this.clock = clock;
  }

  /** Registers the routes on an app. */
  public void register(Javalin app) {
    app.post("/api/chat/sessions", this::start);
    app.post("/api/chat/sessions/{sessionId}/messages", this::turn);
    app.post("/api/chat/sessions/{sessionId}/satisfaction", this::satisfaction);
    app.post("/api/chat/sessions/{sessionId}/feedback", this::vote);
  }

  /** Thumbs up or down on an answer: {@code {"answerId": "...", "helpful": true}}. */
  void vote(Context ctx) {
    Conversation conversation = conversations.find(ctx.pathParam("sessionId"))
        .orElseThrow(() -> new ApiException(ApiError.UNKNOWN_SESSION));
    JsonNode body = readObject(ctx, false);
    JsonNode answerId = body.get("answerId");
    JsonNode helpful = body.get("helpful");
    if (answerId == null || !answerId.isTextual() || helpful == null || !helpful.isBoolean()
        || !dialog.knowsNode(answerId.textValue())) {
      throw new ApiException(ApiError.BAD_VOTE);
    }
    feedback.vote(new AnswerVote(Secrets.sha256(conversation.id()), answerId.textValue(), helpful.booleanValue(),
        clock.instant()));
    ctx.status(204);
  }

  /** 滿意度調查: {@code {"score": 1..5, "comment": "..."}}; answering again replaces the answer. */
  void satisfaction(Context ctx) {
    Conversation conversation = conversations.find(ctx.pathParam("sessionId"))
        .orElseThrow(() -> new ApiException(ApiError.UNKNOWN_SESSION));
    JsonNode body = readObject(ctx, false);
    JsonNode score = body.get("score");
    JsonNode comment = body.get("comment");
    if (score == null || !score.canConvertToInt() || !score.isIntegralNumber()
        || score.intValue() < 1 || score.intValue() > 5
        || (comment != null && !comment.isNull() && !comment.isTextual())) {
      throw new ApiException(ApiError.BAD_SATISFACTION);
    }
    String text = comment == null || comment.isNull() ? null : comment.textValue().strip();
    if (text != null && text.length() > Satisfaction.MAX_COMMENT) {
      throw new ApiException(ApiError.commentTooLong(Satisfaction.MAX_COMMENT));
    }
    // A comment may carry what people should not have typed: it is kept masked.
    String kept = text == null || text.isEmpty() ? null : Redaction.typed(text);
    feedback.save(new Satisfaction(Secrets.sha256(conversation.id()), score.intValue(), kept,
        conversation.current(), clock.instant()));
    ctx.status(204);
  }

  void start(Context ctx) {
    JsonNode body = readObject(ctx, true);
    JsonNode locale = body.get("locale");
    if (locale != null && !locale.isTextual()) {
      throw new ApiException(ApiError.BAD_TURN);
    }
    Conversation conversation = conversations.create();
    List<WireMessage> messages = WireMessage.of(dialog.start(conversation));
    conversations.save(conversation);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sessionId", conversation.id());
    out.put("messages", messages);
    ctx.status(201).json(out);
  }

  void turn(Context ctx) {
    Conversation conversation = conversations.find(ctx.pathParam("sessionId"))
        .orElseThrow(() -> new ApiException(ApiError.UNKNOWN_SESSION));
    Turn turn = parseTurn(readObject(ctx, false));
    Caller caller = new Caller(sessionAccount.apply(ctx.cookie(SessionGuard.COOKIE)), ctx.ip());
    TurnResult result = dialog.turn(conversation, turn, caller);
    conversations.save(conversation);
    result.fold(
        replied -> {
          ctx.json(Map.of("messages", WireMessage.of(replied.messages())));
          return null;
        },
        refused -> {
          throw new ApiException(switch (refused.reason()) {
            case UNKNOWN_OPTION -> ApiError.UNKNOWN_OPTION;
            case UNKNOWN_FORM -> ApiError.UNKNOWN_FORM;
            case TOO_MANY_TURNS -> ApiError.TOO_MANY_TURNS;
          });
        });
  }

  private Turn parseTurn(JsonNode body) {
    JsonNode text = body.get("text");
    JsonNode option = body.get("optionId");
    JsonNode form = body.get("form");
    int given = (text == null ? 0 : 1) + (option == null ? 0 : 1) + (form == null ? 0 : 1);
    if (given != 1) {
      throw new ApiException(ApiError.BAD_TURN);
    }
    if (text != null) {
      if (!text.isTextual()) {
        throw new ApiException(ApiError.BAD_TURN);
      }
      String question = text.textValue();
      if (question.codePointCount(0, question.length()) > maxTextLength) {
        throw new ApiException(ApiError.textTooLong(maxTextLength));
      }
      if (question.isBlank()) {
        throw new ApiException(ApiError.EMPTY_TEXT);
      }
      return new Turn.Text(question);
    }
    if (option != null) {
      if (!option.isTextual() || option.textValue().isBlank()) {
        throw new ApiException(ApiError.BAD_TURN);
      }
      return new Turn.Click(option.textValue());
    }
    JsonNode formId = body.get("formId");
    if (!form.isObject() || formId == null || !formId.isTextual()) {
      throw new ApiException(ApiError.BAD_TURN);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    form.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode() || fields.size() >= MAX_FORM_FIELDS
          || e.getValue().asText().length() > maxTextLength) {
        throw new ApiException(ApiError.BAD_TURN);
      }
      fields.put(e.getKey(), e.getValue().asText());
    });
    return new Turn.FormSubmission(formId.textValue(), fields);
  }

  private JsonNode readObject(Context ctx, boolean emptyAllowed) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0 && emptyAllowed) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new ApiException(ApiError.BAD_JSON);
      }
      return node;
    } catch (IOException e) {
      throw new ApiException(ApiError.BAD_JSON);
    }
  }
}
