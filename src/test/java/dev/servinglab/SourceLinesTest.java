package dev.servinglab;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the Java sources to the 120 columns of {@code .editorconfig}. The formatter in the build (Spotless with
 * palantir-java-format) wraps code at 120 columns but leaves long string literals and comments as written; this
 * test names every line it could not wrap.
 */
class SourceLinesTest {

    private static final int MAX_LINE_LENGTH = 120;

    @Test
    void noJavaLineIsLongerThanTheEditorConfigAllows() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).codePointCount(0, lines.get(i).length()) > MAX_LINE_LENGTH) {
                            tooLong.add(file + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat("lines over " + MAX_LINE_LENGTH + " characters", tooLong, empty());
    }
}
