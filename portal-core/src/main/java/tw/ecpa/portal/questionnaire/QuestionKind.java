package tw.ecpa.portal.questionnaire;

/** The kinds of question a questionnaire may ask. */
public enum QuestionKind {
  /** 單選題: one of the options. */
  SINGLE,
  /** 複選題: any of the options. */
  MULTIPLE,
  /** 問答題: free text. */
  TEXT,
  /** 評分題: a score from 1 to the question's scale. */
  RATING,
  /** 矩陣題: a score from 1 to the question's scale for each of its rows (the options). */
  MATRIX
}
