package dev.servinglab.web.runtime;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks where Vert.x's file cache goes, and that what a killed run left there is not served again. */
class FileCacheFolderTest {

    @TempDir
    Path data;

    @Test
    void pointsTheCacheToOneFolderUnderTheDataFolderEmptiedOfWhatAKilledRunLeft() throws Exception {
        Path left = Files.createDirectories(data.resolve("vertx-cache/META-INF/resources/css"));
        Files.writeString(left.resolve("app.css"), "/* from an older jar */");
        VertxOptions options = new VertxOptions();

        new FileCacheFolder(data, Optional.empty()).accept(options);

        assertThat(
                options.getFileSystemOptions().getFileCacheDir(),
                equalTo(data.resolve("vertx-cache").toAbsolutePath().toString()));
        assertThat(options.getFileSystemOptions().isFileCacheDirAsExactPath(), is(true));
        assertThat("emptied", Files.exists(data.resolve("vertx-cache")), is(false));
    }

    @Test
    void leavesAnOperatorsOwnCacheFolderAlone() throws Exception {
        Path own = Files.createDirectories(data.resolve("own"));
        Files.writeString(own.resolve("kept"), "");
        VertxOptions options = new VertxOptions();
        options.getFileSystemOptions().setFileCacheDir(own.toString()).setFileCacheDirAsExactPath(true);

        new FileCacheFolder(data, Optional.of(own.toString())).accept(options);

        assertThat(options.getFileSystemOptions().getFileCacheDir(), equalTo(own.toString()));
        assertThat(Files.exists(own.resolve("kept")), is(true));
    }
}
