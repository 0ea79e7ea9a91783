package tw.ecpa.kb.search.lucene;

/** How Chinese text is cut into index terms; chosen by measurement (see the search harness). */
public enum ChineseAnalysis {
  /** Overlapping character bigrams (CJKBigramFilter); works on Traditional text as is. */
  BIGRAMS,
  /** Character bigrams plus single characters. */
  BIGRAMS_UNIGRAMS,
  /** Text converted to Simplified script (ICU) and segmented into words by SmartChineseAnalyzer. */
  SMARTCN
}
