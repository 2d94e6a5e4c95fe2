package dev.servinglab.lesson.service;

/**
 * Signals lesson content the app cannot serve, naming the file and line; the app refuses to start with it.
 */
public class LessonValidationException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public LessonValidationException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** Returns the problem without the file and line. */
    public String problem() {
        return problem;
    }

    /** Returns the same problem, reported for the file at another path. */
    public LessonValidationException at(String path) {
        return new LessonValidationException(path, line, problem);
    }

    /** Returns the file with the problem. */
    public String file() {
        return file;
    }

    /** Returns the 1-based line of the problem. */
    public int line() {
        return line;
    }
}
