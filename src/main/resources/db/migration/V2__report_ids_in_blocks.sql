-- Report ids are taken from the sequence 50 at a time (Report.IDS_PER_CALL): one call per 50 reports instead of one
-- per report. Ids already given stay below the next block, so nothing is renumbered.
alter sequence report_seq increment by 50;
