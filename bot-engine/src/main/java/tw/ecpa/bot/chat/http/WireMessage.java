package tw.ecpa.bot.chat.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tw.ecpa.bot.dialog.ClientAction;
import tw.ecpa.bot.dialog.Form;
import tw.ecpa.bot.dialog.Message;

/**
 * A bot message as the chat API sends it. Form messages add {@code formId}, {@code fields},
 * {@code captcha} and {@code submitLabel}; the client answers with {@code {"formId", "form": {...}}}.
 * Action messages add {@code action}, {@code probes}, {@code method} and the {@code formId} to answer
 * with the results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WireMessage(
    String type, String text, String answerId, List<WireOption> options, List<WireLink> links, String time,
    String formId, List<WireField> fields, WireCaptcha captcha, String submitLabel, String action,
    List<String> probes, String method) {

  record WireOption(String id, String label) {}

  record WireLink(String label, String url) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WireField(String name, String label, String type, boolean required, Integer maxLength, String hint) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WireCaptcha(String id, String image, String answer) {}

  static WireMessage of(Message m) {
    Form form = m.form();
    ClientAction action = m.action();
    return new WireMessage(
        m.type().wireName(),
        m.text(),
        m.answerId(),
        m.options().stream().map(o -> new WireOption(o.id(), o.label())).toList(),
        m.links().stream().map(l -> new WireLink(l.label(), l.url())).toList(),
        m.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        form != null ? form.id() : action != null ? action.formId() : null,
        form == null ? null : form.fields().stream()
            .map(f -> new WireField(f.name(), f.label(), f.type().wireName(), f.required(),
                f.maxLength() > 0 ? f.maxLength() : null, f.hint()))
            .toList(),
        form == null || form.captcha() == null ? null
            : new WireCaptcha(form.captcha().id(), form.captcha().image(), form.captcha().answer()),
        form == null ? null : form.submitLabel(),
        action == null ? null : action.name(),
        action == null ? null : action.probes(),
        action == null ? null : action.method());
  }

  static List<WireMessage> of(List<Message> messages) {
    return messages.stream().map(WireMessage::of).toList();
  }
}
