package tw.ecpa.bot.chat.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tw.ecpa.bot.dialog.Message;

/** A bot message as the chat API sends it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WireMessage(
    String type, String text, String answerId, List<WireOption> options, List<WireLink> links, String time) {

  record WireOption(String id, String label) {}

  record WireLink(String label, String url) {}

  static WireMessage of(Message m) {
    return new WireMessage(
        m.type().wireName(),
        m.text(),
        m.answerId(),
        m.options().stream().map(o -> new WireOption(o.id(), o.label())).toList(),
        m.links().stream().map(l -> new WireLink(l.label(), l.url())).toList(),
        m.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  static List<WireMessage> of(List<Message> messages) {
    return messages.stream().map(WireMessage::of).toList();
  }
}
