package dev.servinglab.content;

/**
 * Signals lesson or quiz content the app cannot serve, naming the file and line; the app refuses to start with it.
 */
public class ContentValidationException extends RuntimeException {

    private final int line;
    private final String problem;

    public ContentValidationException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    /** Returns the same problem, reported for the file at another path. */
    public ContentValidationException at(String path) {
        return new ContentValidationException(path, line, problem);
    }

    /** Returns the 1-based line of the problem. */
    public int line() {
        return line;
    }
}
