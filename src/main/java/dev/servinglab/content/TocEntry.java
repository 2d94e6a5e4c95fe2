package dev.servinglab.content;

import java.util.Locale;

/**
 * Names one section of a lesson, for its table of contents and for links.
 *
 * @param level 2 for a section, 3 for a subsection
 * @param text  the heading's text
 * @param id    its anchor
 */
public record TocEntry(int level, String text, String id) {

    /**
     * Returns the anchor of a heading text: lower case, every run of other characters than a-z and 0-9 made one
     * hyphen, no hyphen at either end.
     */
    public static String anchor(String text) {
        String id = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return id.replaceAll("^-+|-+$", "");
    }
}
