package org.limber.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How {@link SourceSize} measures a source file and its methods. */
class SourceSizeTest {

    /** A class whose method {@code name} spans {@code bodyLines} statements, with Javadoc and annotations above it. */
    private static List<String> source(String name, int bodyLines) {
        List<String> text = new ArrayList<>(List.of(
                "package x;",
                "",
                "/** A class. */",
                "public class A {",
                "",
                "    /** Javadoc, not counted. */",
                "    @Deprecated",
                "    @SuppressWarnings(\"all\")",
                "    void " + name + "(",
                "            int a) {"));
        for (int i = 0; i < bodyLines; i++) {
            text.add("        a++;");
        }
        text.add("    }");
        text.add("");
        text.add("    record R(int b) {");
        text.add("        R {");
        text.add("        }");
        text.add("    }");
        text.add("}");
        return text;
    }

    @Test
    void aMethodIsMeasuredFromTheLineOfItsNameToItsClosingBrace() {
        // Name and parameters on 2 lines, 57 statements, the closing brace: 60 lines, within the limit.
        assertEquals(List.of(), new SourceSize(Path.of("A.java"), source("fits", 57)).methodsOver(60));
        // One statement more: 61 lines, starting at line 9 (the annotations and Javadoc above it are not counted).
        assertEquals(
                List.of(new SourceSize.LongMethod("tooLong", 9, 61)),
                new SourceSize(Path.of("A.java"), source("tooLong", 58)).methodsOver(60));
    }

    @Test
    void aFileIsMeasuredInLines() {
        assertEquals(17 + 57, new SourceSize(Path.of("A.java"), source("m", 57)).lines());
    }

    @Test
    void constructorsOfRecordsAreMeasuredToo() {
        List<SourceSize.LongMethod> found = new SourceSize(Path.of("A.java"), source("m", 1)).methodsOver(1);
        assertEquals(
                List.of("m", "R"),
                found.stream().map(SourceSize.LongMethod::name).toList());
    }
}
