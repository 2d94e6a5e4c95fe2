package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void trainingThreadsRunNicerThanTheOthers() throws Exception {
        assumeTrue(Files.isReadable(THREAD_STAT), "Linux only: /proc/thread-self/stat tells a thread's scheduling policy");
        int mine = policyOfThisThread();
        ExecutorService pool = Executors.newSingleThreadExecutor(
                BackgroundPriority.factory(Thread.ofPlatform().name("test-training-", 1).factory()));
        try {
            assertThat(pool.submit(BackgroundPriorityTest::policyOfThisThread).get(),
                    equalTo(BackgroundPriority.SCHED_IDLE));
            // The second task reuses the thread, still lowered.
            assertThat(pool.submit(BackgroundPriorityTest::policyOfThisThread).get(),
                    equalTo(BackgroundPriority.SCHED_IDLE));
        } finally {
            pool.shutdown();
        }
        assertThat("the calling thread keeps its policy", policyOfThisThread(), equalTo(mine));
    }

    /** Reads field 41 of /proc/thread-self/stat, the scheduling policy; the name in field 2 may hold spaces. */
    private static int policyOfThisThread() throws IOException {
        String stat = Files.readString(THREAD_STAT);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[41 - 3]);
    }
}
