package dev.servinglab.quiz.service;

/**
 * Signals a quiz file the app cannot serve, naming the file and line; the app refuses to start with it.
 */
public class QuizValidationException extends RuntimeException {

    private final int line;
    private final String problem;

    public QuizValidationException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    /** Returns the same problem, reported for the file at another path. */
    public QuizValidationException at(String path) {
        return new QuizValidationException(path, line, problem);
    }

    /** Returns the 1-based line of the problem. */
    public int line() {
        return line;
    }
}
