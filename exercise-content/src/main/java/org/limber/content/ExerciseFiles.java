package org.limber.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads the exercise files: every {@code *.yaml} of a classpath folder, in file name order. */
public final class ExerciseFiles {

    /** The folder the library lives in. */
    public static final String LOCATION = "exercises";

    /** One entry of a file: its slug and its other fields as written. */
    public record Entry(String file, String slug, ObjectNode fields) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ExerciseFiles() {}

    public static List<Entry> read() {
        return read(LOCATION);
    }

    public static List<Entry> read(String location) {
        URL marker = Thread.currentThread().getContextClassLoader().getResource(location + "/README.md");
        if (marker == null) {
            throw new IllegalStateException(
                    "No exercise folder " + location + " (with its README.md) on the classpath");
        }
        try {
            URI uri = marker.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readFolder(Path.of(uri).getParent());
            }
            try {
                return readFolder(
                        FileSystems.getFileSystem(uri).provider().getPath(uri).getParent());
            } catch (FileSystemNotFoundException notOpenYet) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readFolder(jar.provider().getPath(uri).getParent());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Entry> readFolder(Path folder) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                String name = file.getFileName().toString();
                try (InputStream in = Files.newInputStream(file)) {
                    for (JsonNode node : YAML.readTree(in).path("exercises")) {
                        ObjectNode fields = node.deepCopy();
                        JsonNode slug = fields.remove("slug");
                        entries.add(new Entry(name, slug == null ? null : slug.asText(), fields));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot read " + name + ": " + e.getMessage(), e);
                }
            }
        }
        return entries;
    }
}
