package dev.servinglab.lesson.service;

import dev.servinglab.content.ContentValidationException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks that every link of the lessons leads somewhere: another lesson (and its section), a section of the same
 * lesson, an app path or an outside address. It needs every lesson read first, so it runs after {@link LessonParser}.
 */
public final class LessonLinks {

    private final Map<String, LessonSource> bySlug;

    /** Creates a checker for links between the given lessons. */
    public LessonLinks(Collection<LessonSource> lessons) {
        this.bySlug = lessons.stream().collect(Collectors.toMap(LessonSource::slug, Function.identity()));
    }

    /**
     * Checks every link of one lesson.
     *
     * @throws ContentValidationException naming the line of the first broken link
     */
    public void check(LessonSource source) {
        for (LessonSource.Link link : source.links()) {
            String target = link.target();
            if (target.startsWith("/") || target.matches("(?i)(https?|mailto):.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            String page = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            LessonSource linked = page.isEmpty()
                    ? source
                    : page.endsWith(".md") ? bySlug.get(page.substring(0, page.length() - 3)) : null;
            if (linked == null) {
                throw new ContentValidationException(
                        source.file(),
                        link.line(),
                        "broken link '" + target + "': link to another lesson as NN-slug.md or NN-slug.md#section, "
                                + "or to an app path starting with /");
            }
            if (anchor != null && linked.headings().stream().noneMatch(h -> h.id().equals(anchor))) {
                throw new ContentValidationException(
                        source.file(),
                        link.line(),
                        "broken link '" + target + "': " + linked.file() + " has no section #" + anchor);
            }
        }
    }
}
