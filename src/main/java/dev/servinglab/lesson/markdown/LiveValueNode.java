package dev.servinglab.lesson.markdown;

import org.commonmark.node.CustomNode;

/**
 * Stands for a directive {@code {{…}}} in a lesson's text, in the Markdown tree: a live value once it is checked, and
 * the value it names once it is filled in. It is a node of its own so that nothing ever searches rendered HTML for it.
 */
public final class LiveValueNode extends CustomNode {

    private final String directive;
    private String value;

    /**
     * Creates a node for a directive.
     *
     * @param directive what stands between the braces, e.g. {@code live mlp test.accuracy percent}
     */
    public LiveValueNode(String directive) {
        this.directive = directive;
    }

    /** Returns what stands between the braces. */
    public String directive() {
        return directive;
    }

    /** Returns the value to show, or {@code null} before {@link #fill} is called. */
    public String value() {
        return value;
    }

    /** Sets the value to show. */
    public void fill(String value) {
        this.value = value;
    }
}
