package org.limber.testsupport;

import java.nio.file.Path;
import java.util.UUID;

/** Temporary folders for test servers, under the build's temporary folder (target/tmp). */
final class TestDirs {

    private TestDirs() {}

    static Path fresh(String name) {
        return Path.of(
                System.getProperty("java.io.tmpdir"),
                name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
