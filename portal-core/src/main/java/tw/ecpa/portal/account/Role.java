package tw.ecpa.portal.account;

/** What an account may do in the portal beyond its own items. */
public enum Role {
  /** Every civil servant. */
  EMPLOYEE,
  /** An HR officer (人事人員) of an organization. */
  HR_OFFICER,
  /** The head of an HR office (人事主管). */
  HR_HEAD,
  /** Edits the bot's knowledge base in the console. */
  KNOWLEDGE_EDITOR,
  /** Reads every organization's questionnaire results (人事總處問卷統計/資料下載). */
  HEADQUARTERS_STATISTICS,
  /** Runs the portal: audit log, settings. */
  ADMINISTRATOR
}
