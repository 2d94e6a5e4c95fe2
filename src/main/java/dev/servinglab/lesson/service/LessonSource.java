package dev.servinglab.lesson.service;

import dev.servinglab.content.TocEntry;
import dev.servinglab.lesson.markdown.LessonMarkdown;
import java.util.List;
import org.commonmark.node.Node;

/**
 * Holds one lesson file as read and checked, before live values are filled in.
 *
 * @param slug       the file name without {@code .md}, e.g. {@code 01-what-happens}; also its URL
 * @param number     the lesson's number, from the file name
 * @param file       the file, for messages
 * @param title      the title from the front matter
 * @param summary    one sentence
 * @param minutes    the time the lesson takes
 * @param objectives what the learner will be able to do
 * @param widgets    the widgets the body embeds, in order
 * @param quiz       the quiz that ends the lesson, or {@code null}
 * @param parts      the body: Markdown pieces and widgets, in order
 * @param headings   the body's level-2 and level-3 headings
 * @param links      every link of the body, for the checks that need all lessons
 */
public record LessonSource(
        String slug,
        int number,
        String file,
        String title,
        String summary,
        int minutes,
        List<String> objectives,
        List<String> widgets,
        String quiz,
        List<Part> parts,
        List<TocEntry> headings,
        List<Link> links) {

    /**
     * Holds one piece of a lesson's body: Markdown text starting at a line, a widget, or a prediction element.
     *
     * @param markdown   the Markdown text, or {@code null} for a widget or a prediction
     * @param widget     the widget's name, or {@code null} for Markdown or a prediction
     * @param line       the 1-based line in the file where the piece starts
     * @param prediction the prediction element, or {@code null} for Markdown or a widget
     */
    public record Part(String markdown, String widget, int line, PredictionSource prediction) {

        /** Creates a piece of Markdown text or a widget. */
        public Part(String markdown, String widget, int line) {
            this(markdown, widget, line, null);
        }

        /** Returns the 1-based line in the file of a node parsed from this piece. */
        public int lineOf(Node node) {
            return line + LessonMarkdown.lineIndex(node);
        }
    }

    /**
     * Holds one link of a lesson's body.
     *
     * @param target where it leads, as written
     * @param line   the 1-based line in the file
     */
    public record Link(String target, int line) {}
}
