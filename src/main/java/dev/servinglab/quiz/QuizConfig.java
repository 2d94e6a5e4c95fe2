package dev.servinglab.quiz;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Configures where the quizzes come from.
 */
@ConfigMapping(prefix = "serving-lab.quizzes")
public interface QuizConfig {

    /**
     * Folder of {@code <lesson-slug>.yaml} files (environment variable {@code SERVING_LAB_QUIZZES_DIR}); default
     * {@code quizzes/} in the working folder.
     */
    Optional<String> dir();
}
