package dev.servinglab.lesson;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Configures where the lessons come from.
 */
@ConfigMapping(prefix = "serving-lab.lessons")
public interface LessonConfig {

    /**
     * Folder of {@code NN-slug.md} files (environment variable {@code SERVING_LAB_LESSONS_DIR}). Without it the
     * app reads {@code lessons/} in its working folder. The lessons are not packaged in the app: started anywhere
     * else without this setting, it stops and says so.
     */
    Optional<String> dir();
}
