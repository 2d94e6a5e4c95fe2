package dev.servinglab.workshop.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checks when the directory may keep what it loaded: an entry read while that entry changed is not kept, while a
 * change to another entry (a classmate joining) does not stop it being kept.
 */
class WorkshopDirectoryChangeLogTest {

    @Test
    void anEntryReadAcrossItsOwnChangeIsNotKept() {
        WorkshopDirectory.ChangeLog log = new WorkshopDirectory.ChangeLog();
        long before = WorkshopDirectory.ChangeLog.now();
        log.changed(7);
        assertFalse(log.unchangedSince(7, before));
    }

    @Test
    void aChangeToAnotherEntryDoesNotStopAnEntryBeingKept() {
        WorkshopDirectory.ChangeLog log = new WorkshopDirectory.ChangeLog();
        long before = WorkshopDirectory.ChangeLog.now();
        log.changed(8);
        assertTrue(log.unchangedSince(7, before));
    }

    @Test
    void anEntryReadAfterItsChangeIsKept() {
        WorkshopDirectory.ChangeLog log = new WorkshopDirectory.ChangeLog();
        log.changed(7);
        long after = WorkshopDirectory.ChangeLog.now();
        assertTrue(log.unchangedSince(7, after));
    }

    @Test
    void whenTheLogStartsAgainNothingReadBeforeIsKept() {
        WorkshopDirectory.ChangeLog log = new WorkshopDirectory.ChangeLog();
        long before = WorkshopDirectory.ChangeLog.now();
        // Fill the log to its bound with changes to other entries: the next change clears it.
        for (long id = 1_000_000; id < 1_010_001; id++) {
            log.changed(id);
        }
        assertFalse(log.unchangedSince(7, before));
        assertTrue(log.unchangedSince(7, WorkshopDirectory.ChangeLog.now()));
    }
}
