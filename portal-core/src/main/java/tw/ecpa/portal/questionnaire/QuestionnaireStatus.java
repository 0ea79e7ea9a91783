package tw.ecpa.portal.questionnaire;

/** Where a questionnaire stands: 未發布問卷, 範本問卷 or 已發布問卷. */
public enum QuestionnaireStatus {
  /** 未發布問卷: still being written; its questions may change. */
  DRAFT,
  /** 範本問卷: a model to start new questionnaires from; never answered. */
  TEMPLATE,
  /** 已發布問卷: sent to its respondents; its questions no longer change. */
  PUBLISHED
}
