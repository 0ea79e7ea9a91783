package tw.ecpa.bot.dialog;

import tw.ecpa.bot.conversation.Conversation;
import tw.ecpa.kb.search.QuestionIndex;
import tw.ecpa.kb.tree.KnowledgeBase;
import tw.ecpa.kb.tree.json.KnowledgeBaseLoader;
import tw.ecpa.portal.testing.MovableClock;

/** The shipped tree with its lexical index, for dialog tests, and a conversation started on a dialog. */
final class ShippedKnowledge {

  private ShippedKnowledge() {}

  /** The shipped knowledge base and a lexical index of it (the caller closes the index). */
  static Knowledge lexical() {
    KnowledgeBase kb = KnowledgeBaseLoader.shipped().orThrow();
    return new Knowledge(kb, QuestionIndex.build(kb));
  }

  /** A new conversation, greeted by the dialog. */
  static Conversation started(Dialog dialog) {
    Conversation conversation = new Conversation("c", MovableClock.DEFAULT_START);
    dialog.start(conversation);
    return conversation;
  }
}
