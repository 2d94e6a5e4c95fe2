package dev.servinglab.lesson.markdown;

import java.util.List;
import org.commonmark.node.CustomBlock;

/**
 * Places a prediction element between the blocks of a lesson: the question and a form to commit a prediction. The
 * reveal is not part of it: the server hands it out only for a committed prediction.
 */
public final class PredictionNode extends CustomBlock {

    /**
     * The longest answer a learner may commit, in characters: a few sentences, and short enough that the answer fits
     * in the address of the page that shows the reveal without scripts.
     */
    public static final int MAX_ANSWER_CHARS = 300;

    private final String id;
    private final String kind;
    private final String action;
    private final String questionHtml;
    private final List<String> choicesHtml;

    /**
     * Creates a block for a prediction element.
     *
     * @param id           its name, unique in the lesson
     * @param kind         {@code choice}, {@code number} or {@code text}
     * @param action       where the form goes without scripts: the page that shows the reveal
     * @param questionHtml the question as HTML, without the choices
     * @param choicesHtml  each choice as HTML (empty unless the kind is {@code choice})
     */
    public PredictionNode(String id, String kind, String action, String questionHtml, List<String> choicesHtml) {
        this.id = id;
        this.kind = kind;
        this.action = action;
        this.questionHtml = questionHtml;
        this.choicesHtml = List.copyOf(choicesHtml);
    }

    /** Returns its name. */
    public String id() {
        return id;
    }

    /** Returns what the learner commits to. */
    public String kind() {
        return kind;
    }

    /** Returns where its form goes without scripts. */
    public String action() {
        return action;
    }

    /** Returns the question as HTML. */
    public String questionHtml() {
        return questionHtml;
    }

    /** Returns each choice as HTML. */
    public List<String> choicesHtml() {
        return choicesHtml;
    }
}
