package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checks the group commit of reports: every write runs in a transaction, and one failing write, whether it throws an
 * exception or an error, costs the others nothing and leaves the writer working.
 */
@QuarkusTest
class ReportWriterTest {

    @Inject
    ReportWriter writer;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Test
    void everyWriteRunsInATransactionAndAFailingOneCostsTheOthersNothing() throws Exception {
        // Hold the writer on a first write until every other write is waiting, so that they form one batch.
        CountDownLatch othersWaiting = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> writer.store(() -> {
            await(othersWaiting);
            return transactions.getTransactionKey();
        }));
        List<CompletableFuture<Object>> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            others.add(CompletableFuture.supplyAsync(() -> writer.store(() -> {
                if (n == 2) {
                    throw new IllegalArgumentException("report 2 is bad");
                }
                if (n == 4) {
                    throw new AssertionError("report 4 is worse");
                }
                assertThat(transactions.getTransactionStatus(), equalTo(Status.STATUS_ACTIVE));
                return n;
            })));
        }
        othersWaiting.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat("the writer still works", writer.store(() -> "after"), equalTo("after"));
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Object> other = others.get(i);
            if (i == 2 || i == 4) {
                var failure = assertThrows(Exception.class, () -> other.get(10, TimeUnit.SECONDS));
                assertThat(
                        failure.getCause().getMessage(),
                        containsString(i == 2 ? "report 2 is bad" : "report 4 is worse"));
            } else {
                assertThat(other.get(10, TimeUnit.SECONDS), equalTo(i));
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
