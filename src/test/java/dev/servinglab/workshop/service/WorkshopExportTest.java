package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class WorkshopExportTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDisarmed() {
        assertThat(WorkshopExport.cell("=HYPERLINK(\"x\")"), equalTo("\"'=HYPERLINK(\"\"x\"\")\""));
        assertThat(WorkshopExport.cell("+1"), equalTo("\"'+1\""));
        assertThat(WorkshopExport.cell("@SUM"), equalTo("\"'@SUM\""));
    }

    @Test
    void cellsAreQuotedAsRfc4180Asks() {
        assertThat(WorkshopExport.cell("Ana"), equalTo("Ana"));
        assertThat(WorkshopExport.cell("a, b"), equalTo("\"a, b\""));
        assertThat(WorkshopExport.cell("say \"hi\""), equalTo("\"say \"\"hi\"\"\""));
    }
}
