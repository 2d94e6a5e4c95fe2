package dev.servinglab.lesson.markdown;

import org.commonmark.node.CustomBlock;

/**
 * Places a rendered widget between the Markdown blocks of a lesson, so that a whole lesson renders as one document.
 */
public final class WidgetNode extends CustomBlock {

    private final String html;

    /**
     * Creates a block for a widget.
     *
     * @param html the widget's HTML, written as it is
     */
    public WidgetNode(String html) {
        this.html = html;
    }

    /** Returns the widget's HTML. */
    public String html() {
        return html;
    }
}
