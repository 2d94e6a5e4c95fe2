package dev.servinglab.workshop.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrades a workshop database made before reports were numbered per workshop (migrations V1 and V2, as a class
 * left it on an instructor's laptop) and checks that every report gets its number in its workshop, in the order it
 * was stored, and each workshop's counter its last number.
 */
class ReportNumbersMigrationTest {

    private static final String URL = "jdbc:h2:mem:report-numbers;DB_CLOSE_DELAY=-1";

    @Test
    void reportsStoredBeforeAreNumberedPerWorkshopInTheOrderStored() throws SQLException {
        Flyway.configure().dataSource(URL, "", "").target("2").load().migrate();
        try (Connection db = DriverManager.getConnection(URL);
                Statement sql = db.createStatement()) {
            sql.execute("insert into workshop (id, code, title, secret_hash, answers_held, created_at, revealed)"
                    + " values (1, 'AAAAAA', 'one', 'h', false, current_timestamp, false),"
                    + " (2, 'BBBBBB', 'two', 'h', false, current_timestamp, false),"
                    + " (3, 'CCCCCC', 'none yet', 'h', false, current_timestamp, false)");
            sql.execute("insert into learner (id, workshop_id, nickname, nickname_key, token_hash, joined_at)"
                    + " values (1, 1, 'a', 'a', 't1', current_timestamp), (2, 2, 'b', 'b', 't2', current_timestamp)");
            // Ids from the one report sequence, interleaved between the workshops and the kinds of report.
            sql.execute("insert into quiz_answer (id, workshop_id, learner_id, quiz, question, answer, correct,"
                    + " answered_at) values (3, 1, 1, 'q', 'q1', '{}', true, current_timestamp),"
                    + " (51, 2, 2, 'q', 'q1', '{}', false, current_timestamp)");
            sql.execute("insert into lesson_progress (id, workshop_id, learner_id, lesson, state, reported_at)"
                    + " values (1, 1, 1, 'l', 'visited', current_timestamp),"
                    + " (2, 2, 2, 'l', 'visited', current_timestamp)");
            sql.execute("insert into latency_run (id, workshop_id, learner_id, requests, errors, concurrency, seconds,"
                    + " buckets, reported_at) values (60, 1, 1, 1, 0, 1, 0.1, '[]', current_timestamp)");
        }

        Flyway.configure().dataSource(URL, "", "").load().migrate();

        try (Connection db = DriverManager.getConnection(URL);
                Statement sql = db.createStatement()) {
            assertThat(
                    rows(
                            sql,
                            "select id, seq from lesson_progress union all select id, seq from quiz_answer"
                                    + " union all select id, seq from latency_run order by id"),
                    contains("1:1", "2:1", "3:2", "51:2", "60:3"));
            assertThat(rows(sql, "select id, report_seq from workshop order by id"), contains("1:3", "2:2", "3:0"));
            assertThat(
                    rows(sql, "select count(*), 0 from information_schema.tables where table_name = 'REPORT_NUMBER'"),
                    equalTo(List.of("0:0")));
        }
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getLong(1) + ":" + result.getLong(2));
            }
        }
        return rows;
    }
}
