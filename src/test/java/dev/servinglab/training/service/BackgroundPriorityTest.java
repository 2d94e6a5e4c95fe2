package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void trainingThreadsRunNicerThanTheOthers() throws Exception {
        assumeTrue(
                Files.isReadable(THREAD_STAT), "Linux only: /proc/thread-self/stat tells a thread's scheduling policy");
        int mine = policyOfThisThread();
        int[] seen = new int[3];
        BackgroundPriority.Level[] done = new BackgroundPriority.Level[1];
        Thread training = Thread.ofPlatform().name("test-training").start(() -> {
            try {
                done[0] = BackgroundPriority.lowerCurrentThread();
                seen[0] = policyOfThisThread();
                seen[1] = niceOfThisThread();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        training.join();
        // SCHED_IDLE where the kernel allows it (it does for unprivileged threads), else nice 10.
        switch (done[0]) {
            case IDLE -> assertThat(seen[0], equalTo(BackgroundPriority.SCHED_IDLE));
            case NICE -> assertThat(seen[1], equalTo(BackgroundPriority.NICE));
            case NORMAL -> throw new AssertionError("the training thread's priority was not lowered");
        }
        assertThat("the calling thread keeps its policy", policyOfThisThread(), equalTo(mine));
    }

    private static int niceOfThisThread() throws IOException {
        String stat = Files.readString(THREAD_STAT);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    /** Reads field 41 of /proc/thread-self/stat, the scheduling policy; the name in field 2 may hold spaces. */
    private static int policyOfThisThread() throws IOException {
        String stat = Files.readString(THREAD_STAT);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[41 - 3]);
    }
}
