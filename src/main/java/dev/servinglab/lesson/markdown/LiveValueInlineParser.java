package dev.servinglab.lesson.markdown;

import dev.servinglab.content.LivePlaceholders;
import java.util.Optional;
import java.util.Set;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Reads a directive {@code {{…}}} in a lesson's text as a {@link LiveValueNode}, while CommonMark parses the text:
 * what stands between the braces is never read as Markdown, and a directive in code stays code. The directive's
 * syntax is {@link LivePlaceholders}'s; this class only hands it the text.
 *
 * <p>CommonMark's extension point for inline syntax is in its {@code beta} package (stable since 0.24).
 */
final class LiveValueInlineParser implements InlineContentParser {

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        scanner.find('\n'); // a directive never spans two lines: the rest of this one is enough
        Optional<LivePlaceholders.Found> found = LivePlaceholders.leading(
                scanner.getSource(start, scanner.position()).getContent());
        scanner.setPosition(start);
        if (found.isEmpty()) {
            return ParsedInline.none();
        }
        for (int i = 0; i < found.get().end(); i++) {
            scanner.next();
        }
        return ParsedInline.of(new LiveValueNode(found.get().directive()), scanner.position());
    }

    /** Starts the parser at every {@code {}. */
    static final class Factory implements InlineContentParserFactory {

        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('{');
        }

        @Override
        public InlineContentParser create() {
            return new LiveValueInlineParser();
        }
    }
}
