-- Each report gets a number in its workshop, taken in the order the reports commit: the dashboard says which reports
-- it shows by the highest number it has, and that must hold when several app instances write to one database. The
-- ids from report_seq cannot say it: each instance takes them 50 at a time, so a later commit may have a lower id.
-- The report writer takes the numbers by updating workshop.report_seq in the transaction that stores the reports;
-- the row's lock keeps a second instance's reports for that workshop until this one commits, so numbers follow
-- commits, with no gaps (a transaction that rolls back gives its numbers back).
alter table workshop add column report_seq bigint default 0 not null;
alter table lesson_progress add column seq bigint;
alter table quiz_answer add column seq bigint;
alter table exercise_result add column seq bigint;
alter table training_result add column seq bigint;
alter table latency_run add column seq bigint;

-- Reports stored before: numbered in the order of their ids, which one instance gave out in commit order.
create table report_number as
select id, workshop_id, row_number() over (partition by workshop_id order by id) as seq
from (
    select id, workshop_id from lesson_progress
    union all select id, workshop_id from quiz_answer
    union all select id, workshop_id from exercise_result
    union all select id, workshop_id from training_result
    union all select id, workshop_id from latency_run
) reports;

update lesson_progress set seq = (select n.seq from report_number n where n.id = lesson_progress.id);
update quiz_answer set seq = (select n.seq from report_number n where n.id = quiz_answer.id);
update exercise_result set seq = (select n.seq from report_number n where n.id = exercise_result.id);
update training_result set seq = (select n.seq from report_number n where n.id = training_result.id);
update latency_run set seq = (select n.seq from report_number n where n.id = latency_run.id);
update workshop set report_seq = coalesce((select max(n.seq) from report_number n where n.workshop_id = workshop.id), 0);
drop table report_number;

alter table lesson_progress alter column seq set not null;
alter table quiz_answer alter column seq set not null;
alter table exercise_result alter column seq set not null;
alter table training_result alter column seq set not null;
alter table latency_run alter column seq set not null;
