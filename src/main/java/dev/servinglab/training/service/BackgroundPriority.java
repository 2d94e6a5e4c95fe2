package dev.servinglab.training.service;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.jboss.logging.Logger;

/**
 * Runs the training threads below the threads serving requests, so that a busy training yields the cores to
 * predictions: the latency of the predict API must not depend on who is training.
 *
 * <p>Java's thread priorities do nothing on Linux without root. So each training thread puts itself in Linux's
 * {@code SCHED_IDLE} class with {@code sched_setscheduler(gettid(), SCHED_IDLE, …)} through the FFM API, which
 * any user may do for its own threads: it then runs on whatever CPU time the request threads leave, at full
 * speed on an idle machine. Where that is refused it raises its nice value to {@value #NICE} instead, and where
 * the calls are missing (not Linux) it runs at the normal priority.
 */
public final class BackgroundPriority {

    /** Linux's scheduling class for work that runs only when nothing else wants the CPU. */
    static final int SCHED_IDLE = 5;
    /** The nice value of training threads where {@code SCHED_IDLE} is refused. */
    static final int NICE = 10;

    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle GETTID;
    private static final MethodHandle SCHED_SETSCHEDULER;
    private static final MethodHandle SETPRIORITY;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        GETTID = libc.find("gettid")
                .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(JAVA_INT)))
                .orElse(null);
        SCHED_SETSCHEDULER = libc.find("sched_setscheduler")
                .map(address ->
                        linker.downcallHandle(address, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS)))
                .orElse(null);
        SETPRIORITY = libc.find("setpriority")
                .map(address ->
                        linker.downcallHandle(address, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)))
                .orElse(null);
    }

    /** Says where a thread was moved. */
    public enum Level {
        /** To {@code SCHED_IDLE}: it runs only on CPU time nothing else wants. */
        IDLE,
        /** To nice {@value #NICE}, where {@code SCHED_IDLE} was refused. */
        NICE,
        /** Nowhere: the calls are missing or were refused, and it runs at the normal priority. */
        NORMAL
    }

    private BackgroundPriority() {}

    /**
     * Moves the calling thread to {@code SCHED_IDLE}, or else to nice {@value #NICE}.
     *
     * @return where it went
     */
    public static Level lowerCurrentThread() {
        if (GETTID == null) {
            return Level.NORMAL;
        }
        try {
            int tid = (int) GETTID.invokeExact();
            if (SCHED_SETSCHEDULER != null) {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment parameters = arena.allocate(JAVA_INT); // struct sched_param { int priority = 0; }
                    if ((int) SCHED_SETSCHEDULER.invokeExact(tid, SCHED_IDLE, parameters) == 0) {
                        return Level.IDLE;
                    }
                }
            }
            if (SETPRIORITY != null && (int) SETPRIORITY.invokeExact(PRIO_PROCESS, tid, NICE) == 0) {
                return Level.NICE;
            }
            LOG.debugf("cannot lower the priority of training thread %d; it runs at the normal priority", tid);
        } catch (Throwable e) {
            LOG.debugf(e, "cannot lower the priority of a training thread");
        }
        return Level.NORMAL;
    }
}
