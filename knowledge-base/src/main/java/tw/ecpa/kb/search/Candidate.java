package tw.ecpa.kb.search;

/**
 * A node the question may mean, with the fused confidence that it does.
 *
 * @param nodeId the knowledge-base node id
 * @param confidence calibrated confidence in [0, 1]; comparable across questions
 */
public record Candidate(String nodeId, double confidence) {}
